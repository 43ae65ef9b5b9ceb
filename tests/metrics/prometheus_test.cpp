#include "metrics/http_metrics.hpp"
#include "metrics/prometheus.hpp"
#include "support/exposition.hpp"

#include <catch2/catch.hpp>

#include <thread>
#include <vector>

using namespace farol::metrics;
using farol::test::parse_exposition;

TEST_CASE("prometheus writer: HELP, TYPE, labels and escaping", "[metrics]") {
    prometheus_writer w;
    CHECK(w.family("x_total", "Line one\nback\\slash", "counter"));
    CHECK(w.sample("x_total", {{"path", "a\"b\\c\nd"}}, std::uint64_t{7}));
    CHECK(w.family("y", "A gauge.", "gauge"));
    CHECK(w.sample("y", {}, 0.25));
    CHECK(w.family("z", "A histogram.", "histogram"));
    CHECK(w.sample("z_bucket", {{"le", "+Inf"}}, std::numeric_limits<double>::infinity()));
    CHECK(w.text() == "# HELP x_total Line one\\nback\\\\slash\n"
                      "# TYPE x_total counter\n"
                      "x_total{path=\"a\\\"b\\\\c\\nd\"} 7\n"
                      "# HELP y A gauge.\n"
                      "# TYPE y gauge\n"
                      "y 0.25\n"
                      "# HELP z A histogram.\n"
                      "# TYPE z histogram\n"
                      "z_bucket{le=\"+Inf\"} +Inf\n");
    CHECK(w.refused() == 0);
    auto const back = parse_exposition(w.text());
    CHECK(back.problems.empty());
    CHECK(back.series.count("x_total{path=\"a\"b\\c\nd\"}") == 1); // escapes undone
}

TEST_CASE("prometheus writer never prints a series, HELP or TYPE twice, whatever the caller does", "[metrics]") {
    prometheus_writer w;
    REQUIRE(w.family("r_total", "Requests.", "counter"));
    CHECK(w.sample("r_total", {{"route", "home"}, {"code", "2xx"}}, std::uint64_t{1}));
    CHECK_FALSE(w.sample("r_total", {{"route", "home"}, {"code", "2xx"}}, std::uint64_t{2}));
    CHECK_FALSE(w.sample("r_total", {{"code", "2xx"}, {"route", "home"}}, std::uint64_t{3})); // same set, other order
    CHECK(w.sample("r_total", {{"route", "home"}, {"code", "4xx"}}, std::uint64_t{4}));
    CHECK_FALSE(w.sample("r_total", {{"route", "a"}, {"route", "b"}}, std::uint64_t{5}));  // repeated label
    CHECK_FALSE(w.sample("r_total", {{"__name__", "x"}}, std::uint64_t{5}));              // reserved label
    CHECK_FALSE(w.sample("other_total", {}, std::uint64_t{6}));                           // not this family's
    CHECK_FALSE(w.family("r_total", "Requests again.", "counter"));
    CHECK_FALSE(w.sample("r_total", {{"route", "x"}}, std::uint64_t{7})); // the refused family's samples too
    CHECK_FALSE(w.family("bad name", "Spaces.", "gauge"));
    CHECK_FALSE(w.family("t", "Unknown type.", "meter"));
    REQUIRE(w.family("h", "A histogram.", "histogram"));
    CHECK_FALSE(w.sample("h_bucket", {}, std::uint64_t{1})); // a bucket needs le
    CHECK_FALSE(w.sample("h_sum", {{"le", "1"}}, 1.0));      // and only a bucket has it
    CHECK(w.sample("h_sum", {}, 1.0));
    CHECK(w.sample("h_count", {}, std::uint64_t{1}));
    CHECK_FALSE(w.sample("h_total", {}, std::uint64_t{1}));
    CHECK(w.refused() == 12);
    auto const back = parse_exposition(w.text());
    CHECK(back.problems.empty());
    CHECK(back.series.size() == 4);
    CHECK(back.series.at("r_total{code=\"2xx\",route=\"home\"}") == 1);
}

