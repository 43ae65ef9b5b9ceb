#include "schedule/zone.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace farol::schedule;
using namespace std::chrono_literals;
namespace chr = std::chrono;

namespace {
instant utc(int y, unsigned mo, unsigned d, int h, int mi, int s = 0) {
    return instant(chr::sys_days(chr::year(y) / mo / d)) + chr::hours(h) + chr::minutes(mi) + chr::seconds(s);
}
wall_time wall(int y, unsigned mo, unsigned d, int h, int mi) {
    return wall_time(chr::local_days(chr::year(y) / mo / d)) + chr::hours(h) + chr::minutes(mi);
}
zone must(std::string_view name) {
    auto z = find_zone(name);
    REQUIRE(z);
    return *z;
}
} // namespace

TEST_CASE("find_zone accepts IANA names and refuses anything else without throwing", "[schedule]") {
    CHECK(must("America/Sao_Paulo").name() == "America/Sao_Paulo");
    CHECK(must("America/New_York").name() == "America/New_York");
    CHECK(must("US/Eastern").name() == "US/Eastern"); // a backward link still names a zone
    CHECK(must("Asia/Kolkata").name() == "Asia/Kolkata");
    for (std::string_view bad : {"", "Nope/Zone", "america/sao_paulo", "../../etc/passwd", "/etc/localtime",
                                 "localtime", "posixrules", "America/", "America/Sao Paulo", "right/UTC"}) {
        INFO(bad);
        CHECK_NOTHROW(find_zone(bad));
        CHECK_FALSE(find_zone(bad));
    }
    CHECK(zone().name() == "Etc/UTC");
}

TEST_CASE("zone_names lists the database sorted, every name found, without the host alias", "[schedule]") {
    auto const names = zone_names();
    REQUIRE(names.size() > 300);
    CHECK(std::is_sorted(names.begin(), names.end()));
    CHECK(std::binary_search(names.begin(), names.end(), "America/Sao_Paulo"));
    CHECK_FALSE(std::binary_search(names.begin(), names.end(), "localtime"));
    for (auto const& n : names) {
        INFO(n);
        REQUIRE(find_zone(n));
    }
}

TEST_CASE("Sao Paulo reads UTC-3 all year, with no daylight saving", "[schedule]") {
    auto const sp = must("America/Sao_Paulo");
    CHECK(format_local(sp, utc(2026, 7, 30, 12, 0)) == "2026-07-30 09:00 -03 (UTC-03:00)");
    CHECK(format_local(sp, utc(2026, 1, 15, 2, 59, 59)) == "2026-01-14 23:59 -03 (UTC-03:00)");
    auto const r = to_local(sp, utc(2026, 12, 31, 3, 0));
    CHECK(r.offset == -3h);
    CHECK(format_wall(r.wall) == "2026-12-31 00:00");
    for (unsigned month = 1; month <= 12; ++month) {
        auto const res = to_utc(sp, wall(2026, month, 10, 9, 0));
        CHECK(res.kind == wall_kind::unique);
        CHECK(res.earlier == utc(2026, month, 10, 12, 0));
        CHECK(res.later == res.earlier);
    }
}

TEST_CASE("New York: a time in the March 2026 spring-forward gap is nonexistent, with the gap's bounds", "[schedule]") {
    auto const ny = must("America/New_York");
    // 2026-03-08 02:00 EST becomes 03:00 EDT, at 07:00 UTC.
    auto const gap = to_utc(ny, wall(2026, 3, 8, 2, 30));
    CHECK(gap.kind == wall_kind::nonexistent);
    CHECK(gap.earlier == utc(2026, 3, 8, 7, 0));
    CHECK(gap.later == gap.earlier);
    CHECK(format_wall(gap.gap_from) == "2026-03-08 02:00");
    CHECK(format_wall(gap.gap_until) == "2026-03-08 03:00");
    CHECK(to_utc(ny, wall(2026, 3, 8, 2, 0)).kind == wall_kind::nonexistent);
    auto const before = to_utc(ny, wall(2026, 3, 8, 1, 59));
    CHECK(before.kind == wall_kind::unique);
    CHECK(before.earlier == utc(2026, 3, 8, 6, 59));
    auto const after = to_utc(ny, wall(2026, 3, 8, 3, 0));
    CHECK(after.kind == wall_kind::unique);
    CHECK(after.earlier == utc(2026, 3, 8, 7, 0));
    CHECK(format_local(ny, utc(2026, 3, 8, 6, 59, 59)) == "2026-03-08 01:59 EST (UTC-05:00)");
    CHECK(format_local(ny, utc(2026, 3, 8, 7, 0)) == "2026-03-08 03:00 EDT (UTC-04:00)");
}

