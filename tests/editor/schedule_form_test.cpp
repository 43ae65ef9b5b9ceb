#include "editor/schedule_form.hpp"

#include "schedule/schedule_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace farol;
using namespace farol::editor;
using farol::schedule::testing::utc;

namespace {

window_form form(std::string zone, time_field from, time_field until = {}) {
    return {std::move(from), std::move(until), std::move(zone)};
}

bool has(window_result const& r, std::string const& field, std::string const& key) {
    for (auto const& p : r.problems)
        if (p.field == field && p.key == key) return true;
    return false;
}

} // namespace

TEST_CASE("window form: a wall time is read in the form's zone and stored in UTC", "[editor][schedule]") {
    auto const r = read_window(form("America/Sao_Paulo", {"2026-07-30", "09:00", ""}, {"2026-07-31", "", ""}));
    REQUIRE(r.problems.empty());
    CHECK(r.window.from == utc(2026, 7, 30, 12)); // -03:00
    CHECK(r.window.until == utc(2026, 7, 31, 3)); // a date alone is its midnight
    auto const open = read_window(form("UTC", {}, {}));
    CHECK(open.problems.empty());
    CHECK(open.window == content::publish_window{});
}

TEST_CASE("window form: a time inside a spring-forward gap is refused, never moved", "[editor][schedule]") {
    // New York skipped 02:00-03:00 on 2026-03-08.
    auto const r = read_window(form("America/New_York", {"2026-03-08", "02:30", ""}));
    REQUIRE(has(r, "from", "schedule.gap"));
    CHECK(r.problems[0].detail == "02:00–03:00");
    CHECK_FALSE(r.window.from);
    // The minute before and the first minute after exist.
    CHECK(read_window(form("America/New_York", {"2026-03-08", "01:59", ""})).window.from == utc(2026, 3, 8, 6, 59));
    CHECK(read_window(form("America/New_York", {"2026-03-08", "03:00", ""})).window.from == utc(2026, 3, 8, 7));
}

TEST_CASE("window form: a time the zone reads twice needs the editor's choice", "[editor][schedule]") {
    // New York read 01:00-02:00 twice on 2026-11-01 (EDT, then EST).
    auto const asked = read_window(form("America/New_York", {"2026-11-01", "01:30", ""}));
    REQUIRE(has(asked, "from", "schedule.ambiguous"));
    REQUIRE(asked.ambiguous.size() == 1);
    CHECK(asked.ambiguous[0].earlier == "2026-11-01 01:30 EDT (UTC-04:00)");
    CHECK(asked.ambiguous[0].later == "2026-11-01 01:30 EST (UTC-05:00)");
    auto const earlier = read_window(form("America/New_York", {"2026-11-01", "01:30", "earlier"}));
    auto const later = read_window(form("America/New_York", {"2026-11-01", "01:30", "later"}));
    REQUIRE(earlier.problems.empty());
    REQUIRE(later.problems.empty());
    CHECK(*earlier.window.from == utc(2026, 11, 1, 5, 30));
    CHECK(*later.window.from == utc(2026, 11, 1, 6, 30));
    // A choice for a time read once changes nothing.
    CHECK(read_window(form("America/New_York", {"2026-11-01", "03:30", "earlier"})).window.from == utc(2026, 11, 1, 8, 30));
}

TEST_CASE("window form: each bad field is named with its reason", "[editor][schedule]") {
    CHECK(has(read_window(form("Mars/Olympus", {"2026-07-30", "09:00", ""})), "zone", "schedule.zone_unknown"));
    CHECK(has(read_window(form("UTC", {"2026-02-30", "09:00", ""})), "from", "schedule.date_invalid"));
    CHECK(has(read_window(form("UTC", {"30/07/2026", "", ""})), "from", "schedule.date_invalid"));
    // A year typed 2926 for 2026 would wrap past system_clock's end (2262) into the past: refused.
    CHECK(has(read_window(form("UTC", {"2926-07-30", "", ""})), "from", "schedule.date_invalid"));
    CHECK(has(read_window(form("UTC", {"2030-01-01", "", ""}, {"2300-01-01", "", ""})), "until", "schedule.date_invalid"));
    CHECK(has(read_window(form("UTC", {"2026-07-30", "24:00", ""})), "from", "schedule.time_invalid"));
    CHECK(has(read_window(form("UTC", {"", "09:00", ""})), "from", "schedule.time_without_date"));
    auto const backwards = read_window(form("UTC", {"2026-07-30", "10:00", ""}, {"2026-07-30", "09:00", ""}));
    CHECK(has(backwards, "until", "schedule.window_order"));
    CHECK(has(read_window(form("UTC", {"2026-07-30", "10:00", ""}, {"2026-07-30", "10:00", ""})), "until",
              "schedule.window_order"));
}

TEST_CASE("window form: a stored instant shows as the zone's wall clock", "[editor][schedule]") {
    auto const z = schedule::testing::must_zone("America/Sao_Paulo");
    CHECK(wall_fields(utc(2026, 7, 30, 12), z) == std::pair<std::string, std::string>{"2026-07-30", "09:00"});
    CHECK(wall_fields(std::nullopt, z) == std::pair<std::string, std::string>{});
    CHECK(read_int("1000", 0, 1000) == 1000);
    CHECK_FALSE(read_int("1001", 0, 1000));
    CHECK_FALSE(read_int("+5", 0, 1000));
    CHECK_FALSE(read_int("", 0, 1000));
    CHECK_FALSE(read_int("5 ", 0, 1000));
}
