#include "http/form_fields.hpp"

#include <catch2/catch.hpp>

using namespace farol::http;

TEST_CASE("cookies: name=value pairs in order, quotes removed, junk skipped (RFC 6265 4.2.1)", "[http][cookies]") {
    auto const c = parse_cookies("__Host-farol_session=abc123; theme=\"dark\";bad; =x;  empty= ; a=b=c");
    REQUIRE(c.size() == 4);
    CHECK(c[0] == std::pair<std::string, std::string>{"__Host-farol_session", "abc123"});
    CHECK(c[1].second == "dark");
    CHECK(c[2] == std::pair<std::string, std::string>{"empty", ""});
    CHECK(c[3] == std::pair<std::string, std::string>{"a", "b=c"});
    CHECK(find_field(c, "theme") == "dark");
    CHECK_FALSE(find_field(c, "missing"));
    CHECK(parse_cookies("").empty());
}

TEST_CASE("forms: application/x-www-form-urlencoded through Boost.URL", "[http][forms]") {
    auto const f = parse_form("name=Maria+da+Silva&city=S%C3%A3o%20Paulo&empty=&flag&&x=1%2B1");
    REQUIRE(f);
    CHECK(find_field(*f, "name") == "Maria da Silva");
    CHECK(find_field(*f, "city") == "São Paulo");
    CHECK(find_field(*f, "empty") == "");
    CHECK(find_field(*f, "flag") == "");
    CHECK(find_field(*f, "x") == "1+1");
    CHECK_FALSE(parse_form("a=%zz"));
    CHECK_FALSE(parse_form("a=%4"));
    CHECK(parse_form("")->empty());
}
