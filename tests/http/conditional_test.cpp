#include "http/conditional.hpp"

#include <catch2/catch.hpp>

using namespace farol::http;

TEST_CASE("parse_range: the forms of one byte range", "[range]") {
    auto r = parse_range("bytes=0-99", 1000);
    REQUIRE(r.kind == range_result::satisfiable);
    CHECK(r.range.first == 0);
    CHECK(r.range.last == 99);

    r = parse_range("bytes=900-", 1000);
    CHECK(r.range.first == 900);
    CHECK(r.range.last == 999);

    r = parse_range("bytes=-100", 1000);
    CHECK(r.range.first == 900);
    CHECK(r.range.last == 999);

    r = parse_range("bytes=-5000", 1000); // suffix longer than the file: the whole file
    CHECK(r.range.first == 0);
    CHECK(r.range.length() == 1000);

    r = parse_range("bytes=990-5000", 1000); // last clipped to the end
    CHECK(r.range.last == 999);

    r = parse_range(" BYTES = 1 - 2 ", 1000);
    CHECK(r.kind == range_result::ignore); // "bytes =" is not the unit
}

TEST_CASE("parse_range: unsatisfiable and ignored ranges", "[range]") {
    CHECK(parse_range("bytes=1000-", 1000).kind == range_result::unsatisfiable);
    CHECK(parse_range("bytes=1000-2000", 1000).kind == range_result::unsatisfiable);
    CHECK(parse_range("bytes=-0", 1000).kind == range_result::unsatisfiable);
    CHECK(parse_range("bytes=0-", 0).kind == range_result::unsatisfiable);

    CHECK(parse_range("bytes=5-1", 1000).kind == range_result::ignore);
    CHECK(parse_range("bytes=0-1,3-4", 1000).kind == range_result::ignore);
    CHECK(parse_range("items=0-1", 1000).kind == range_result::ignore);
    CHECK(parse_range("bytes=a-b", 1000).kind == range_result::ignore);
    CHECK(parse_range("bytes=-", 1000).kind == range_result::ignore);
    CHECK(parse_range("bytes=99999999999999999999-", 1000).kind == range_result::ignore);
    CHECK(parse_range("bytes=+1-2", 1000).kind == range_result::ignore);
    CHECK(parse_range("", 1000).kind == range_result::ignore);
}

TEST_CASE("If-None-Match uses weak comparison over a list", "[etag]") {
    CHECK(if_none_match_matches("\"abc\"", "\"abc\""));
    CHECK(if_none_match_matches("W/\"abc\"", "\"abc\""));
    CHECK(if_none_match_matches("\"x\", \"abc\"", "\"abc\""));
    CHECK(if_none_match_matches("*", "\"abc\""));
    CHECK_FALSE(if_none_match_matches("\"abcd\"", "\"abc\""));
    CHECK_FALSE(if_none_match_matches("abc", "\"abc\""));
    CHECK_FALSE(if_none_match_matches("", "\"abc\""));
}

TEST_CASE("If-Range needs a strong match", "[etag]") {
    CHECK(if_range_matches("\"abc\"", "\"abc\""));
    CHECK_FALSE(if_range_matches("W/\"abc\"", "\"abc\""));
    CHECK_FALSE(if_range_matches("\"abd\"", "\"abc\""));
    CHECK_FALSE(if_range_matches("Wed, 21 Oct 2015 07:28:00 GMT", "\"abc\""));
}

TEST_CASE("Accept-Encoding negotiation honours q-values", "[encoding]") {
    CHECK(choose_encoding("gzip, deflate, br", true, true) == "br");
    CHECK(choose_encoding("gzip", true, true) == "gzip");
    CHECK(choose_encoding("br;q=0.5, gzip;q=0.9", true, true) == "gzip");
    CHECK(choose_encoding("br;q=0, gzip", true, true) == "gzip");
    CHECK(choose_encoding("BR", true, true) == "br");
    CHECK(choose_encoding("*", true, true) == "br");
    CHECK(choose_encoding("*;q=0", true, true) == "");
    CHECK(choose_encoding("", true, true) == "");
    CHECK(choose_encoding("identity", true, true) == "");
    CHECK(choose_encoding("br", false, true) == "");
    CHECK(choose_encoding("gzip;q=nonsense", true, true) == "");
}

TEST_CASE("Accept-Encoding: coding names are case-insensitive, q=0 stays refused under *", "[encoding]") {
    // RFC 9110 8.4.1 and 12.5.3.
    CHECK(choose_encoding("BR;q=0, *", true, true) == "gzip");
    CHECK(choose_encoding("Br;Q=0, *", true, true) == "gzip");
    CHECK(choose_encoding("GZIP", true, true) == "gzip");
    CHECK(choose_encoding("X-GZIP", true, true) == "gzip");
    CHECK(choose_encoding("*, gzip;q=0", true, true) == "br");
    CHECK(choose_encoding("*, br;q=0, gzip;q=0", true, true) == "");
    CHECK(choose_encoding("*;q=0.5, br;q=0.1", true, true) == "gzip");
    // A substring is not a coding: "brotli" does not name br, "gzipx" does not name gzip.
    CHECK(choose_encoding("brotli;q=0, *", true, true) == "br");
    CHECK(choose_encoding("gzipx;q=0, *", false, true) == "gzip");
    // Identity is preferred only when the client weighs it higher.
    CHECK(choose_encoding("gzip;q=0.5, identity", true, true) == "");
    CHECK(choose_encoding("gzip;q=0.5, identity;q=0.4", true, true) == "gzip");
    // Spaces around the parameter, and a malformed weight that makes the member not count.
    CHECK(choose_encoding("br ; q=0.9 , gzip;q=1", true, true) == "gzip");
    CHECK(choose_encoding("br;q=2", true, true) == "");
    CHECK(choose_encoding("br;q=1.000", true, true) == "br");
    CHECK(choose_encoding("br;q=1.001", true, true) == "");
}

TEST_CASE("If-Match uses strong comparison", "[etag]") {
    CHECK(if_match_matches("\"abc\"", "\"abc\""));
    CHECK(if_match_matches("\"x\", \"abc\"", "\"abc\""));
    CHECK(if_match_matches("*", "\"abc\""));
    CHECK_FALSE(if_match_matches("W/\"abc\"", "\"abc\""));
    CHECK_FALSE(if_match_matches("\"abc\"", "W/\"abc\""));
    CHECK_FALSE(if_match_matches("\"nope\"", "\"abc\""));
}

TEST_CASE("Accept-Encoding answers stay right when a thread sees headers alternate", "[encoding]") {
    for (int i = 0; i < 3; ++i) {
        CHECK(choose_encoding("gzip, deflate, br", true, true) == "br");
        CHECK(choose_encoding("gzip, deflate, br", false, true) == "gzip");
        CHECK(choose_encoding("br;q=0, *", true, true) == "gzip");
        CHECK(choose_encoding("", true, true) == "");
        CHECK(choose_encoding(std::string(300, ' ') + "br", true, true) == "br"); // too long to remember
    }
}
