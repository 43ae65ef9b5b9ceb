#include "content/timestamp.hpp"

#include <catch2/catch.hpp>

using namespace farol::content;
using namespace std::chrono;

TEST_CASE("UTC timestamps parse and format back", "[content][timestamp]") {
    auto const t = parse_utc_timestamp("2026-01-01T00:00:00Z");
    REQUIRE(t);
    CHECK(duration_cast<seconds>(t->time_since_epoch()).count() == 1767225600);
    CHECK(format_utc_timestamp(*t) == "2026-01-01T00:00:00Z");
    for (char const* s : {"2030-12-31T23:59:59Z", "2024-02-29T12:30:05Z", "1970-01-01T00:00:00Z",
                          "2026-03-01T00:00:00.5Z", "2026-03-01T00:00:00.123456789Z", "1969-12-31T23:59:59.25Z"}) {
        INFO(s);
        auto const p = parse_utc_timestamp(s);
        REQUIRE(p);
        CHECK(format_utc_timestamp(*p) == s);
    }
    CHECK(format_utc_timestamp(*parse_utc_timestamp("2026-03-01T00:00:00.500Z")) == "2026-03-01T00:00:00.5Z");
    CHECK(*parse_utc_timestamp("2026-03-01T00:00:00.5Z") - *parse_utc_timestamp("2026-03-01T00:00:00Z") ==
          milliseconds(500));
}

TEST_CASE("anything but a UTC RFC 3339 timestamp is refused", "[content][timestamp]") {
    for (char const* s : {"",
                          "2026-01-01",
                          "2026-01-01T00:00:00",
                          "2026-01-01T00:00:00+00:00",
                          "2026-01-01 00:00:00Z",
                          "2026-01-01t00:00:00z",
                          "2026-02-29T00:00:00Z",
                          "2026-13-01T00:00:00Z",
                          "2026-00-10T00:00:00Z",
                          "2026-04-31T00:00:00Z",
                          "2026-01-01T24:00:00Z",
                          "2026-01-01T23:60:00Z",
                          "2026-01-01T23:59:60Z",
                          "2026-01-01T00:00:00.Z",
                          "2026-01-01T00:00:00.1234567890Z",
                          "2026-1-01T00:00:00Z",
                          "+026-01-01T00:00:00Z",
                          "2026-01-01T00:00:0aZ",
                          "9999-01-01T00:00:00Z",
                          "1600-01-01T00:00:00Z",
                          " 2026-01-01T00:00:00Z",
                          "2026-01-01T00:00:00ZZ"}) {
        INFO(s);
        CHECK_FALSE(parse_utc_timestamp(s));
    }
}
