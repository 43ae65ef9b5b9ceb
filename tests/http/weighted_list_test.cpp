#include "http/weighted_list.hpp"

#include <catch2/catch.hpp>

using namespace farol::http;

TEST_CASE("qvalues are parsed to thousandths, exactly as RFC 9110 12.4.2 spells them", "[http][weight]") {
    CHECK(parse_qvalue("0") == 0);
    CHECK(parse_qvalue("1") == 1000);
    CHECK(parse_qvalue("0.5") == 500);
    CHECK(parse_qvalue("0.500") == 500);
    CHECK(parse_qvalue("0.001") == 1);
    CHECK(parse_qvalue("1.000") == 1000);
    for (char const* bad : {"", "1.001", "2", "0.0001", ".5", "0,5", "-0", "0.5x", "1e0", " 1"}) {
        INFO(bad);
        CHECK_FALSE(parse_qvalue(bad));
    }
}

TEST_CASE("a weighted member: value, optional q in either case, nothing else", "[http][weight]") {
    auto m = parse_weighted_member(" br ; Q=0.8 ");
    REQUIRE(m);
    CHECK(m->value == "br");
    CHECK(m->weight == 800);
    m = parse_weighted_member("*");
    REQUIRE(m);
    CHECK(m->value == "*");
    CHECK(m->weight == 1000);
    for (char const* bad : {"", " ; q=1", "fr;level=1", "fr;q=0.5;q=1", "fr;q=", "fr;q=2", "fr;=1"}) {
        INFO(bad);
        CHECK_FALSE(parse_weighted_member(bad));
    }
}
