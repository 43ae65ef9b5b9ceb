#include "metrics/http_metrics.hpp"

#include "metrics/prometheus.hpp"

#include <algorithm>
#include <stdexcept>

namespace farol::metrics {

namespace {
constexpr char const* class_names[5] = {"1xx", "2xx", "3xx", "4xx", "5xx"};
std::size_t class_index(unsigned status) { return status >= 100 && status < 600 ? status / 100 - 1 : 4; }
} // namespace

http_metrics::http_metrics(std::vector<std::string> const& route_names) {
    for (auto const& name : route_names) {
        if (name.empty() || name == "none")
            throw std::invalid_argument("route name \"" + name + "\" is reserved for requests no route matched");
        auto const at = std::find(rows_.begin(), rows_.end(), name);
        row_of_.push_back(static_cast<std::size_t>(at - rows_.begin()));
        if (at == rows_.end()) rows_.push_back(name);
    }
    rows_.push_back("none");
    // Padded by a cache line so two shards' counters never share one.
    for (auto& s : shards_) s.counts = std::make_unique<std::atomic<std::uint64_t>[]>(rows_.size() * 5 + 8);
}

http_metrics::shard& http_metrics::local_shard() {
    static std::atomic<std::size_t> next{0};
    thread_local std::size_t const index = next.fetch_add(1, std::memory_order_relaxed) % shard_count;
    return shards_[index];
}

std::uint64_t http_metrics::sum(std::atomic<std::uint64_t> shard::*member) const {
    std::uint64_t total = 0;
    for (auto const& s : shards_) total += (s.*member).load(std::memory_order_relaxed);
    return total;
}

std::uint64_t http_metrics::count(std::size_t index) const {
    std::uint64_t total = 0;
    for (auto const& s : shards_) total += s.counts[index].load(std::memory_order_relaxed);
    return total;
}

std::uint64_t http_metrics::bucket(std::size_t b) const {
    std::uint64_t total = 0;
    for (auto const& s : shards_) total += s.histogram[b].load(std::memory_order_relaxed);
    return total;
}

void http_metrics::observe(std::size_t route, unsigned status, std::uint64_t bytes, std::chrono::nanoseconds d) {
    auto& s = local_shard();
    s.counts[row(route) * 5 + class_index(status)].fetch_add(1, std::memory_order_relaxed);
    double const seconds = std::chrono::duration<double>(d).count();
    std::size_t b = 0;
    while (b < buckets.size() && seconds > buckets[b]) ++b;
    s.histogram[b].fetch_add(1, std::memory_order_relaxed);
    s.duration_ns_sum.fetch_add(static_cast<std::uint64_t>(d.count()), std::memory_order_relaxed);
    s.bytes.fetch_add(bytes, std::memory_order_relaxed);
}

std::uint64_t http_metrics::requests(std::size_t route, unsigned status_class) const {
    return count(row(route) * 5 + status_class - 1);
}

void http_metrics::render(prometheus_writer& out) const {
    out.family("farol_http_requests_total", "HTTP requests answered, by route and status class.", "counter");
    for (std::size_t r = 0; r < rows_.size(); ++r)
        for (std::size_t c = 0; c < 5; ++c)
            if (auto v = count(r * 5 + c))
                out.sample("farol_http_requests_total", {{"route", rows_[r]}, {"code", class_names[c]}}, v);

    out.family("farol_http_request_duration_seconds", "Time from request head to last byte written.", "histogram");
    std::uint64_t cumulative = 0;
    for (std::size_t b = 0; b <= buckets.size(); ++b) {
        cumulative += bucket(b);
        std::string const le = b < buckets.size() ? std::to_string(buckets[b]) : "+Inf";
        std::string trimmed = le;
        if (b < buckets.size()) {
            while (trimmed.back() == '0') trimmed.pop_back();
            if (trimmed.back() == '.') trimmed.pop_back();
        }
        out.sample("farol_http_request_duration_seconds_bucket", {{"le", trimmed}}, cumulative);
    }
    out.sample("farol_http_request_duration_seconds_sum", {},
               static_cast<double>(sum(&shard::duration_ns_sum)) / 1e9);
    out.sample("farol_http_request_duration_seconds_count", {}, cumulative);

    out.family("farol_http_sent_bytes_total", "Bytes written to clients, headers included.", "counter");
    out.sample("farol_http_sent_bytes_total", {}, sum(&shard::bytes));

    out.family("farol_http_open_connections", "Client connections open now.", "gauge");
    out.sample("farol_http_open_connections", {},
               static_cast<std::uint64_t>(open_connections_ ? open_connections_() : 0));

    out.family("farol_http_read_buffer_bytes", "Bytes of request read buffers held now; idle connections hold none.",
               "gauge");
    out.sample("farol_http_read_buffer_bytes", {},
               static_cast<std::uint64_t>(read_buffer_bytes_ ? read_buffer_bytes_() : 0));
}

} // namespace farol::metrics
