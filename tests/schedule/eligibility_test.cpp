#include "schedule/eligibility.hpp"
#include "schedule/pick.hpp"

#include "schedule/schedule_fixtures.hpp"

using namespace farol::schedule;
using namespace farol::schedule::testing;
using namespace std::chrono_literals;
namespace chr = std::chrono;

TEST_CASE("hour rules read Sao Paulo's clock, UTC-3 all year", "[schedule]") {
    auto const s = hourly("America/Sao_Paulo");
    auto e = make_entry("manha");
    e.hours = hour_range{9, 12};
    CHECK_FALSE(eligible(s, e, "pt-BR", utc(2026, 1, 10, 11, 59, 59)));
    CHECK(eligible(s, e, "pt-BR", utc(2026, 1, 10, 12, 0, 0)));   // 09:00 local
    CHECK(eligible(s, e, "pt-BR", utc(2026, 7, 10, 14, 59, 59))); // 11:59:59 local
    CHECK_FALSE(eligible(s, e, "pt-BR", utc(2026, 7, 10, 15, 0, 0)));
}

TEST_CASE("hour rules follow New York's clock across both 2026 changes", "[schedule]") {
    auto const s = hourly("America/New_York");
    auto e = make_entry("nine-to-five");
    e.hours = hour_range{9, 17};
    // 13:30 UTC is 08:30 EST in winter and 09:30 EDT in summer.
    CHECK_FALSE(eligible(s, e, "en", utc(2026, 3, 6, 13, 30)));
    CHECK(eligible(s, e, "en", utc(2026, 3, 9, 13, 30)));
    CHECK(eligible(s, e, "en", utc(2026, 10, 30, 13, 30)));
    CHECK_FALSE(eligible(s, e, "en", utc(2026, 11, 2, 13, 30)));
    // The skipped hour never matches; the repeated one matches twice.
    auto skipped = make_entry("two-am");
    skipped.hours = hour_range{2, 3};
    for (auto t = utc(2026, 3, 8, 4); t < utc(2026, 3, 8, 10); t += 15min) CHECK_FALSE(eligible(s, skipped, "en", t));
    auto repeated = make_entry("one-am");
    repeated.hours = hour_range{1, 2};
    CHECK(eligible(s, repeated, "en", utc(2026, 11, 1, 5, 30))); // 01:30 EDT
    CHECK(eligible(s, repeated, "en", utc(2026, 11, 1, 6, 30))); // 01:30 EST
    CHECK_FALSE(eligible(s, repeated, "en", utc(2026, 11, 1, 7, 0)));
    CHECK(pick(s, std::vector<entry>{repeated}, "en", utc(2026, 11, 1, 5, 30)).next_boundary == utc(2026, 11, 1, 6, 0));
    CHECK(pick(s, std::vector<entry>{repeated}, "en", utc(2026, 11, 1, 6, 30)).next_boundary == utc(2026, 11, 1, 7, 0));
}

TEST_CASE("a window starting at the end of New York's spring-forward gap shows from that instant", "[schedule]") {
    auto const s = hourly("America/New_York");
    auto const local = to_utc(s.tz, wall_time(chr::local_days(chr::year(2026) / 3 / 8)) + 2h + 30min);
    REQUIRE(local.kind == wall_kind::nonexistent); // the form refuses 02:30 and offers 03:00 EDT
    auto e = make_entry("spring");
    e.from = local.later;
    std::vector<entry> const es{e};
    CHECK(format_local(s.tz, *e.from) == "2026-03-08 03:00 EDT (UTC-04:00)");
    CHECK_FALSE(pick(s, es, "en", *e.from - 1s).campaign());
    CHECK(pick(s, es, "en", *e.from - 1s).next_boundary == *e.from);
    CHECK(pick(s, es, "en", *e.from).campaign() == "spring");
}

