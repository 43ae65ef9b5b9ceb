#include "net/read_buffer.hpp"

namespace farol::net {

void buffer_gauge::add(std::int64_t bytes) noexcept {
    static std::atomic<std::size_t> next{0};
    thread_local std::size_t const index = next.fetch_add(1, std::memory_order_relaxed) % shard_count;
    shards_[index].bytes.fetch_add(bytes, std::memory_order_relaxed);
}

std::size_t buffer_gauge::bytes() const noexcept {
    std::int64_t total = 0;
    for (auto const& s : shards_) total += s.bytes.load(std::memory_order_relaxed);
    return total > 0 ? static_cast<std::size_t>(total) : 0; // a scrape between two shards' updates
}

} // namespace farol::net
