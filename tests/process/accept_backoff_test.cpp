// Out of file descriptors (EMFILE), the real binary backs off instead of spinning, and recovers.
#include "process/farol_server.hpp"
#include "support/raw_client.hpp"

#include <catch2/catch.hpp>

#include <csignal>
#include <thread>

using namespace farol::test;
using namespace std::chrono_literals;

TEST_CASE("out of descriptors the server neither spins nor stops accepting for good", "[process][limits]") {
    constexpr unsigned long fd_limit = 64;
    // max_connections far above the fd limit: the cap must not pause accepting before EMFILE does.
    farol_server s({.extra_args = {"--limits-max-connections", "100000"}, .max_open_files = fd_limit});

    std::vector<std::unique_ptr<raw_client>> clients; // idle connections: each holds a server fd until closed
    for (unsigned long i = 0; i < 2 * fd_limit; ++i) clients.push_back(std::make_unique<raw_client>(s.port()));
    REQUIRE(s.proc().wait_for_line(std::regex("error accept: .*; backing off$"), 5s));

    auto const cpu_before = s.proc().cpu_time();
    auto const started = std::chrono::steady_clock::now();
    std::this_thread::sleep_for(1500ms);
    auto const cpu = s.proc().cpu_time() - cpu_before;
    auto const wall = elapsed_since(started);
    INFO("cpu " << cpu.count() << " ms over " << wall.count() << " ms");
    CHECK(cpu * 10 < wall * 3);
    REQUIRE_FALSE(s.proc().wait_for(0ms));

    clients.clear();
    {
        raw_client fresh(s.port());
        fresh.send("GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
        auto const r = fresh.read_reply(false, 5s);
        REQUIRE(r);
        CHECK(r->status == 200);
    } // closed before SIGTERM, or the server would linger up to 2 s for its FIN

    s.proc().signal(SIGTERM);
    CHECK(s.proc().wait_for(5s) == 0);
}
