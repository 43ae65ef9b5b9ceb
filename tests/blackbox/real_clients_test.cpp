// Black-box: real clients from Debian's packages against the real server, where their habits matter.
#include "support/process.hpp"
#include "support/test_server.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace farol::test;
using namespace std::chrono_literals;

TEST_CASE("ab -k (HTTP/1.0 keep-alive) finishes at once, on one connection", "[blackbox][conformance][clients]") {
    if (!std::filesystem::exists("/usr/bin/ab")) FAIL("ab is missing: scripts/bootstrap installs apache2-utils");
    auto& s = sample_server();
    auto const url = "http://127.0.0.1:" + std::to_string(s.port()) + "/pt-BR/";
    auto const started = std::chrono::steady_clock::now();
    process ab({.args = {"-k", "-n", "3", "-c", "1", "-s", "10", url}}, "/usr/bin/ab");
    auto const code = ab.wait_for(20s);
    REQUIRE(code);
    INFO(ab.out() << ab.err());
    CHECK(*code == 0);
    // Without the keep-alive confirmation ab waits out the server's keep-alive timeout per request.
    CHECK(std::chrono::steady_clock::now() - started < 5s);
    CHECK(ab.out().find("Keep-Alive requests:    3") != std::string::npos);
    CHECK(ab.out().find("Failed requests:        0") != std::string::npos);
}
