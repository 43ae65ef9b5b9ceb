#include "schedule/timeline.hpp"

#include "schedule/pick.hpp"
#include "schedule/shares.hpp"

#include "schedule/schedule_fixtures.hpp"

#include <stdexcept>

using namespace farol::schedule;
using namespace farol::schedule::testing;
using namespace std::chrono_literals;
namespace chr = std::chrono;

// Failed comparisons print segments in UTC, as "[2026-07-30 10:20 +0s, 2026-07-30 11:40 +30s) 0".
template <> struct Catch::StringMaker<segment> {
    static std::string convert(segment const& s) {
        auto const when = [](instant t) {
            auto const seconds = std::to_string(t.time_since_epoch().count() % 60);
            return format_wall(wall_time(t.time_since_epoch())) + " +" + seconds + "s";
        };
        return "[" + when(s.from) + ", " + when(s.until) + ") " + (s.entry ? std::to_string(*s.entry) : "none");
    }
};

namespace {

// The invariants every timeline keeps: the span covered exactly, no empty piece, no equal neighbours.
void check_covers(std::vector<segment> const& segs, instant from, chr::seconds span) {
    REQUIRE_FALSE(segs.empty());
    CHECK(segs.front().from == from);
    CHECK(segs.back().until == from + span);
    for (std::size_t i = 0; i < segs.size(); ++i) {
        INFO("segment " << i);
        CHECK(segs[i].from < segs[i].until);
        if (i + 1 == segs.size()) continue;
        CHECK(segs[i].until == segs[i + 1].from);
        CHECK(segs[i].entry != segs[i + 1].entry);
    }
}

std::optional<std::size_t> shown_at(slot const& s, std::vector<entry> const& es, std::string_view lang, instant t) {
    auto const r = pick(s, es, lang, t);
    if (r.entries.empty()) return std::nullopt;
    return r.entries.front();
}

// The hour of the local wall clock at t.
long local_hour(zone const& z, instant t) {
    auto const wall = to_local(z, t).wall;
    return chr::duration_cast<chr::hours>(wall - chr::floor<chr::days>(wall)).count();
}

} // namespace

TEST_CASE("timeline merges neighbouring periods that show the same entry", "[schedule]") {
    auto const s = hourly();
    auto const from = utc(2026, 7, 27, 3);
    std::vector<entry> const alone{make_entry("sozinha")};
    CHECK(timeline(s, alone, "pt-BR", from) == std::vector<segment>{{from, from + 168h, 0}});

    std::vector<entry> const es{make_entry("a", 3), make_entry("b", 1)};
    auto const segs = timeline(s, es, "pt-BR", from);
    check_covers(segs, from, 168h);
    // 3:1 gives "a" runs of consecutive hours: fewer segments than periods, each whole hours.
    CHECK(segs.size() >= 83); // 42 turns of b, with a's runs between them
    CHECK(segs.size() <= 85);
    for (auto const& seg : segs) {
        CHECK((seg.until - seg.from) % 1h == 0s);
        REQUIRE(seg.entry);
        if (*seg.entry == 1) CHECK(seg.until - seg.from == 1h); // b never holds two hours running
    }
}

TEST_CASE("timeline cuts window edges inside a period to the second", "[schedule]") {
    auto const s = hourly();
    auto e = make_entry("curta");
    e.from = utc(2026, 7, 30, 10, 20);
    e.until = utc(2026, 7, 30, 11, 40, 30);
    std::vector<entry> const es{e, make_entry("sempre", 1, priority::fallback)};
    auto const day = utc(2026, 7, 30);
    CHECK(timeline(s, es, "pt-BR", day, 24h) ==
          std::vector<segment>{{day, *e.from, 1}, {*e.from, *e.until, 0}, {*e.until, day + 24h, 1}});
    // A span ending inside the window ends the last segment there, not at the period's end.
    CHECK(timeline(s, es, "pt-BR", *e.from + 5s, 10min) == std::vector<segment>{{*e.from + 5s, *e.from + 605s, 0}});
}

TEST_CASE("timeline shows the time nothing is eligible as segments without an entry", "[schedule]") {
    auto const s = hourly();
    auto e = make_entry("curta");
    e.from = utc(2026, 7, 30, 10, 20);
    e.until = utc(2026, 7, 30, 11, 40, 30);
    auto french = make_entry("frances");
    french.languages = {"fr"};
    std::vector<entry> const es{e, french, make_entry("pausada", 0)};
    auto const day = utc(2026, 7, 30);
    CHECK(timeline(s, es, "pt-BR", day, 24h) == std::vector<segment>{{day, *e.from, std::nullopt},
                                                                       {*e.from, *e.until, 0},
                                                                       {*e.until, day + 24h, std::nullopt}});
    CHECK(timeline(s, es, "de", day, 24h) == std::vector<segment>{{day, day + 24h, std::nullopt}});
    CHECK(timeline(s, std::vector<entry>{}, "pt-BR", day, 24h) == std::vector<segment>{{day, day + 24h, std::nullopt}});
    CHECK(timeline(s, es, "pt-BR", day, 0s).empty());
}

