// Signals sent to the real binary: SIGTERM/SIGINT stop it gracefully, SIGHUP reloads and keeps serving.
#include "process/farol_server.hpp"
#include "support/raw_client.hpp"
#include "util/hash.hpp"

#include <catch2/catch.hpp>

#include <csignal>
#include <optional>
#include <random>
#include <thread>

using namespace farol::test;
using namespace std::chrono_literals;

namespace {

std::string random_bytes(std::size_t n) {
    std::mt19937 gen(7);
    std::string s(n, '\0');
    for (auto& c : s) c = static_cast<char>(gen());
    return s;
}

bool contains(std::string const& text, std::string const& part) { return text.find(part) != std::string::npos; }

} // namespace

TEST_CASE("SIGTERM and SIGINT stop the server at once with exit 0, idle connections included", "[process][signals]") {
    for (auto const& [sig, name] : {std::pair{SIGTERM, "SIGTERM"}, std::pair{SIGINT, "SIGINT"}}) {
        INFO(name);
        farol_server s;
        raw_client idle(s.port()); // a keep-alive connection between requests must not hold the exit up
        idle.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
        REQUIRE(idle.read_reply());

        auto const started = std::chrono::steady_clock::now();
        s.proc().signal(sig);
        CHECK(s.proc().wait_for(5s) == 0);
        CHECK(elapsed_since(started) < 2s); // well inside the 5 s shutdown grace: nothing was waited for
        auto const err = s.proc().err();
        INFO("stderr: " << err);
        CHECK(contains(err, std::string(name) + ": shutting down"));
        CHECK(contains(err, " info stopped\n"));
        CHECK_FALSE(contains(err, "shutdown: closing"));
        CHECK(idle.closed_within(1s));
        CHECK_THROWS(raw_client(s.port()));
    }
}

TEST_CASE("a signal sent the moment \"listening\" is logged is already handled", "[process][signals]") {
    // A supervisor may signal as soon as it sees the line; the default action would kill (129, 143).
    for (int i = 0; i < 10; ++i) {
        farol_server s;
        int const sig = i % 2 ? SIGTERM : SIGHUP;
        s.proc().signal(sig);
        if (sig == SIGHUP) {
            CHECK(s.proc().wait_for_line(std::regex("SIGHUP: reloading$"), 5s));
            s.proc().signal(SIGTERM);
        }
        auto const code = s.proc().wait_for(5s);
        INFO("round " << i << ", stderr: " << s.proc().err());
        REQUIRE(code == 0);
    }
}

TEST_CASE("SIGTERM lets an in-flight download finish before the process exits", "[process][signals]") {
    auto const big = random_bytes(4 * 1024 * 1024);
    auto const url = "/s/" + farol::util::content_hash(big) + "/big.bin";
    farol_server s({.fill_static = [&](temp_dir const& d) { d.write("big.bin", big); }});

    raw_client c(s.port(), 32 * 1024); // a small window: the server cannot hand it all to the kernel at once
    c.send("GET " + url + " HTTP/1.1\r\nHost: t\r\n\r\n");
    auto const head = c.read_reply(true);
    REQUIRE(head);
    REQUIRE(head->status == 200);
    s.proc().signal(SIGTERM);
    REQUIRE(s.proc().wait_for_line(std::regex("SIGTERM: shutting down"), 5s));

    std::string body;
    std::optional<bool> alive_midway; // checked once 1 MiB is in: 3 MiB are still to be sent
    while (body.size() < big.size()) {
        auto part = c.read_some(256 * 1024, 5s);
        if (part.empty()) break;
        body += part;
        if (!alive_midway && body.size() >= 1024 * 1024) alive_midway = !s.proc().wait_for(0ms);
        std::this_thread::sleep_for(2ms);
    }
    CHECK(alive_midway == true);
    CHECK(body.size() == big.size());
    CHECK(body == big);
    CHECK(c.closed_within(2s)); // keep-alive was asked for, but a stopping server closes after the response
    CHECK(s.proc().wait_for(5s) == 0);
    CHECK_FALSE(contains(s.proc().err(), "shutdown: closing"));
}

TEST_CASE("SIGHUP reloads, logs it and keeps serving", "[process][signals]") {
    farol_server s;
    std::regex const reloading("info SIGHUP: reloading$");
    for (unsigned n = 1; n <= 2; ++n) { // the handler re-arms: a second SIGHUP is a reload, not the default (exit)
        s.proc().signal(SIGHUP);
        REQUIRE(s.proc().wait_for_line(reloading, 5s, n));
        REQUIRE(s.proc().wait_for_line(std::regex("info reload: "), 5s, n));
        CHECK_FALSE(s.proc().wait_for(0ms));
        CHECK(get(s.port(), "/healthz").status == 200);
    }
    s.proc().signal(SIGTERM);
    CHECK(s.proc().wait_for(5s) == 0);
}