TEST_CASE("an hour rule crossing midnight belongs to the evening it starts", "[schedule]") {
    auto const s = hourly("America/Sao_Paulo");
    auto e = make_entry("sexta-a-noite");
    e.hours = hour_range{22, 6};
    e.days = day_bit(chr::Friday);
    // 2026-07-31 is a Friday; local = UTC - 3.
    CHECK_FALSE(eligible(s, e, "pt-BR", utc(2026, 8, 1, 0, 59, 59))); // Fri 21:59:59
    CHECK(eligible(s, e, "pt-BR", utc(2026, 8, 1, 1, 0)));            // Fri 22:00
    CHECK(eligible(s, e, "pt-BR", utc(2026, 8, 1, 3, 0)));            // Sat 00:00
    CHECK(eligible(s, e, "pt-BR", utc(2026, 8, 1, 8, 59, 59)));       // Sat 05:59:59
    CHECK_FALSE(eligible(s, e, "pt-BR", utc(2026, 8, 1, 9, 0)));      // Sat 06:00
    CHECK_FALSE(eligible(s, e, "pt-BR", utc(2026, 8, 2, 1, 0)));      // Sat 22:00
    CHECK_FALSE(eligible(s, e, "pt-BR", utc(2026, 7, 31, 3, 0)));     // Fri 00:00 is Thursday's night
    CHECK(next_change(s, e, "pt-BR", utc(2026, 7, 31, 12, 0), utc(2026, 8, 3)) == utc(2026, 8, 1, 1, 0));
    CHECK(next_change(s, e, "pt-BR", utc(2026, 8, 1, 1, 0), utc(2026, 8, 3)) == utc(2026, 8, 1, 9, 0));
}

TEST_CASE("a window crossing midnight holds through it", "[schedule]") {
    auto const s = hourly("America/Sao_Paulo");
    auto e = make_entry("virada");
    e.from = utc(2026, 12, 31, 23, 30); // 20:30 local on the 31st
    e.until = utc(2027, 1, 1, 9, 15);   // 06:15 local on the 1st
    std::vector<entry> const es{e, make_entry("outro", 1, priority::fallback)};
    for (auto t = utc(2026, 12, 31, 20); t < utc(2027, 1, 1, 12); t += 1min) {
        INFO(format_local(s.tz, t));
        CHECK(pick(s, es, "pt-BR", t).campaign() == (t >= *e.from && t < *e.until ? "virada" : "outro"));
    }
}

TEST_CASE("hour rules in a half-hour zone start at the local hour, inside a UTC period", "[schedule]") {
    auto const s = hourly("Asia/Kolkata");
    auto e = make_entry("office");
    e.hours = hour_range{9, 17};
    std::vector<entry> const es{e};
    auto const r = pick(s, es, "en", utc(2026, 7, 30, 3, 10)); // 08:40 IST
    CHECK_FALSE(r.campaign());
    CHECK(r.period_start == utc(2026, 7, 30, 3, 0));
    CHECK(r.next_boundary == utc(2026, 7, 30, 3, 30)); // 09:00 IST
    auto const in = pick(s, es, "en", utc(2026, 7, 30, 3, 30));
    CHECK(in.campaign() == "office");
    CHECK(in.next_boundary == utc(2026, 7, 30, 4, 0));
}

TEST_CASE("rotation entries are checked field by field", "[schedule]") {
    CHECK(check(make_entry("ok")).empty());
    auto e = make_entry("");
    e.from = utc(2026, 7, 30);
    e.until = e.from;
    e.weight = 1001;
    e.languages.clear();
    e.days = 0;
    e.hours = hour_range{5, 5};
    CHECK(check(e) == std::vector<entry_problem>{entry_problem::empty_campaign, entry_problem::window_order,
                                                 entry_problem::weight_range, entry_problem::no_languages,
                                                 entry_problem::no_days, entry_problem::hour_range});
    auto h = make_entry("h");
    for (auto const& [range, ok] : std::vector<std::pair<hour_range, bool>>{
             {{22, 6}, true}, {{0, 24}, false}, {{22, 24}, true}, {{22, 0}, true}, {{24, 3}, false}, {{-1, 3}, false}, {{3, 25}, false}}) {
        h.hours = range;
        INFO(range.from << ".." << range.until);
        CHECK(check(h).empty() == ok);
    }
    h.weight = -1;
    CHECK(check(h) == std::vector<entry_problem>{entry_problem::weight_range, entry_problem::hour_range});
    CHECK(valid_period(1h));
    CHECK(valid_period(15min));
    CHECK(valid_period(24h));
    CHECK_FALSE(valid_period(7min));
    CHECK_FALSE(valid_period(30s));
    CHECK_FALSE(valid_period(48h));
}
