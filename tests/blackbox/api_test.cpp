// The JSON API v1 of the real `farol serve` binary over HTTP, with the sample campaigns: what a
// partner's script or server sees on the wire.
#include "process/farol_server.hpp"
#include "support/raw_client.hpp"
#include "util/compress.hpp"

#include <boost/json/parse.hpp>
#include <catch2/catch.hpp>

using namespace farol::test;
namespace json = boost::json;

namespace {

farol_server& api_server() {
    static farol_server s({.bundles = sample_campaigns()});
    return s;
}

// "/api/v1/..." from an absolute URL the server wrote with its own origin.
std::string path_of(std::string const& url, std::uint16_t port) {
    auto const origin = "http://127.0.0.1:" + std::to_string(port);
    REQUIRE(url.starts_with(origin));
    return url.substr(origin.size());
}

void check_problem(reply const& r, int status) {
    CHECK(r.status == status);
    CHECK(r.header("content-type") == "application/problem+json");
    CHECK(r.header("access-control-allow-origin") == "*");
    auto const p = json::parse(r.body);
    CHECK(p.at("status").as_int64() == status);
    CHECK(!p.at("detail").as_string().empty());
}

} // namespace

TEST_CASE("api over the wire: list, documents and materials agree", "[blackbox][api]") {
    auto& s = api_server();
    auto const list = get(s.port(), "/api/v1/campaigns?per_page=2", "Origin: https://partner.example\r\n");
    REQUIRE(list.status == 200);
    CHECK(list.header("content-type") == "application/json");
    CHECK(list.header("access-control-allow-origin") == "*");
    CHECK(list.header("access-control-expose-headers") == "ETag, Link");
    CHECK(!list.has("access-control-allow-credentials"));
    CHECK(!list.has("set-cookie"));
    auto const body = json::parse(list.body);
    CHECK(body.at("total") == 3);
    CHECK(body.at("pages") == 2);
    CHECK(list.header("link").find("page=2&per_page=2>; rel=\"next\"") != std::string::npos);
    for (auto const& c : body.at("campaigns").as_array()) {
        auto const doc_reply = get(s.port(), path_of(std::string(c.at("api_url").as_string()), s.port()));
        REQUIRE(doc_reply.status == 200);
        auto const doc = json::parse(doc_reply.body);
        CHECK(doc.at("title") == c.at("title"));
        CHECK(!doc.at("body_html").as_string().empty());
        for (auto const& m : doc.at("materials").as_array()) {
            auto const file = get(s.port(), path_of(std::string(m.at("url").as_string()), s.port()));
            CHECK(file.status == 200);
            CHECK(file.body.size() == m.at("size").to_number<std::uint64_t>());
            CHECK(file.header("content-type") == m.at("type").as_string());
        }
        auto const page = get(s.port(), path_of(std::string(doc.at("url").as_string()), s.port()));
        CHECK(page.status == 200);
    }
}

TEST_CASE("api over the wire: validators, compression and caching", "[blackbox][api]") {
    auto& s = api_server();
    auto const first = get(s.port(), "/api/v1/campaigns/reconhecer-o-trafico?lang=ar", "Accept-Encoding: gzip\r\n");
    REQUIRE(first.status == 200);
    CHECK(first.header("content-encoding") == "gzip");
    auto const plain = farol::util::gzip_decompress(first.body);
    REQUIRE(plain);
    CHECK(json::parse(*plain).at("language") == "ar");
    CHECK(first.header("cache-control").starts_with("public, max-age="));
    auto const etag = first.header("etag");
    auto const again = get(s.port(), "/api/v1/campaigns/reconhecer-o-trafico?lang=ar",
                           "Accept-Encoding: gzip\r\nIf-None-Match: " + etag + "\r\n");
    CHECK(again.status == 304);
    CHECK(again.body.empty());
    CHECK(again.header("etag") == etag);
    CHECK(again.header("access-control-allow-origin") == "*");
    auto const spec = get(s.port(), "/api/v1/openapi.json");
    REQUIRE(spec.status == 200);
    CHECK(json::parse(spec.body).at("openapi").as_string().starts_with("3.1"));
    CHECK(get(s.port(), "/api/v1/openapi.json", "If-None-Match: " + spec.header("etag") + "\r\n").status == 304);
    auto const slot = get(s.port(), "/api/v1/slots/widget-default?lang=es");
    REQUIRE(slot.status == 200);
    auto const pick = json::parse(slot.body);
    CHECK(pick.at("slot") == "widget-default");
    CHECK(pick.at("campaign").at("language") == "es"); // what the widget shows: never empty with campaigns published
    CHECK(slot.header("cache-control").starts_with("public, max-age="));
}

TEST_CASE("api over the wire: preflight, wrong methods and bad parameters", "[blackbox][api]") {
    auto& s = api_server();
    auto const pre = request(s.port(), "OPTIONS /api/v1/campaigns HTTP/1.1\r\nHost: x\r\nOrigin: https://partner.example\r\n"
                                       "Access-Control-Request-Method: GET\r\nAccess-Control-Request-Headers: if-none-match\r\n\r\n");
    CHECK(pre.status == 204);
    CHECK(pre.header("access-control-allow-origin") == "*");
    CHECK(pre.header("access-control-allow-methods") == "GET, HEAD, OPTIONS");
    CHECK(pre.header("access-control-allow-headers").find("If-None-Match") != std::string::npos);
    auto const post = request(s.port(), "POST /api/v1/campaigns HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
    check_problem(post, 405);
    CHECK(post.header("allow") == "GET, HEAD, OPTIONS");
    check_problem(get(s.port(), "/api/v1/campaigns?per_page=1000"), 400);
    check_problem(get(s.port(), "/api/v1/campaigns?lang=%00"), 400);
    check_problem(get(s.port(), "/api/v1/campaigns/nao-existe"), 404);
    check_problem(get(s.port(), "/api/v1/slots/nao-existe?lang=es"), 404);
}
