#include "metrics/event_buffers.hpp"

#include <atomic>

namespace farol::metrics {

namespace {

std::atomic<std::uint64_t> next_id{1};

// The calling thread's buffer of the instance it last recorded into; ids are never reused, so a
// destroyed instance's entry is never mistaken for a new one's.
struct thread_entry {
    std::uint64_t owner = 0;
    std::weak_ptr<void> buffer;
};
thread_local thread_entry current;

} // namespace

event_buffers::event_buffers() : id_(next_id.fetch_add(1)) {}

event_buffers::buffer& event_buffers::mine() {
    if (current.owner == id_)
        if (auto b = current.buffer.lock()) return *static_cast<buffer*>(b.get());
    auto b = std::make_shared<buffer>();
    {
        std::lock_guard lock(registry_mutex_);
        buffers_.push_back(b);
    }
    current = {id_, b};
    return *b; // the registry keeps it alive for as long as this instance lives
}

void event_buffers::record(reach_event e) {
    auto& b = mine();
    std::lock_guard lock(b.mutex);
    if (b.events.size() >= max_per_thread) {
        ++b.dropped;
        return;
    }
    b.events.push_back(std::move(e));
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

std::uint64_t event_buffers::dropped() const {
    std::lock_guard lock(registry_mutex_);
    std::uint64_t n = 0;
    for (auto const& b : buffers_) {
        std::lock_guard inner(b->mutex);
        n += b->dropped;
    }
    return n;
}

} // namespace farol::metrics
