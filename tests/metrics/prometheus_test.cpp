#include "metrics/http_metrics.hpp"
#include "metrics/prometheus.hpp"

#include <catch2/catch.hpp>

#include <thread>
#include <vector>

using namespace farol::metrics;

TEST_CASE("prometheus writer: HELP, TYPE, labels and escaping", "[metrics]") {
    prometheus_writer w;
    w.family("x_total", "Line one\nback\\slash", "counter");
    w.sample("x_total", {{"path", "a\"b\\c\nd"}}, std::uint64_t{7});
    w.sample("y", {}, 0.25);
    w.sample("z", {{"le", "+Inf"}}, std::numeric_limits<double>::infinity());
    CHECK(w.text() == "# HELP x_total Line one\\nback\\\\slash\n"
                      "# TYPE x_total counter\n"
                      "x_total{path=\"a\\\"b\\\\c\\nd\"} 7\n"
                      "y 0.25\n"
                      "z{le=\"+Inf\"} +Inf\n");
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
