#include "schedule/pick.hpp"

#include "schedule/schedule_fixtures.hpp"

using namespace farol::schedule;
using namespace farol::schedule::testing;
using namespace std::chrono_literals;
namespace chr = std::chrono;

namespace {
// Windows at odd seconds, rules crossing midnight and a day change, a paused entry, an override
// for part of the day and an entry in another language: every kind of edge pick() must announce.
std::vector<entry> busy_plan(instant day) {
    std::vector<entry> es{make_entry("a", 3), make_entry("b", 1), make_entry("paused", 0),
                          make_entry("f", 1, priority::fallback)};
    auto windowed = make_entry("w", 2);
    windowed.from = day + 3h + 17min + 41s;
    windowed.until = day + 9h + 2min + 5s;
    es.push_back(windowed);
    auto night = make_entry("night", 4, priority::override);
    night.hours = hour_range{22, 3};
    night.days = day_bit(chr::Saturday);
    es.push_back(night);
    auto over = make_entry("over", 1, priority::override);
    over.from = day + 13h + 59min + 59s;
    over.until = day + 14h + 0min + 1s;
    es.push_back(over);
    auto french = make_entry("fr-only", 1000);
    french.languages = {"fr"};
    es.push_back(french);
    return es;
}

// Walks [from, until) second by second: the result never changes before the announced boundary.
void scan(slot const& s, std::vector<entry> const& es, instant from, instant until, std::size_t count) {
    auto current = pick(s, es, "pt-BR", from, count);
    int changes = 0;
    for (auto t = from + 1s; t < until; t += 1s) {
        auto const r = pick(s, es, "pt-BR", t, count);
        REQUIRE(r.next_boundary > t);
        REQUIRE(r.period_start <= t);
        REQUIRE(t - r.period_start < s.period);
        if (t < current.next_boundary) {
            INFO(format_local(s.tz, t) << " announced " << format_local(s.tz, current.next_boundary));
            REQUIRE(r.campaigns == current.campaigns);
            REQUIRE(r.next_boundary == current.next_boundary);
        } else {
            REQUIRE(t == current.next_boundary); // boundaries are exact instants, none skipped
            changes += r.campaigns != current.campaigns;
            current = r;
        }
    }
    CHECK(changes >= 10); // the plan does rotate: the scan is not vacuous
}
} // namespace

TEST_CASE("next_boundary: the pick never changes before it, second by second over New York's fall-back day", "[schedule]") {
    auto const s = hourly("America/New_York");
    auto const day = utc(2026, 10, 31, 4); // Saturday 00:00 EDT; Sunday has 25 hours
    scan(s, busy_plan(day), day, day + 49h, 1);
}

TEST_CASE("next_boundary: the same holds for a list slot, and in a half-hour zone", "[schedule]") {
    auto const day = utc(2026, 3, 7, 5); // Saturday 00:00 EST; Sunday loses an hour
    scan(hourly("America/New_York"), busy_plan(day), day, day + 30h, 3);
    auto const kolkata = hourly("Asia/Kolkata"); // local hours start at hh:30 UTC, inside periods
    auto const k_day = utc(2026, 7, 31, 18, 30); // Saturday 00:00 IST
    scan(kolkata, busy_plan(k_day), k_day, k_day + 26h, 1);
}
