#include "http/response.hpp"
#include "http/security_headers.hpp"

#include <catch2/catch.hpp>

using namespace farol::http;

namespace {
std::size_t count_of(std::string const& text, std::string_view needle) {
    std::size_t n = 0;
    for (auto p = text.find(needle); p != std::string::npos; p = text.find(needle, p + 1)) ++n;
    return n;
}
} // namespace

TEST_CASE("every response gets the security headers, HSTS only when asked for") {
    auto const res = make_text(status::ok, "hi");
    std::string plain, https;
    security_headers({}).append(res, plain);
    security_headers({.hsts = true, .hsts_max_age = 600}).append(res, https);
    for (auto const* name : {"Content-Security-Policy: default-src 'none';", "X-Content-Type-Options: nosniff\r\n",
                             "Referrer-Policy: no-referrer\r\n", "Permissions-Policy: camera=()",
                             "Cross-Origin-Opener-Policy: same-origin\r\n"}) {
        CHECK(count_of(plain, name) == 1);
        CHECK(count_of(https, name) == 1);
    }
    CHECK(count_of(plain, "Strict-Transport-Security") == 0);
    CHECK(count_of(https, "Strict-Transport-Security: max-age=600; includeSubDomains\r\n") == 1);
}

TEST_CASE("a security header the handler set on purpose is kept, the others still added") {
    auto res = make_text(status::ok, "widget");
    res.set("content-security-policy", "frame-ancestors https://partner.example");
    std::string out;
    security_headers({}).append(res, out);
    CHECK(count_of(out, "Content-Security-Policy") == 0);
    CHECK(count_of(out, "X-Content-Type-Options: nosniff\r\n") == 1);
    CHECK(count_of(out, "Referrer-Policy: no-referrer\r\n") == 1);
}
