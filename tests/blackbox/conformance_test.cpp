// Black-box, over raw sockets (a client library would normalise these requests): what real clients
// sent and got wrong answers to (issue 8), as the whole kind of each mistake.
#include "support/raw_client.hpp"
#include "support/test_server.hpp"
#include "util/compress.hpp"

#include <catch2/catch.hpp>

#include <regex>

using namespace farol::test;
using namespace std::chrono_literals;

namespace {

constexpr char const* page = "/pt-BR/c/reconhecer-o-trafico";

std::string material_href(std::uint16_t port) {
    auto const body = get(port, "/ar/c/reconhecer-o-trafico").body;
    std::smatch m;
    REQUIRE(std::regex_search(body, m, std::regex(R"re(href="(/m/[0-9a-f]{16}/[^"]+\.pdf)")re")));
    return m[1].str();
}

std::string raw_get(std::string const& target, std::string const& headers) {
    return "GET " + target + " HTTP/1.1\r\nHost: t\r\n" + headers + "Connection: close\r\n\r\n";
}

} // namespace

TEST_CASE("204, 304 and HEAD are framed by their status (RFC 9110 8.6)", "[blackbox][conformance]") {
    auto& s = sample_server();
    auto const options = request(s.port(), "OPTIONS /pt-BR/ HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n", true);
    CHECK(options.status == 204);
    CHECK_FALSE(options.has("content-length"));
    CHECK_FALSE(options.has("transfer-encoding"));
    CHECK(options.header("allow") == "GET, HEAD, OPTIONS");

    auto const full = get(s.port(), page, "Accept-Encoding: br\r\n");
    auto const not_modified =
        request(s.port(), raw_get(page, "Accept-Encoding: br\r\nIf-None-Match: " + full.header("etag") + "\r\n"), true);
    CHECK(not_modified.status == 304);
    CHECK_FALSE(not_modified.has("content-length"));
    CHECK(not_modified.header("etag") == full.header("etag"));

    // HEAD: the GET's length, no content; the next response on the connection proves nothing followed.
    raw_client c(s.port());
    c.send("HEAD /pt-BR/search?q=tr%C3%A1fico HTTP/1.1\r\nHost: t\r\nAccept-Encoding: br\r\n\r\n"
           "GET /pt-BR/search?q=tr%C3%A1fico HTTP/1.1\r\nHost: t\r\nAccept-Encoding: br\r\n\r\n");
    auto const head = c.read_reply(true);
    auto const body = c.read_reply();
    REQUIRE(head);
    REQUIRE(body);
    CHECK(head->header("content-length") == std::to_string(body->body.size()));
    CHECK(head->header("content-encoding") == body->header("content-encoding"));
}

TEST_CASE("Accept-Encoding: names in any case, q=0 kept under *, several field lines (RFC 9110 5.3, 12.5.3)",
          "[blackbox][conformance]") {
    auto& s = sample_server();
    auto const coding = [&](std::string const& headers) { return get(s.port(), page, headers).header("content-encoding"); };
    CHECK(coding("Accept-Encoding: BR;q=0, *\r\n") == "gzip");
    CHECK(coding("Accept-Encoding: GZIP\r\n") == "gzip");
    CHECK(coding("Accept-Encoding: *\r\nAccept-Encoding: br;q=0\r\n") == "gzip");
    CHECK(coding("Accept-Encoding: br;q=0\r\naccept-encoding: *\r\n") == "gzip");
    CHECK(coding("Accept-Encoding: *;q=0\r\nAccept-Encoding: gzip\r\n") == "gzip");
    // Error pages negotiate the same way.
    auto const missing = get(s.port(), "/pt-BR/c/nada", "Accept-Encoding: *\r\nAccept-Encoding: br;q=0\r\n");
    CHECK(missing.status == 404);
    CHECK(missing.header("content-encoding") != "br");
}

TEST_CASE("Accept-Language: q=0 refuses, * means every language not named (RFC 9110 12.5.4)",
          "[blackbox][conformance]") {
    auto& s = sample_server();
    auto const where = [&](std::string const& headers) { return get(s.port(), "/", headers).header("location"); };
    CHECK(where("Accept-Language: pt-BR;q=0, *\r\n") == "/es/");
    CHECK(where("Accept-Language: *\r\nAccept-Language: pt-BR;q=0\r\n") == "/es/");
    CHECK(where("Accept-Language: PT-br;q=0\r\n") == "/es/");
    CHECK(where("Accept-Language: fr;q=0.5\r\nAccept-Language: ar\r\n") == "/ar/");
    // The 404 page chooses its language the same way.
    auto const missing = get(s.port(), "/nada", "Accept-Language: pt-BR;q=0, en\r\n");
    CHECK(missing.status == 404);
    CHECK(missing.header("content-language") == "en");
}

TEST_CASE("preconditions are evaluated in RFC 9110 13.2.2's order on materials, pages and assets",
          "[blackbox][conformance]") {
    auto& s = sample_server();
    auto const href = material_href(s.port());
    auto const etag = get(s.port(), href).header("etag");
    auto const status = [&](std::string const& target, std::string const& headers) {
        return get(s.port(), target, headers).status;
    };
    CHECK(status(href, "If-Match: \"nope\"\r\n") == 412);
    CHECK(status(href, "If-Match: \"nope\"\r\nRange: bytes=0-9\r\n") == 412);
    CHECK(status(href, "If-Match: W/" + etag + "\r\n") == 412);
    CHECK(status(href, "If-Match: " + etag + "\r\nRange: bytes=0-9\r\n") == 206);
    CHECK(status(href, "If-Match: \"a\"\r\nIf-Match: " + etag + "\r\n") == 200);
    CHECK(status(href, "If-Match: \"nope\"\r\nIf-None-Match: " + etag + "\r\n") == 412);
    CHECK(status(href, "If-None-Match: " + etag + "\r\nRange: bytes=0-9\r\n") == 304);
    CHECK(status(page, "If-Match: \"nope\"\r\n") == 412);
    auto const failed = get(s.port(), page, "If-Match: \"nope\"\r\n");
    CHECK(failed.header("content-type") == "text/html; charset=utf-8");
    CHECK(failed.body.find("lang=\"pt-BR\"") != std::string::npos);
}

TEST_CASE("the request head's own fields: Host required in HTTP/1.1, once, well formed (RFC 9112 3.2)",
          "[blackbox][conformance]") {
    auto& s = sample_server();
    auto const status = [&](std::string const& raw) { return request(s.port(), raw).status; };
    CHECK(status("GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n") == 400);
    CHECK(status("GET /healthz HTTP/1.1\r\nHost: a\r\nHost: a\r\nConnection: close\r\n\r\n") == 400);
    CHECK(status("GET /healthz HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n") == 400);
    CHECK(status("GET /healthz HTTP/1.1\r\nHost: u@a\r\nConnection: close\r\n\r\n") == 400);
    CHECK(status("GET /healthz HTTP/1.1\r\nHost: t\r\nRange: bytes=0-1\r\nRange: bytes=2-3\r\nConnection: close\r\n\r\n") == 400);
    CHECK(status("GET /healthz HTTP/1.1\r\nHost:\r\nConnection: close\r\n\r\n") == 200);
    CHECK(status("GET /healthz HTTP/1.0\r\n\r\n") == 200);
    // The refusal is the reader's 400 page, and the connection stays usable.
    raw_client c(s.port());
    c.send("GET /pt-BR/ HTTP/1.1\r\n\r\nGET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
    auto const refused = c.read_reply();
    REQUIRE(refused);
    CHECK(refused->status == 400);
    CHECK(refused->body.find("lang=\"pt-BR\"") != std::string::npos);
    auto const next = c.read_reply();
    REQUIRE(next);
    CHECK(next->status == 200);
}

TEST_CASE("HTTP/1.0 keep-alive is confirmed, or the connection closes (RFC 9112 9.3)", "[blackbox][conformance]") {
    auto& s = sample_server();
    raw_client c(s.port());
    for (int i = 0; i < 3; ++i) {
        c.send("GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        auto const r = c.read_reply(false, 2s);
        REQUIRE(r);
        CHECK(r->status == 200);
        CHECK(r->header("connection") == "keep-alive");
    }
    c.send("GET /healthz HTTP/1.0\r\n\r\n");
    auto const last = c.read_reply(false, 2s);
    REQUIRE(last);
    CHECK(last->header("connection") == "close");
    CHECK(c.closed_within(2s));

    // HTTP/1.1 stays open without saying so, and closes when asked.
    raw_client d(s.port());
    d.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
    auto const open = d.read_reply(false, 2s);
    REQUIRE(open);
    CHECK_FALSE(open->has("connection"));
    d.send("GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: Close\r\n\r\n");
    auto const closing = d.read_reply(false, 2s);
    REQUIRE(closing);
    CHECK(closing->header("connection") == "close");
    CHECK(d.closed_within(2s));
}

TEST_CASE("per-request pages are compressed with the reader's best coding (search results)", "[blackbox][conformance]") {
    auto& s = sample_server();
    auto const target = "/pt-BR/search?q=tr%C3%A1fico";
    auto const plain = get(s.port(), target);
    REQUIRE(plain.status == 200);
    REQUIRE(plain.body.size() > 1024);
    CHECK_FALSE(plain.has("content-encoding"));
    CHECK(plain.header("vary").find("Accept-Encoding") != std::string::npos);

    auto const br = get(s.port(), target, "Accept-Encoding: gzip, br\r\n");
    CHECK(br.header("content-encoding") == "br");
    CHECK(br.header("vary").find("Accept-Encoding") != std::string::npos);
    CHECK(br.header("cache-control") == "no-store");
    CHECK(farol::util::brotli_decompress(br.body) == plain.body);
    CHECK(br.body.size() < plain.body.size() / 2);

    auto const gz = get(s.port(), target, "Accept-Encoding: gzip\r\n");
    CHECK(gz.header("content-encoding") == "gzip");
    CHECK(farol::util::gzip_decompress(gz.body) == plain.body);
}
