#pragma once
#include <boost/beast/core/flat_buffer.hpp>

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>

namespace farol::net {

// Bytes held by the connections' read buffers, for /metrics and the tests: an idle connection holds
// none. Sharded by thread so io threads do not bounce one cache line per request.
class buffer_gauge {
public:
    void add(std::int64_t bytes) noexcept;
    // The total now, in bytes.
    std::size_t bytes() const noexcept;

private:
    static constexpr std::size_t shard_count = 8;
    struct alignas(64) shard {
        std::atomic<std::int64_t> bytes{0};
    };
    std::array<shard, shard_count> shards_;
};

// std::allocator reporting to a buffer_gauge.
template <class T>
class gauged_allocator {
public:
    using value_type = T;

    explicit gauged_allocator(buffer_gauge& gauge) noexcept : gauge_(&gauge) {}
    template <class U>
    gauged_allocator(gauged_allocator<U> const& other) noexcept : gauge_(other.gauge()) {}

    T* allocate(std::size_t n) {
        T* p = std::allocator<T>{}.allocate(n);
        gauge_->add(static_cast<std::int64_t>(n * sizeof(T)));
        return p;
    }
    void deallocate(T* p, std::size_t n) noexcept {
        gauge_->add(-static_cast<std::int64_t>(n * sizeof(T)));
        std::allocator<T>{}.deallocate(p, n);
    }
    buffer_gauge* gauge() const noexcept { return gauge_; }
    template <class U>
    bool operator==(gauged_allocator<U> const& other) const noexcept { return gauge_ == other.gauge(); }

private:
    buffer_gauge* gauge_;
};

using read_buffer = boost::beast::basic_flat_buffer<gauged_allocator<char>>;

} // namespace farol::net
