#include "schedule/shares.hpp"

#include "schedule/schedule_fixtures.hpp"

#include <numeric>

using namespace farol::schedule;
using namespace farol::schedule::testing;
using namespace std::chrono_literals;

TEST_CASE("shares over a week match the weights within one period per day", "[schedule]") {
    auto const s = hourly();
    for (auto const& weights : std::vector<std::vector<int>>{{1, 1}, {3, 1}, {1, 2, 7}, {2, 1, 0}, {10, 7, 3, 1}}) {
        std::vector<entry> es;
        for (std::size_t i = 0; i < weights.size(); ++i) es.push_back(make_entry("c" + std::to_string(i), weights[i]));
        int const total = std::accumulate(weights.begin(), weights.end(), 0);
        // Weeks starting on a Monday 00:00 local, and at an odd hour.
        for (auto const from : {utc(2026, 7, 27, 3), utc(2026, 8, 5, 17)}) {
            auto const r = shares(s, es, "pt-BR", from);
            CHECK(r.until - r.from == std::chrono::hours(168));
            CHECK(r.unfilled == 0s);
            for (std::size_t i = 0; i < weights.size(); ++i) {
                INFO(Catch::Detail::stringify(weights) << " entry " << i);
                CHECK(r.shown[i] % 3600 == 0s); // whole periods: nothing here changes inside one
                double const periods = static_cast<double>(r.shown[i].count()) / 3600.0;
                // The rotation restarts at each local midnight (rotation_walk.hpp): each day is within
                // one period of the weights, so a week (a Monday or an odd hour on) is within seven.
                CHECK(std::abs(periods - 168.0 * weights[i] / total) <= 7.0);
                CHECK(r.fraction(i) == Approx(periods / 168.0));
            }
        }
    }
}

TEST_CASE("shares count a window inside periods to the second, and the time nothing is eligible", "[schedule]") {
    auto const s = hourly();
    auto e = make_entry("curta");
    e.from = utc(2026, 7, 30, 10, 20);
    e.until = utc(2026, 7, 30, 11, 40, 30);
    auto french = make_entry("frances");
    french.languages = {"fr"};
    std::vector<entry> const es{e, french, make_entry("pausada", 0)};
    auto const r = shares(s, es, "pt-BR", utc(2026, 7, 30), 24h);
    CHECK(r.shown[0] == 80min + 30s);
    CHECK(r.shown[1] == 0s);
    CHECK(r.shown[2] == 0s);
    CHECK(r.unfilled == 24h - (80min + 30s));
    CHECK(r.fraction(0) == Approx((80.0 * 60 + 30) / 86400));
    auto const fr = shares(s, es, "fr", utc(2026, 7, 30), 24h);
    CHECK(fr.shown[1] == 24h);
    CHECK(fr.fraction(1) == 1.0);
}

TEST_CASE("shares show an override taking its hours from the rotation under it", "[schedule]") {
    auto const s = hourly("America/New_York");
    auto evening = make_entry("evening", 1, priority::override);
    evening.hours = hour_range{18, 21};
    std::vector<entry> const es{make_entry("a", 1), make_entry("b", 1), evening};
    auto const r = shares(s, es, "en", utc(2026, 7, 27, 4)); // Monday 00:00 EDT
    CHECK(r.shown[2] == 7 * 3h);
    CHECK(r.shown[0] + r.shown[1] == 7 * 21h);
    // The rotation keeps its period clock through the override: each day's 21 hours are 21
    // consecutive turns, within one period of 1:1, so a week is within 7 (the odd hour can fall
    // to the same entry every day: the shares view is where editors see it).
    CHECK(std::chrono::abs(r.shown[0] - r.shown[1]) <= 7h);
    for (int d = 0; d < 7; ++d) {
        auto const day = shares(s, es, "en", utc(2026, 7, 27, 4) + d * 24h, 24h);
        CHECK(std::chrono::abs(day.shown[0] - day.shown[1]) <= 1h);
    }
}

TEST_CASE("shares of a list slot count every entry for all the time it is listed", "[schedule]") {
    auto const s = hourly();
    auto late = make_entry("tarde");
    late.from = utc(2026, 7, 30, 18);
    std::vector<entry> const es{make_entry("a", 3), make_entry("b", 1), late};
    auto const listed = shares(s, es, "pt-BR", utc(2026, 7, 30), 24h, 12);
    CHECK(listed.shown[0] == 24h);
    CHECK(listed.shown[1] == 24h);
    CHECK(listed.shown[2] == 6h);
    CHECK(listed.unfilled == 0s);
    auto const single = shares(s, es, "pt-BR", utc(2026, 7, 30), 24h, 1);
    CHECK(single.shown[0] + single.shown[1] + single.shown[2] == 24h);
}
