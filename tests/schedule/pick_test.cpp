#include "schedule/pick.hpp"

#include "schedule/schedule_fixtures.hpp"

#include <algorithm>
#include <map>
#include <random>

using namespace farol::schedule;
using namespace farol::schedule::testing;
using namespace std::chrono_literals;

namespace {
std::string shown(slot const& s, std::vector<entry> const& es, instant t, std::string_view lang = "pt-BR") {
    return pick(s, es, lang, t).campaign().value_or("(none)");
}
} // namespace

TEST_CASE("pick: a window starts at its first second and ends before its last, exactly", "[schedule]") {
    auto const s = hourly();
    auto e = make_entry("dia-30-julho");
    e.from = utc(2026, 7, 30, 12, 0, 17);
    e.until = utc(2026, 7, 31, 3, 0, 0);
    std::vector<entry> const es{e};
    CHECK(shown(s, es, *e.from - 1s) == "(none)");
    CHECK(shown(s, es, *e.from) == "dia-30-julho");
    CHECK(shown(s, es, *e.from + 1s) == "dia-30-julho");
    CHECK(shown(s, es, *e.until - 1s) == "dia-30-julho");
    CHECK(shown(s, es, *e.until) == "(none)");
    CHECK(shown(s, es, *e.until + 1s) == "(none)");
    // The start inside a period is a boundary of its own; the end is too.
    CHECK(pick(s, es, "pt-BR", *e.from - 1s).next_boundary == *e.from);
    CHECK(pick(s, es, "pt-BR", *e.from - 3600s).next_boundary == utc(2026, 7, 30, 12, 0, 0));
    CHECK(pick(s, es, "pt-BR", *e.until - 1s).next_boundary == *e.until);
}

TEST_CASE("pick: a period boundary turns the rotation one second after the period's last", "[schedule]") {
    auto const s = hourly();
    std::vector<entry> const es{make_entry("a"), make_entry("b")};
    auto const boundary = utc(2026, 7, 30, 15, 0, 0);
    auto const before = pick(s, es, "pt-BR", boundary - 1s);
    auto const at = pick(s, es, "pt-BR", boundary);
    auto const after = pick(s, es, "pt-BR", boundary + 1s);
    CHECK(before.campaign() != at.campaign()); // 1:1 alternates every period
    CHECK(at.campaign() == after.campaign());
    CHECK(before.period_start == boundary - 1h);
    CHECK(before.next_boundary == boundary);
    CHECK(at.period_start == boundary);
    CHECK(at.next_boundary == boundary + 1h);
    CHECK(after.next_boundary - (boundary + 1s) == 3599s); // max-age: the time left in the period
}

TEST_CASE("pick: periods are UTC-aligned, also for a daily slot and a 15-minute slot", "[schedule]") {
    std::vector<entry> const es{make_entry("a"), make_entry("b")};
    auto daily = hourly();
    daily.period = 24h;
    auto const r = pick(daily, es, "pt-BR", utc(2026, 7, 30, 20, 30));
    CHECK(r.period_start == utc(2026, 7, 30));
    CHECK(r.next_boundary == utc(2026, 7, 31));
    auto quarter = hourly();
    quarter.period = 15min;
    auto const q = pick(quarter, es, "pt-BR", utc(2026, 7, 30, 20, 44, 59));
    CHECK(q.period_start == utc(2026, 7, 30, 20, 30));
    CHECK(q.next_boundary == utc(2026, 7, 30, 20, 45));
    auto broken = hourly();
    broken.period = 7min;
    CHECK_THROWS_AS(pick(broken, es, "pt-BR", utc(2026, 7, 30)), std::invalid_argument);
}