TEST_CASE("New York: a time in the November 2026 fall-back hour is ambiguous, with both instants an hour apart", "[schedule]") {
    auto const ny = must("America/New_York");
    // 2026-11-01 02:00 EDT becomes 01:00 EST, at 06:00 UTC: 01:00..01:59 happen twice.
    auto const twice = to_utc(ny, wall(2026, 11, 1, 1, 30));
    CHECK(twice.kind == wall_kind::ambiguous);
    CHECK(twice.earlier == utc(2026, 11, 1, 5, 30));
    CHECK(twice.later == utc(2026, 11, 1, 6, 30));
    CHECK(twice.later - twice.earlier == 1h);
    CHECK(to_utc(ny, wall(2026, 11, 1, 1, 0)).kind == wall_kind::ambiguous);
    CHECK(to_utc(ny, wall(2026, 11, 1, 0, 59)).kind == wall_kind::unique);
    auto const two = to_utc(ny, wall(2026, 11, 1, 2, 0));
    CHECK(two.kind == wall_kind::unique);
    CHECK(two.earlier == utc(2026, 11, 1, 7, 0));
    CHECK(format_local(ny, utc(2026, 11, 1, 5, 59, 59)) == "2026-11-01 01:59 EDT (UTC-04:00)");
    CHECK(format_local(ny, utc(2026, 11, 1, 6, 0)) == "2026-11-01 01:00 EST (UTC-05:00)");
}

TEST_CASE("offsets format with sign, hours and minutes", "[schedule]") {
    CHECK(format_offset(0s) == "+00:00");
    CHECK(format_offset(-3h) == "-03:00");
    CHECK(format_offset(5h + 30min) == "+05:30");
    CHECK(format_offset(-(3h + 30min)) == "-03:30");
    CHECK(format_offset(-(3h + 6min + 28s)) == "-03:06:28");
    CHECK(format_local(must("Asia/Kolkata"), utc(2026, 7, 30, 3, 30)) == "2026-07-30 09:00 IST (UTC+05:30)");
}

TEST_CASE("dates parse strictly as YYYY-MM-DD", "[schedule]") {
    auto const d = parse_date("2026-07-30");
    REQUIRE(d);
    CHECK(*d == chr::year(2026) / 7 / 30);
    CHECK(parse_date("2028-02-29"));
    CHECK(parse_date("2199-12-31")); // the last day whose instants the store's nanosecond times hold
    for (std::string_view bad : {"", "2026-7-30", "2026-07-3", "26-07-30", "2026/07/30", "2026-02-29", "2026-13-01",
                                 "2026-00-10", "2026-07-00", "2026-07-32", " 2026-07-30", "2026-07-30 ", "2026-07-3a",
                                 "+026-07-30", "1969-12-31", "2026-07-30T09:00", "2200-01-01", "2926-07-30"}) {
        INFO(bad);
        CHECK_FALSE(parse_date(bad));
    }
}

TEST_CASE("times of day parse strictly as HH:MM", "[schedule]") {
    CHECK(parse_time_of_day("00:00") == 0min);
    CHECK(parse_time_of_day("09:05") == 9h + 5min);
    CHECK(parse_time_of_day("23:59") == 23h + 59min);
    for (std::string_view bad : {"", "9:05", "09:5", "24:00", "23:60", "09-05", "09:05:00", " 09:05", "0a:05", "-1:00"}) {
        INFO(bad);
        CHECK_FALSE(parse_time_of_day(bad));
    }
    CHECK(make_wall(*parse_date("2026-07-30"), *parse_time_of_day("09:00")) == wall(2026, 7, 30, 9, 0));
}
