#pragma once
#include "metrics/reach_event.hpp"

#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

namespace farol::metrics {

// Where the read path drops reach events: one append-only buffer per thread, so io threads never
// share a lock or a cache line; the flusher takes every buffer's events at once (GoatCounter's
// swapped buffer, per thread). A thread's first record() registers its buffer under the registry's
// mutex; after that, record() locks only the thread's own buffer, contended at most by drain().
class event_buffers {
public:
    event_buffers();
    event_buffers(event_buffers const&) = delete;
    event_buffers& operator=(event_buffers const&) = delete;

    // Appends to the calling thread's buffer. Beyond `max_per_thread` pending events the event is
    // dropped and counted (a flusher that stopped must not grow memory without bound).
    void record(reach_event e);
    // Every event recorded so far, each thread's in its order, the buffers left empty.
    std::vector<reach_event> drain();
    // Events refused because a buffer was full, since the start.
    std::uint64_t dropped() const;

    static constexpr std::size_t max_per_thread = 1 << 16;

private:
    struct buffer {
        std::mutex mutex;
        std::vector<reach_event> events;
        std::uint64_t dropped = 0;
    };
    buffer& mine();

    std::uint64_t id_; // tells this instance's thread-local entry from another's
    mutable std::mutex registry_mutex_;
    std::vector<std::shared_ptr<buffer>> buffers_;
};

} // namespace farol::metrics
