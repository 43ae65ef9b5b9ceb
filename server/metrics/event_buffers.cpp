#include "metrics/event_buffers.hpp"

#include <algorithm>
#include <atomic>
#include <limits>

namespace farol::metrics {

namespace {

std::atomic<std::uint64_t> next_id{1};

constexpr std::size_t fold_window = 2; // how many of the last events a new one may repeat

// The calling thread's buffer of the instance it last recorded into; ids are never reused, so a
// destroyed instance's entry is never mistaken for a new one's, and while the owner lives its
// registry keeps the buffer alive: a plain pointer is enough.
struct thread_entry {
    std::uint64_t owner = 0;
    event_buffers::buffer* buffer = nullptr;
};
thread_local thread_entry current;

} // namespace

event_buffers::event_buffers() : id_(next_id.fetch_add(1)) {}

event_buffers::buffer& event_buffers::mine() {
    if (current.owner == id_) return *current.buffer;
    auto b = std::make_shared<buffer>();
    {
        std::lock_guard lock(registry_mutex_);
        buffers_.push_back(b);
    }
    current = {id_, b.get()};
    return *b;
}

event_buffers::ticket event_buffers::record(event_draft const& e) {
    auto& b = mine();
    std::lock_guard lock(b.mutex);
    auto const n = b.events.size();
    for (std::size_t back = 1; back <= std::min(n, fold_window); ++back) {
        auto& last = b.events[n - back];
        if (last.count < std::numeric_limits<std::uint32_t>::max() && e.repeats(last)) {
            ++last.count;
            return {id_, &b, b.drains, n - back};
        }
    }
    if (n >= max_per_thread) {
        ++b.dropped;
        return {id_, &b, b.drains, npos};
    }
    b.events.push_back(e.to_event());
    return {id_, &b, b.drains, n};
}

bool event_buffers::count_again(std::span<ticket const> tickets) {
    if (tickets.empty() || tickets[0].owner != id_) return false;
    auto& b = *tickets[0].in; // no thread-local lookup: the ticket knows its buffer
    std::lock_guard lock(b.mutex);
    for (auto const& t : tickets)
        if (t.owner != id_ || t.in != &b || t.drain != b.drains || t.index >= b.events.size() ||
            b.events[t.index].count == std::numeric_limits<std::uint32_t>::max())
            return false;
    for (auto const& t : tickets) ++b.events[t.index].count;
    ++b.repeats;
    return true;
}

void event_buffers::drain(std::vector<reach_event>& out) {
    std::lock_guard drain_lock(drain_mutex_);
    std::vector<std::shared_ptr<buffer>> all;
    {
        std::lock_guard lock(registry_mutex_);
        all = buffers_;
    }
    for (auto const& b : all) {
        {
            std::lock_guard lock(b->mutex);
            b->events.swap(b->spare); // the thread goes on at once, into last second's emptied vector
            ++b->drains;
        }
        out.insert(out.end(), std::make_move_iterator(b->spare.begin()), std::make_move_iterator(b->spare.end()));
        b->spare.clear();
    }
}

std::vector<reach_event> event_buffers::drain() {
    std::vector<reach_event> out;
    drain(out);
    return out;
}

std::size_t event_buffers::capacity_bytes() const {
    std::lock_guard drain_lock(drain_mutex_); // the spares are drain()'s
    std::lock_guard lock(registry_mutex_);
    std::size_t n = 0;
    for (auto const& b : buffers_) {
        std::lock_guard inner(b->mutex);
        n += (b->events.capacity() + b->spare.capacity()) * sizeof(reach_event);
    }
    return n;
}

std::uint64_t event_buffers::dropped() const { return sum(&buffer::dropped); }

std::uint64_t event_buffers::repeats() const { return sum(&buffer::repeats); }

std::uint64_t event_buffers::sum(std::uint64_t buffer::*field) const {
    std::lock_guard lock(registry_mutex_);
    std::uint64_t n = 0;
    for (auto const& b : buffers_) {
        std::lock_guard inner(b->mutex);
        n += (*b).*field;
    }
    return n;
}

} // namespace farol::metrics