TEST_CASE("pick: override beats scheduled beats fallback, each for as long as it is eligible", "[schedule]") {
    auto const s = hourly();
    auto over = make_entry("override", 1, priority::override);
    over.from = utc(2026, 7, 30, 10);
    over.until = utc(2026, 7, 30, 12);
    auto sched = make_entry("scheduled", 5);
    sched.from = utc(2026, 7, 30, 8);
    sched.until = utc(2026, 7, 30, 14);
    std::vector<entry> const es{make_entry("fallback-1", 1, priority::fallback), sched, over,
                                make_entry("fallback-2", 1000, priority::fallback)};
    for (int h = 0; h < 24; ++h) {
        auto const t = utc(2026, 7, 30, h, 30);
        INFO("hour " << h);
        auto const c = shown(s, es, t);
        if (h >= 10 && h < 12) CHECK(c == "override");
        else if (h >= 8 && h < 14) CHECK(c == "scheduled");
        else CHECK((c == "fallback-1" || c == "fallback-2"));
    }
}

TEST_CASE("pick: an entry lacking the reader's language is skipped, never shown in another", "[schedule]") {
    auto const s = hourly();
    auto only_fr = make_entry("so-frances", 1000);
    only_fr.languages = {"fr"};
    auto no_lang = make_entry("sem-idioma", 1000);
    no_lang.languages = {};
    std::vector<entry> const es{only_fr, no_lang, make_entry("todos")};
    for (int h = 0; h < 48; ++h) {
        auto const t = utc(2026, 7, 30) + std::chrono::hours(h);
        CHECK(shown(s, es, t, "pt-BR") == "todos");
        CHECK(shown(s, es, t, "ht") == "(none)");
        CHECK(shown(s, es, t, "fr") == "so-frances");
    }
}

TEST_CASE("pick: weight 0 is never chosen and never leaves a period empty", "[schedule]") {
    auto const s = hourly();
    std::vector<entry> const es{make_entry("a", 2), make_entry("paused", 0), make_entry("b", 1)};
    std::map<std::string, int> counts;
    for (int h = 0; h < 24; ++h) ++counts[shown(s, es, utc(2026, 7, 30, h))];
    CHECK(counts["paused"] == 0);
    CHECK(counts["(none)"] == 0);
    CHECK(counts["a"] == 16);
    CHECK(counts["b"] == 8);
    std::vector<entry> const all_paused{make_entry("paused", 0, priority::override), make_entry("fallback", 1, priority::fallback)};
    CHECK(shown(s, all_paused, utc(2026, 7, 30, 9)) == "fallback"); // a paused override hides nothing
}

// Each entry's periods over one local day of the slot's zone, counted hour by hour.
std::map<std::string, int> day_counts(slot const& s, std::vector<entry> const& es, instant midnight, int hours) {
    std::map<std::string, int> counts;
    for (int h = 0; h < hours; ++h) ++counts[shown(s, es, midnight + std::chrono::hours(h))];
    return counts;
}

TEST_CASE("pick: every local day holds each entry's weight share within one period", "[schedule]") {
    // Every weight set of 2 to 4 entries with weights 1..6 (3,3,1 and 1,1,1,6,6 included), over a
    // week of Sao Paulo days and New York's two daylight-saving days (23 and 25 hours).
    std::vector<std::vector<int>> sets{{1, 1, 1, 6, 6}, {2, 1, 0}, {1, 2, 7, 0}};
    for (int n = 2; n <= 4; ++n) {
        std::vector<int> w(static_cast<std::size_t>(n), 1);
        while (true) {
            sets.push_back(w);
            std::size_t i = 0;
            while (i < w.size() && w[i] == 6) w[i++] = 1;
            if (i == w.size()) break;
            ++w[i];
        }
    }
    struct day { char const* zone; instant midnight; int hours; };
    std::vector<day> days;
    for (int d = 0; d < 7; ++d) days.push_back({"America/Sao_Paulo", utc(2026, 7, 6 + d, 3), 24});
    days.push_back({"America/New_York", utc(2026, 3, 8, 5), 23});
    days.push_back({"America/New_York", utc(2026, 11, 1, 4), 25});
    for (auto const& d : days) {
        auto const s = hourly(d.zone);
        for (auto const& weights : sets) {
            std::vector<entry> es;
            int total = 0;
            for (std::size_t i = 0; i < weights.size(); ++i) {
                es.push_back(make_entry("c" + std::to_string(i), weights[i]));
                total += weights[i];
            }
            auto counts = day_counts(s, es, d.midnight, d.hours);
            for (std::size_t i = 0; i < weights.size(); ++i) {
                double const ideal = static_cast<double>(d.hours) * weights[i] / total;
                if (std::abs(counts["c" + std::to_string(i)] - ideal) > 1.0)
                    FAIL(Catch::Detail::stringify(weights) << " in " << d.zone << " entry " << i << ": "
                                                           << counts["c" + std::to_string(i)] << " vs " << ideal);
            }
        }
    }
}

