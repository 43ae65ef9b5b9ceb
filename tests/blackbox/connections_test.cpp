#include "support/raw_client.hpp"
#include "support/test_server.hpp"
#include "util/hash.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <future>
#include <random>
#include <regex>
#include <thread>

using namespace farol::test;
using namespace std::chrono_literals;

namespace {

std::string random_bytes(std::size_t n) {
    std::mt19937 gen(42);
    std::string s(n, '\0');
    for (auto& c : s) c = static_cast<char>(gen());
    return s;
}

// A large incompressible asset; returns its URL.
std::string add_big_asset(farol::app::config& c, std::string const& bytes) {
    std::ofstream(c.static_dir / "big.bin", std::ios::binary) << bytes;
    return "/s/" + farol::util::content_hash(bytes) + "/big.bin";
}

// Reads a whole response body slowly; returns the body bytes received.
std::string trickle_download(raw_client& c, std::size_t total, std::size_t step, std::chrono::milliseconds pause) {
    std::string got;
    while (got.size() < total) {
        auto part = c.read_some(step, 5s);
        if (part.empty()) break;
        got += part;
        std::this_thread::sleep_for(pause);
    }
    return got;
}

} // namespace

TEST_CASE("a slow client trickling a large download still finishes", "[blackbox][slow]") {
    auto const big = random_bytes(2 * 1024 * 1024);
    std::string url;
    // The idle timeout is short, the whole download takes several times longer: progress keeps it alive.
    test_server s([&](farol::app::config& c) {
        url = add_big_asset(c, big);
        c.limits.idle_timeout = 400ms;
    });
    raw_client c(s.port(), 16 * 1024);
    c.send("GET " + url + " HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
    auto const started = std::chrono::steady_clock::now();
    auto head = c.read_reply(true);
    REQUIRE(head);
    REQUIRE(head->status == 200);
    auto body = trickle_download(c, big.size(), 64 * 1024, 40ms);
    CHECK(std::chrono::steady_clock::now() - started > 1s);
    CHECK(body.size() == big.size());
    CHECK(body == big);
}

TEST_CASE("a client that stops reading is cut off after the idle timeout", "[blackbox][slow]") {
    auto const big = random_bytes(8 * 1024 * 1024);
    std::string url;
    test_server s([&](farol::app::config& c) {
        url = add_big_asset(c, big);
        c.limits.idle_timeout = 300ms;
    });
    raw_client c(s.port(), 4096);
    c.send("GET " + url + " HTTP/1.1\r\nHost: t\r\n\r\n");
    std::this_thread::sleep_for(1500ms); // read nothing: the server's writes stall
    auto got = trickle_download(c, big.size(), 1 << 20, 0ms);
    CHECK(got.size() < big.size());
}

TEST_CASE("a request head must arrive within the head timeout", "[blackbox][slow]") {
    test_server s([](farol::app::config& c) { c.limits.head_timeout = 300ms; });
    raw_client c(s.port());
    c.send("GET /healthz HTTP/1.1\r\n");
    auto const started = std::chrono::steady_clock::now();
    for (int i = 0; i < 6; ++i) { // a slowloris keeps sending, but the deadline is total
        std::this_thread::sleep_for(100ms);
        try { c.send("X-Slow: 1\r\n"); } catch (...) { break; }
    }
    CHECK(c.closed_within(2s));
    CHECK(std::chrono::steady_clock::now() - started < 2s);
}

TEST_CASE("idle keep-alive connections close after the keep-alive timeout", "[blackbox][slow]") {
    test_server s([](farol::app::config& c) { c.limits.keepalive_timeout = 200ms; });
    raw_client c(s.port());
    c.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
    REQUIRE(c.read_reply());
    CHECK(c.closed_within(2s));
}

TEST_CASE("beyond max connections new clients wait until one closes", "[blackbox][limits]") {
    test_server s([](farol::app::config& c) { c.limits.max_connections = 2; });
    auto a = std::make_unique<raw_client>(s.port());
    raw_client b(s.port());
    a->send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
    REQUIRE(a->read_reply());
    b.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
    REQUIRE(b.read_reply());

    raw_client third(s.port()); // connects (kernel backlog) but is not served yet
    third.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
    CHECK_FALSE(third.read_reply(false, 500ms));
    a.reset(); // one slot frees up
    auto r = third.read_reply(false, 3s);
    REQUIRE(r);
    CHECK(r->status == 200);
}

TEST_CASE("graceful shutdown finishes the in-flight download and refuses new work", "[blackbox][shutdown]") {
    auto const big = random_bytes(2 * 1024 * 1024);
    std::string url;
    auto s = std::make_unique<test_server>([&](farol::app::config& c) { url = add_big_asset(c, big); });
    auto const port = s->port();
    raw_client idle(port);
    idle.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
    REQUIRE(idle.read_reply());

    raw_client c(port, 16 * 1024);
    c.send("GET " + url + " HTTP/1.1\r\nHost: t\r\n\r\n");
    auto head = c.read_reply(true);
    REQUIRE(head);
    auto const started = std::chrono::steady_clock::now();
    s->get().stop(); // what SIGTERM does
    CHECK(idle.closed_within(2s)); // idle keep-alive connections go at once
    auto body = trickle_download(c, big.size(), 64 * 1024, 20ms);
    CHECK(body == big);
    s->get().wait();
    CHECK(std::chrono::steady_clock::now() - started < 5s);
    CHECK_THROWS(raw_client(port));
}

namespace {
// farol_http_read_buffer_bytes from /metrics, fetched on a fresh connection (whose own buffer counts).
std::size_t read_buffer_bytes(std::uint16_t port) {
    auto const body = get(port, "/metrics").body;
    std::smatch m;
    REQUIRE(std::regex_search(body, m, std::regex("\nfarol_http_read_buffer_bytes ([0-9]+)\n")));
    return std::stoul(m[1].str());
}
} // namespace

TEST_CASE("idle keep-alive connections hold no read buffer, and wake up for their next request", "[blackbox][memory]") {
    test_server s;
    constexpr int idle = 32;
    std::vector<std::unique_ptr<raw_client>> clients;
    for (int i = 0; i < idle; ++i) {
        clients.push_back(std::make_unique<raw_client>(s.port()));
        clients.back()->send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
        REQUIRE(clients.back()->read_reply());
    }
    // Kept buffers would be at least 32 x 16 KiB; only the scraping connection's may count. A
    // connection gives its buffer back just after its reply is sent, so look a few times.
    std::size_t bytes = 0;
    for (int attempt = 0; attempt < 50; ++attempt) {
        bytes = read_buffer_bytes(s.port());
        if (bytes <= 24 * 1024) break;
        std::this_thread::sleep_for(20ms);
    }
    CHECK(bytes <= 24 * 1024); // max_head + one 16 KiB read
    for (auto& c : clients) { // the next request, even one arriving in pieces, is read from scratch
        c->send("GET /heal");
        c->send("thz HTTP/1.1\r\nHost: t\r\n\r\n");
    }
    for (auto& c : clients) {
        auto r = c->read_reply();
        REQUIRE(r);
        CHECK(r->status == 200);
    }
}

TEST_CASE("a request head split by a pause after an idle spell is still read whole", "[blackbox][memory]") {
    test_server s;
    raw_client c(s.port());
    c.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
    REQUIRE(c.read_reply());
    std::this_thread::sleep_for(50ms); // idle: the buffer is gone
    c.send("GET /healthz HTTP/1.1\r\nHo");
    std::this_thread::sleep_for(50ms); // the rest arrives once the first bytes were read
    c.send("st: t\r\n\r\nGET /readyz HTTP/1.1\r\nHost: t\r\n\r\n");
    auto a = c.read_reply();
    auto b = c.read_reply();
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->status == 200);
    CHECK(b->status == 200);
    CHECK(b->body.find("ready") != std::string::npos);
}

TEST_CASE("requests back to back keep their buffer between them, and give it back once quiet", "[blackbox][memory]") {
    test_server s;
    raw_client c(s.port());
    // Each reply is followed at once by the next request: the connection turns hot and keeps its
    // buffer, so a scrape right after sees it besides the scraper's own (a busy machine may delay a
    // request past the hot gap, hence a few tries).
    std::size_t held = 0;
    for (int attempt = 0; attempt < 5 && held <= 24 * 1024; ++attempt) {
        for (int i = 0; i < 10; ++i) {
            c.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
            REQUIRE(c.read_reply());
        }
        held = read_buffer_bytes(s.port());
    }
    CHECK(held > 24 * 1024);
    // Quiet for a second (plus a sweep), it gives the buffer back and stays open.
    std::size_t bytes = held;
    for (int attempt = 0; attempt < 100 && bytes > 24 * 1024; ++attempt) {
        std::this_thread::sleep_for(50ms);
        bytes = read_buffer_bytes(s.port());
    }
    CHECK(bytes <= 24 * 1024);
    c.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
    auto r = c.read_reply();
    REQUIRE(r);
    CHECK(r->status == 200);
}
