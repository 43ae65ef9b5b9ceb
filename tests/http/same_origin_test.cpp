#include "http/same_origin.hpp"

#include "support/request_builder.hpp"

#include <catch2/catch.hpp>

using farol::http::from_same_origin;
using farol::test::request_builder;

namespace {
bool judge(std::string_view fetch_site, std::string_view origin, std::string_view public_origin = "") {
    request_builder b("/editor/x", farol::http::verb::post); // Host: farol.test
    if (!fetch_site.empty()) b.header("Sec-Fetch-Site", fetch_site);
    if (!origin.empty()) b.header(farol::http::field::origin, origin);
    return from_same_origin(b.context(), public_origin);
}
} // namespace

TEST_CASE("same origin: Sec-Fetch-Site decides when a browser sends it", "[http][csrf]") {
    CHECK(judge("same-origin", ""));
    CHECK(judge("same-origin", "null")); // a no-referrer page's own form
    CHECK(judge("Same-Origin", "http://farol.test"));
    CHECK_FALSE(judge("same-site", "http://farol.test"));
    CHECK_FALSE(judge("cross-site", "http://farol.test"));
    CHECK_FALSE(judge("none", ""));
}

TEST_CASE("same origin: without Sec-Fetch-Site, Origin must name this site", "[http][csrf]") {
    CHECK(judge("", "http://farol.test"));
    CHECK(judge("", "HTTP://FAROL.TEST"));
    CHECK(judge("", "http://farol.test:80"));
    CHECK(judge("", "https://farol.test:443"));
    CHECK(judge("", "https://public.example", "https://public.example"));
    CHECK_FALSE(judge("", "http://farol.test:8080"));
    CHECK_FALSE(judge("", "http://evil.example"));
    CHECK_FALSE(judge("", "http://farol.test.evil.example"));
    CHECK_FALSE(judge("", "http://user@farol.test"));
    CHECK_FALSE(judge("", "ftp://farol.test"));
    CHECK_FALSE(judge("", "null"));
    CHECK_FALSE(judge("", "")); // neither header: not a browser's form
}
