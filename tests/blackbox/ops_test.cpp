#include "support/exposition.hpp"
#include "support/raw_client.hpp"
#include "support/test_server.hpp"

#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>

#include <fstream>
#include <regex>
#include <sstream>

using namespace farol::test;

TEST_CASE("/healthz reports version and uptime", "[blackbox][ops]") {
    test_server s;
    s.clock().advance(std::chrono::seconds(42));
    auto r = get(s.port(), "/healthz");
    CHECK(r.status == 200);
    CHECK(r.header("content-type") == "application/json");
    auto v = boost::json::parse(r.body).as_object();
    CHECK(v.at("status") == "ok");
    CHECK(v.at("version") == FAROL_VERSION);
    CHECK(v.at("uptime_seconds").as_int64() == 42);
}

TEST_CASE("/readyz is 200 once the database is open", "[blackbox][ops]") {
    test_server s;
    auto r = get(s.port(), "/readyz");
    CHECK(r.status == 200);
    CHECK(r.body.find("ready") != std::string::npos);
}

TEST_CASE("/metrics speaks the Prometheus text format", "[blackbox][ops]") {
    test_server s;
    // One keep-alive connection: closed ones would still count as open until the server has seen their EOF.
    raw_client c(s.port());
    for (auto const* target : {"/healthz", "/healthz", "/no/such/route"}) {
        c.send(std::string("GET ") + target + " HTTP/1.1\r\nHost: t\r\n\r\n");
        REQUIRE(c.read_reply());
    }
    c.send("GET /metrics HTTP/1.1\r\nHost: t\r\n\r\n");
    auto const reply = c.read_reply();
    REQUIRE(reply);
    auto const& r = *reply;
    CHECK(r.status == 200);
    CHECK(r.header("content-type") == "text/plain; version=0.0.4; charset=utf-8");
    CHECK(r.body.find("# TYPE farol_http_requests_total counter") != std::string::npos);
    CHECK(r.body.find("farol_http_requests_total{route=\"healthz\",code=\"2xx\"} 2\n") != std::string::npos);
    CHECK(r.body.find("farol_http_requests_total{route=\"none\",code=\"4xx\"} 1\n") != std::string::npos);
    CHECK(r.body.find("farol_http_request_duration_seconds_bucket{le=\"+Inf\"} 3\n") != std::string::npos);
    CHECK(r.body.find("farol_http_request_duration_seconds_count 3\n") != std::string::npos);
    CHECK(r.body.find("farol_http_open_connections 1\n") != std::string::npos);
    CHECK(r.body.find("farol_http_sent_bytes_total ") != std::string::npos);
}

TEST_CASE("the access log has one line per request and never the client's identity", "[blackbox][ops][privacy]") {
    temp_dir logs;
    auto const log_file = logs.path() / "access.log";
    {
        test_server s([&](farol::app::config& c) { c.access_log = log_file.string(); });
        get(s.port(), "/healthz?q=secret-search", "User-Agent: Secret-Phone/1.0\r\nReferer: https://victim.example/\r\n");
        get(s.port(), "/nope");
    }
    std::ifstream in(log_file);
    std::stringstream ss;
    ss << in.rdbuf();
    auto const log = ss.str();
    CHECK(std::count(log.begin(), log.end(), '\n') == 2);
    CHECK(log.find(" GET /healthz 200 ") != std::string::npos);
    CHECK(log.find(" GET /nope 404 ") != std::string::npos);
    CHECK(log.find("127.0.0.1") == std::string::npos);
    CHECK(log.find("Secret-Phone") == std::string::npos);
    CHECK(log.find("victim") == std::string::npos);
    CHECK(log.find("secret-search") == std::string::npos);
}

TEST_CASE("/metrics prints every series once after a request to every route", "[blackbox][ops][metrics]") {
    auto& s = sample_server();
    auto const page = get(s.port(), "/ar/c/reconhecer-o-trafico").body;
    std::smatch material, css;
    REQUIRE(std::regex_search(page, material, std::regex(R"re(href="(/m/[0-9a-f]{16}/[^"]+)")re")));
    REQUIRE(std::regex_search(page, css, std::regex(R"re(href="(/s/[0-9a-f]+/css/site\.css)")re")));
    // One target per route, then the same routes answering 3xx and 4xx, and no route at all.
    std::vector<std::string> const targets{
        "/", "/pt-BR", "/pt-BR/", "/pt-BR/c/reconhecer-o-trafico", "/sitemap.xml", "/robots.txt",
        material[1].str(), css[1].str(), "/pt-BR/search?q=trafico", "/healthz", "/readyz", "/metrics",
        "/xx", "/xx/", "/pt-BR/c/nope", "/m/0000000000000000/x.pdf", "/s/0/css/site.css", "/xx/search?q=a",
        "/no/such/route"};
    for (auto const& t : targets) {
        INFO(t);
        CHECK(get(s.port(), t).status < 500);
    }
    auto const r = get(s.port(), "/metrics");
    REQUIRE(r.status == 200);
    auto const exposition = parse_exposition(r.body);
    INFO(r.body);
    CHECK(exposition.problems.empty());
    for (auto const* route : {"root", "home_redirect", "home", "campaign", "sitemap", "robots", "material", "static",
                              "search", "healthz", "readyz", "metrics", "none"}) {
        INFO(route);
        CHECK(r.body.find(std::string("farol_http_requests_total{route=\"") + route + "\"") != std::string::npos);
    }
    CHECK(exposition.series.count("farol_http_requests_total{code=\"3xx\",route=\"home_redirect\"}") == 1);
    CHECK(exposition.series.count("farol_http_requests_total{code=\"2xx\",route=\"home\"}") == 1);
    CHECK(exposition.series.count("farol_http_requests_total{code=\"4xx\",route=\"home\"}") == 1);
    CHECK(exposition.types.at("farol_http_request_duration_seconds") == "histogram");
}
