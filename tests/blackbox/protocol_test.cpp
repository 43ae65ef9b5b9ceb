// Black-box: the real server on 127.0.0.1:0, spoken to over raw sockets.
#include "support/raw_client.hpp"
#include "support/test_server.hpp"

#include <catch2/catch.hpp>

using namespace farol::test;
using namespace std::chrono_literals;

TEST_CASE("unknown paths are 404 with a short page", "[blackbox][http]") {
    test_server s;
    auto r = get(s.port(), "/no/such/page");
    CHECK(r.status == 404);
    CHECK(r.header("content-type") == "text/html; charset=utf-8");
    CHECK(r.body.find("<html lang=\"pt-BR\"") != std::string::npos);
    CHECK(r.body.find("<h1>Página não encontrada</h1>") != std::string::npos);
    CHECK(r.header("cache-control") == "no-store");
}

TEST_CASE("a known path with the wrong method is 405 with Allow", "[blackbox][http]") {
    test_server s;
    auto r = request(s.port(), "DELETE /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
    CHECK(r.status == 405);
    CHECK(r.header("allow") == "GET, HEAD, OPTIONS");
    auto o = request(s.port(), "OPTIONS /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
    CHECK(o.status == 204);
    CHECK(o.header("allow") == "GET, HEAD, OPTIONS");
}

TEST_CASE("methods the server does not implement are 501", "[blackbox][http]") {
    test_server s;
    CHECK(request(s.port(), "TRACE /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").status == 501);
    CHECK(request(s.port(), "BREW /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").status == 501);
}

TEST_CASE("HEAD answers like GET without a body", "[blackbox][http]") {
    test_server s;
    raw_client c(s.port());
    c.send("HEAD /healthz HTTP/1.1\r\nHost: t\r\n\r\nGET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
    auto head = c.read_reply(true);
    REQUIRE(head);
    auto full = c.read_reply();
    REQUIRE(full);
    CHECK(head->status == 200);
    CHECK(head->header("content-length") == full->header("content-length"));
    CHECK(head->body.empty());
    // The GET right after proves no body bytes followed the HEAD response.
    CHECK(full->body.find("\"status\":\"ok\"") != std::string::npos);
}

TEST_CASE("a body larger than the route allows is 413 before it is read", "[blackbox][http]") {
    test_server s([](farol::app::config& c) { c.limits.max_body = 1000; });
    raw_client c(s.port());
    // Only the head is sent: the answer must come from Content-Length alone.
    c.send("POST /healthz HTTP/1.1\r\nHost: t\r\nContent-Length: 50000000\r\n\r\n");
    auto r = c.read_reply(false, 2s);
    REQUIRE(r);
    CHECK(r->status == 405); // the route exists for GET only: refused before the body either way
    raw_client c2(s.port());
    c2.send("GET /healthz HTTP/1.1\r\nHost: t\r\nContent-Length: 50000000\r\n\r\n");
    auto r2 = c2.read_reply(false, 2s);
    REQUIRE(r2);
    CHECK(r2->status == 413);
    CHECK(r2->header("connection") == "close");
    CHECK(c2.closed_within(3s));
}

TEST_CASE("a chunked body over the limit is 413", "[blackbox][http]") {
    test_server s([](farol::app::config& c) { c.limits.max_body = 100; });
    raw_client c(s.port());
    std::string chunk(200, 'x');
    c.send("GET /healthz HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nc8\r\n" + chunk + "\r\n0\r\n\r\n");
    auto r = c.read_reply();
    REQUIRE(r);
    CHECK(r->status == 413);
}

TEST_CASE("a target over the limit is 414, a head over the limit is 431", "[blackbox][http]") {
    test_server s;
    auto const long_target = "/" + std::string(9000, 'a');
    CHECK(request(s.port(), "GET " + long_target + " HTTP/1.1\r\nHost: t\r\n\r\n").status == 414);
    auto const big_header = "X-Filler: " + std::string(9000, 'b') + "\r\n";
    CHECK(request(s.port(), "GET /healthz HTTP/1.1\r\nHost: t\r\n" + big_header + "\r\n").status == 431);
    std::string many;
    for (int i = 0; i < 900; ++i) many += "X-H" + std::to_string(i) + ": v\r\n";
    CHECK(request(s.port(), "GET /healthz HTTP/1.1\r\nHost: t\r\n" + many + "\r\n").status == 431);
    // Just under the limits still works.
    CHECK(get(s.port(), "/healthz?" + std::string(7000, 'q')).status == 200);
}

TEST_CASE("ambiguous framing is 400 and closes the connection", "[blackbox][http]") {
    test_server s;
    auto const head = std::string("POST /healthz HTTP/1.1\r\nHost: t\r\n");
    char const* cases[] = {
        "Transfer-Encoding: gzip, chunked\r\n\r\n",
        "Transfer-Encoding: gzip\r\n\r\n",
        "Transfer-Encoding: identity\r\n\r\n",
        "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n",
        "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "Content-Length: 5\r\nContent-Length: 5\r\n\r\nhello",
        "Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!",
        "Content-Length: 5, 5\r\n\r\nhello",
        "Content-Length: +5\r\n\r\nhello",
    };
    for (auto const* c : cases) {
        INFO(c);
        raw_client client(s.port());
        client.send(head + c);
        auto r = client.read_reply(false, 2s);
        REQUIRE(r);
        CHECK(r->status == 400);
        CHECK(client.closed_within(3s));
    }
    raw_client h10(s.port());
    h10.send("POST /healthz HTTP/1.0\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
    auto r = h10.read_reply(false, 2s);
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK(h10.closed_within(3s));
}

TEST_CASE("path traversal never reaches a file", "[blackbox][http][security]") {
    test_server s;
    char const* attempts[] = {
        "/s/../../etc/passwd",
        "/s/%2e%2e/%2e%2e/etc/passwd",
        "/s/x/..%2f..%2f..%2fetc%2fpasswd",
        "/s/x/%2e%2e/%2e%2e/etc/passwd",
        "/s/x/css/../../../../etc/passwd",
        "/s/x/%252e%252e/etc/passwd",
        "/s/x/.%00./etc/passwd",
        "/s/x/%00",
        "//etc/passwd",
        "/s/x/robots.txt%00.css",
    };
    for (auto const* a : attempts) {
        INFO(a);
        auto r = request(s.port(), std::string("GET ") + a + " HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
        CHECK(r.status != 200);
        CHECK(r.status / 100 == 4);
        CHECK(r.body.find("root:") == std::string::npos);
    }
}

TEST_CASE("every response carries the security headers and no cookie", "[blackbox][http][security]") {
    test_server s;
    for (auto const* target : {"/healthz", "/nope", "/metrics"}) {
        INFO(target);
        auto r = get(s.port(), target);
        CHECK(r.header("content-security-policy").find("frame-ancestors 'none'") != std::string::npos);
        CHECK(r.header("content-security-policy").find("script-src 'self'") != std::string::npos);
        CHECK(r.header("x-content-type-options") == "nosniff");
        CHECK(r.header("referrer-policy") == "no-referrer");
        CHECK(r.has("permissions-policy"));
        CHECK_FALSE(r.has("strict-transport-security"));
        CHECK_FALSE(r.has("set-cookie"));
        CHECK(r.has("date"));
        CHECK(r.has("x-request-id"));
    }
}

TEST_CASE("HSTS is sent when the public URL is https", "[blackbox][http][security]") {
    test_server s([](farol::app::config& c) { c.public_url = "https://farol.example.org"; });
    auto r = get(s.port(), "/healthz");
    CHECK(r.header("strict-transport-security") == "max-age=31536000; includeSubDomains");
}

TEST_CASE("keep-alive serves several requests on one connection", "[blackbox][http]") {
    test_server s;
    raw_client c(s.port());
    for (int i = 0; i < 5; ++i) {
        c.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
        auto r = c.read_reply();
        REQUIRE(r);
        CHECK(r->status == 200);
        CHECK(r->header("connection") != "close");
    }
}

TEST_CASE("pipelined requests are capped, then the connection closes", "[blackbox][http]") {
    test_server s([](farol::app::config& c) { c.limits.max_pipelined = 4; });
    raw_client c(s.port());
    std::string burst;
    for (int i = 0; i < 10; ++i) burst += "GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n";
    c.send(burst);
    int answered = 0;
    while (auto r = c.read_reply(false, 2s)) {
        ++answered;
        if (r->header("connection") == "close") break;
    }
    CHECK(answered == 4);
    CHECK(c.closed_within(3s));
}

TEST_CASE("the per-connection request cap closes after N requests", "[blackbox][http]") {
    test_server s([](farol::app::config& c) { c.limits.keepalive_requests = 3; });
    raw_client c(s.port());
    for (int i = 1; i <= 3; ++i) {
        c.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
        auto r = c.read_reply();
        REQUIRE(r);
        CHECK((r->header("connection") == "close") == (i == 3));
    }
    CHECK(c.closed_within(3s));
}

TEST_CASE("garbage instead of HTTP is a 400, never a crash", "[blackbox][http]") {
    test_server s;
    for (std::string junk : {std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 15),
                             std::string("GET\r\n\r\n"), std::string("GET / HTTP/9.9\r\n\r\n"),
                             std::string("GET / HTTP/1.1\r\nBad Header\r\n\r\n")}) {
        raw_client c(s.port());
        c.send(junk);
        auto r = c.read_reply(false, 2s);
        REQUIRE(r);
        CHECK(r->status == 400);
    }
    CHECK(get(s.port(), "/healthz").status == 200);
}
