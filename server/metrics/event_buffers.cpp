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

std::vector<reach_event> event_buffers::drain() {
    std::vector<std::shared_ptr<buffer>> all;
    {
        std::lock_guard lock(registry_mutex_);
        all = buffers_;
    }
    std::vector<reach_event> out;
    for (auto const& b : all) {
        std::vector<reach_event> taken;
        {
            std::lock_guard lock(b->mutex);
            taken.swap(b->events); // the thread goes on with an empty buffer at once
        }
        out.insert(out.end(), std::make_move_iterator(taken.begin()), std::make_move_iterator(taken.end()));
    }
    return out;
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
