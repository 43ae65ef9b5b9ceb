#pragma once
#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace farol::metrics {

class prometheus_writer;

// Request counters by route and status class, a latency histogram and bytes sent. Lock-free, and
// sharded by thread so io threads do not bounce one cache line per request; a scrape sums the shards.
class http_metrics {
public:
    static constexpr std::size_t no_route = static_cast<std::size_t>(-1);
    static constexpr std::array<double, 12> buckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                    0.05,   0.1,   0.25,   0.5,   1.0,  5.0};

    // route_names[i] is route i's label; routes sharing a name (one pattern, several methods) share
    // its series. Throws std::invalid_argument for an empty name or "none", the label of requests
    // no route matched.
    explicit http_metrics(std::vector<std::string> const& route_names);

    void observe(std::size_t route, unsigned status, std::uint64_t bytes, std::chrono::nanoseconds duration);
    void set_open_connections(std::function<std::size_t()> gauge) { open_connections_ = std::move(gauge); }
    void set_read_buffer_bytes(std::function<std::size_t()> gauge) { read_buffer_bytes_ = std::move(gauge); }

    // Appends these families to a Prometheus exposition.
    void render(prometheus_writer& out) const;

    std::uint64_t requests(std::size_t route, unsigned status_class) const;

private:
    struct alignas(64) shard {
        std::unique_ptr<std::atomic<std::uint64_t>[]> counts; // rows x 5 classes
        std::array<std::atomic<std::uint64_t>, buckets.size() + 1> histogram{};
        std::atomic<std::uint64_t> duration_ns_sum{0};
        std::atomic<std::uint64_t> bytes{0};
    };
    static constexpr std::size_t shard_count = 8;

    shard& local_shard();
    std::uint64_t sum(std::atomic<std::uint64_t> shard::*member) const;
    std::uint64_t count(std::size_t index) const;
    std::uint64_t bucket(std::size_t b) const;

    std::size_t row(std::size_t route) const { return route < row_of_.size() ? row_of_[route] : rows_.size() - 1; }

    std::vector<std::string> rows_;   // one per distinct route name; last entry: "none"
    std::vector<std::size_t> row_of_; // route id -> its row
    std::array<shard, shard_count> shards_;
    std::function<std::size_t()> open_connections_;
    std::function<std::size_t()> read_buffer_bytes_;
};

} // namespace farol::metrics