TEST_CASE("timeline covers the span exactly and agrees with pick and shares", "[schedule]") {
    auto const s = hourly("America/Sao_Paulo");
    auto windowed = make_entry("janela", 2);
    windowed.from = utc(2026, 7, 28, 14, 7, 13);
    windowed.until = utc(2026, 8, 1, 2, 59, 59);
    auto evenings = make_entry("noite", 1, priority::override);
    evenings.hours = hour_range{22, 2};
    evenings.days = day_bit(chr::Friday) | day_bit(chr::Saturday);
    auto mornings = make_entry("manha", 3);
    mornings.hours = hour_range{6, 11};
    std::vector<entry> const es{make_entry("a", 1), windowed, evenings, mornings,
                                make_entry("reserva", 1, priority::fallback)};
    for (auto const from : {utc(2026, 7, 27, 3), utc(2026, 7, 29, 16, 33, 1)}) {
        for (auto const span : {chr::seconds(168h), chr::seconds(25h + 17s)}) {
            auto const segs = timeline(s, es, "es", from, span);
            check_covers(segs, from, span);
            for (auto const& seg : segs) {
                CHECK(shown_at(s, es, "es", seg.from) == seg.entry);
                CHECK(shown_at(s, es, "es", seg.until - 1s) == seg.entry);
            }
            auto const report = shares(s, es, "es", from, span);
            std::vector<chr::seconds> summed(es.size());
            for (auto const& seg : segs) summed[seg.entry.value()] += seg.until - seg.from;
            CHECK(report.shown == summed);
        }
    }
    slot bad = s;
    bad.period = 7min;
    CHECK_THROWS_AS(timeline(bad, es, "es", utc(2026, 7, 27), 1h), std::invalid_argument);
}

TEST_CASE("timeline follows an hour rule across New York's clock changes", "[schedule]") {
    auto const s = hourly("America/New_York");
    auto e = make_entry("nine-to-five");
    e.hours = hour_range{9, 17};
    std::vector<entry> const es{e};
    // Thursday 2026-03-05 00:00 EST: the week holds the spring-forward Sunday (March 8).
    auto const from = utc(2026, 3, 5, 5);
    auto const segs = timeline(s, es, "en", from);
    check_covers(segs, from, 168h);
    std::vector<segment> shown;
    for (auto const& seg : segs)
        if (seg.entry) shown.push_back(seg);
    REQUIRE(shown.size() == 7);
    for (std::size_t d = 0; d < shown.size(); ++d) {
        INFO("day " << d);
        CHECK(local_hour(s.tz, shown[d].from) == 9);
        CHECK(local_hour(s.tz, shown[d].until) == 17);
        CHECK(shown[d].until - shown[d].from == 8h);
        // 09:00 is 14:00 UTC on EST days and 13:00 UTC from Sunday on (EDT).
        CHECK(shown[d].from == utc(2026, 3, 5 + static_cast<unsigned>(d), d < 3 ? 14 : 13));
    }
    // The repeated 01:00 hour of November 1 is two hours of UTC time, merged into one segment; the
    // skipped 02:00 hour of March 8 never shows.
    auto one_am = make_entry("one-am");
    one_am.hours = hour_range{1, 2};
    auto const fall = timeline(s, std::vector<entry>{one_am}, "en", utc(2026, 11, 1, 4), 6h);
    CHECK(fall == std::vector<segment>{{utc(2026, 11, 1, 4), utc(2026, 11, 1, 5), std::nullopt},
                                       {utc(2026, 11, 1, 5), utc(2026, 11, 1, 7), 0},
                                       {utc(2026, 11, 1, 7), utc(2026, 11, 1, 10), std::nullopt}});
    auto two_am = make_entry("two-am");
    two_am.hours = hour_range{2, 3};
    auto const spring = timeline(s, std::vector<entry>{two_am}, "en", utc(2026, 3, 8, 4), 6h);
    CHECK(spring == std::vector<segment>{{utc(2026, 3, 8, 4), utc(2026, 3, 8, 10), std::nullopt}});
}