TEST_CASE("the exposition checker itself finds duplicate series, repeated HELP/TYPE and split families", "[metrics]") {
    auto const dup = parse_exposition("# TYPE a counter\na{x=\"1\",y=\"2\"} 1\na{y=\"2\",x=\"1\"} 2\n");
    REQUIRE(dup.problems.size() == 1);
    CHECK(dup.problems[0] == "duplicate series a{x=\"1\",y=\"2\"}");
    CHECK(parse_exposition("# HELP a x\n# HELP a y\na 1\n").problems.size() == 1);
    CHECK(parse_exposition("# TYPE a gauge\na 1\n# TYPE b gauge\nb 1\na{k=\"v\"} 2\n").problems.size() == 1);
    CHECK(parse_exposition("a{k=\"bad \\t escape\"} 1\n").problems.size() == 1);
    CHECK(parse_exposition("a 1").problems.size() == 1);
}

TEST_CASE("http metrics count by route and class, with a cumulative histogram", "[metrics]") {
    http_metrics m({"pages", "static"});
    m.observe(0, 200, 100, std::chrono::microseconds(300));
    m.observe(0, 304, 0, std::chrono::milliseconds(3));
    m.observe(1, 200, 50, std::chrono::seconds(2));
    m.observe(http_metrics::no_route, 404, 10, std::chrono::microseconds(100));
    CHECK(m.requests(0, 2) == 1);
    CHECK(m.requests(0, 3) == 1);
    CHECK(m.requests(http_metrics::no_route, 4) == 1);
    prometheus_writer w;
    m.render(w);
    auto const& t = w.text();
    CHECK(t.find("farol_http_requests_total{route=\"pages\",code=\"3xx\"} 1\n") != std::string::npos);
    CHECK(t.find("farol_http_request_duration_seconds_bucket{le=\"0.0005\"} 2\n") != std::string::npos);
    CHECK(t.find("farol_http_request_duration_seconds_bucket{le=\"0.005\"} 3\n") != std::string::npos);
    CHECK(t.find("farol_http_request_duration_seconds_bucket{le=\"5\"} 4\n") != std::string::npos);
    CHECK(t.find("farol_http_request_duration_seconds_bucket{le=\"+Inf\"} 4\n") != std::string::npos);
    CHECK(t.find("farol_http_sent_bytes_total 160\n") != std::string::npos);
}

TEST_CASE("http metrics observed on many threads add up exactly in a scrape", "[metrics]") {
    http_metrics m({"pages"});
    constexpr int threads = 12; // more threads than shards, so some share one
    constexpr int each = 5000;
    std::vector<std::thread> pool;
    for (int i = 0; i < threads; ++i)
        pool.emplace_back([&m] {
            for (int k = 0; k < each; ++k) m.observe(0, 200, 3, std::chrono::microseconds(200));
        });
    for (auto& t : pool) t.join();
    CHECK(m.requests(0, 2) == threads * each);
    prometheus_writer w;
    m.render(w);
    auto const& t = w.text();
    CHECK(t.find("farol_http_request_duration_seconds_count 60000\n") != std::string::npos);
    CHECK(t.find("farol_http_sent_bytes_total 180000\n") != std::string::npos);
    CHECK(t.find("farol_http_request_duration_seconds_sum 12\n") != std::string::npos);
}

TEST_CASE("http metrics print each route name once, however many routes share it", "[metrics]") {
    // Route ids 2 and 3: one pattern mounted for GET and POST under one name.
    http_metrics m({"home", "home_redirect", "editor_campaign", "editor_campaign", "static"});
    for (std::size_t route : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{4},
                              http_metrics::no_route})
        for (unsigned status : {101u, 200u, 304u, 404u, 503u, 999u})
            m.observe(route, status, 1, std::chrono::microseconds(100));
    CHECK(m.requests(2, 2) == 2); // GET and POST add up in one series
    prometheus_writer w;
    m.render(w);
    CHECK(w.refused() == 0);
    auto const back = parse_exposition(w.text());
    INFO(w.text());
    CHECK(back.problems.empty());
    // 4 names + "none", 5 classes each; 13 buckets, sum, count; bytes; open connections; read buffers.
    CHECK(back.series.size() == 5 * 5 + 13 + 2 + 1 + 1 + 1);
    CHECK(back.series.at("farol_http_requests_total{code=\"2xx\",route=\"editor_campaign\"}") == 2);
    CHECK(back.series.at("farol_http_requests_total{code=\"5xx\",route=\"none\"}") == 2); // 503 and 999
}

TEST_CASE("http metrics refuse a route named like the label of unmatched requests", "[metrics]") {
    CHECK_THROWS_AS(http_metrics({"home", "none"}), std::invalid_argument);
    CHECK_THROWS_AS(http_metrics({""}), std::invalid_argument);
}