TEST_CASE("pick: an override's hours take nothing from the rotation under it", "[schedule]") {
    auto const s = hourly();
    auto evening = make_entry("noite", 1, priority::override);
    evening.hours = hour_range{18, 21};
    std::vector<entry> const es{make_entry("a", 3), make_entry("b", 3), make_entry("c", 1), evening};
    for (int d = 0; d < 7; ++d) {
        auto counts = day_counts(s, es, utc(2026, 7, 6 + d, 3), 24);
        CHECK(counts["noite"] == 3);
        for (auto const& [name, weight] : std::vector<std::pair<std::string, int>>{{"a", 3}, {"b", 3}, {"c", 1}})
            CHECK(std::abs(counts[name] - 21.0 * weight / 7) <= 1.0); // the other 21 hours, by weight
    }
}

TEST_CASE("pick: the same inputs give the same answer, in any entry order", "[schedule]") {
    auto const s = hourly("America/New_York");
    std::vector<entry> es{make_entry("a", 3), make_entry("b", 5), make_entry("c", 1, priority::fallback),
                          make_entry("d", 2), make_entry("e", 7)};
    es[3].hours = hour_range{8, 20};
    auto shuffled = es;
    std::mt19937 rng(3);
    for (int h = 0; h < 24 * 7; ++h) {
        auto const t = utc(2026, 3, 5) + std::chrono::hours(h) + 1234s;
        std::shuffle(shuffled.begin(), shuffled.end(), rng);
        auto const r1 = pick(s, es, "es", t, 3), r2 = pick(s, es, "es", t, 3), r3 = pick(s, shuffled, "es", t, 3);
        CHECK(r1.campaigns == r2.campaigns);
        CHECK(r1.entries == r2.entries);
        CHECK(r1.next_boundary == r2.next_boundary);
        CHECK(r1.campaigns == r3.campaigns);
        CHECK(r1.next_boundary == r3.next_boundary);
    }
}

TEST_CASE("pick: a list slot shows distinct campaigns, the single pick first, lower classes filling in", "[schedule]") {
    auto const s = hourly();
    auto twice = make_entry("a", 1);
    twice.hours = hour_range{0, 12};
    std::vector<entry> const es{make_entry("a", 5), twice, make_entry("b", 2), make_entry("c", 1),
                                make_entry("f", 1, priority::fallback)};
    for (int h = 0; h < 48; ++h) {
        auto const t = utc(2026, 7, 30) + std::chrono::hours(h);
        auto const list = pick(s, es, "pt-BR", t, 4);
        REQUIRE(list.campaigns.size() == 4);
        CHECK(list.campaigns.front() == pick(s, es, "pt-BR", t).campaign());
        CHECK(list.campaigns.back() == "f");
        std::vector<std::string> sorted(list.campaigns.begin(), list.campaigns.begin() + 3);
        std::sort(sorted.begin(), sorted.end());
        CHECK(sorted == std::vector<std::string>{"a", "b", "c"});
        for (std::size_t i = 0; i < list.entries.size(); ++i) CHECK(es[list.entries[i]].campaign == list.campaigns[i]);
    }
    CHECK(pick(s, es, "ar", utc(2026, 7, 30), 4).campaigns.empty());
}
