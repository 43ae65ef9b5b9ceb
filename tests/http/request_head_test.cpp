#include "http/request_head.hpp"

#include <catch2/catch.hpp>

using namespace farol::http;

namespace {
request head(unsigned version, std::initializer_list<std::pair<std::string, std::string>> fields) {
    request req{verb::get, "/", version};
    for (auto const& [name, value] : fields) req.insert(name, value);
    return req;
}
} // namespace

TEST_CASE("Host is required in HTTP/1.1, once, and well formed (RFC 9112 3.2)", "[http][head]") {
    auto r = head(11, {});
    auto err = check_and_join_fields(r);
    REQUIRE(err);
    CHECK(err->code == status::bad_request);
    CHECK(err->detail.find("Host") != std::string::npos);

    auto twice = head(11, {{"Host", "a"}, {"Host", "a"}});
    CHECK(check_and_join_fields(twice));
    auto twice_other_case = head(11, {{"host", "a"}, {"HOST", "b"}});
    CHECK(check_and_join_fields(twice_other_case));

    for (char const* bad : {"a b", "a/b", "user@a", "a\tb", "[::1", "::1]", "[::1]x", "a[::1]"}) {
        auto r2 = head(11, {{"Host", bad}});
        INFO(bad);
        CHECK(check_and_join_fields(r2));
    }
    for (char const* good : {"", "example.org", "127.0.0.1:8080", "[::1]:80", "[::1]", "xn--farol-9ua.org"}) {
        auto r3 = head(11, {{"Host", good}});
        INFO(good);
        CHECK_FALSE(check_and_join_fields(r3));
    }
    // HTTP/1.0 predates Host: its absence is fine.
    auto old = head(10, {});
    CHECK_FALSE(check_and_join_fields(old));
}

TEST_CASE("list-valued fields on several lines mean one comma-joined line (RFC 9110 5.3)", "[http][head]") {
    auto r = head(11, {{"Host", "t"},
                       {"Accept-Encoding", "*"},
                       {"Accept-Language", "fr"},
                       {"Accept-Encoding", "br;q=0"},
                       {"If-None-Match", "\"a\""},
                       {"accept-language", "pt-BR;q=0"},
                       {"If-None-Match", "\"b\""}});
    REQUIRE_FALSE(check_and_join_fields(r));
    CHECK(r[field::accept_encoding] == "*, br;q=0");
    CHECK(r[field::accept_language] == "fr, pt-BR;q=0");
    CHECK(r[field::if_none_match] == "\"a\", \"b\"");
    CHECK(r.count(field::accept_encoding) == 1);

    auto single = head(11, {{"Host", "t"}, {"Accept-Encoding", "gzip"}});
    REQUIRE_FALSE(check_and_join_fields(single));
    CHECK(single[field::accept_encoding] == "gzip");
}

TEST_CASE("a repeated singleton field is refused, not guessed at", "[http][head]") {
    for (char const* name : {"Range", "If-Range", "If-Modified-Since", "If-Unmodified-Since", "Content-Type"}) {
        auto r = head(11, {{"Host", "t"}, {name, "x"}, {name, "y"}});
        auto err = check_and_join_fields(r);
        INFO(name);
        REQUIRE(err);
        CHECK(err->code == status::bad_request);
        CHECK(err->detail.find(name) != std::string::npos);
    }
}
