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
// Each buffer keeps two vectors and drain() swaps them, so neither side reallocates once warm.
class event_buffers {
public:
    event_buffers();
    event_buffers(event_buffers const&) = delete;
    event_buffers& operator=(event_buffers const&) = delete;

    // Appends to the calling thread's buffer. Beyond `max_per_thread` pending events the event is
    // dropped and counted (a flusher that stopped must not grow memory without bound).
    void record(reach_event e);
    // Appends every event recorded so far to `out`, each thread's in its order, the buffers left
    // empty (with their capacity). One drain at a time: concurrent calls wait for each other.
    void drain(std::vector<reach_event>& out);
    // The same, into a new vector (tests).
    std::vector<reach_event> drain();
    // Bytes of event storage the buffers hold now, filled or not (their vectors' capacity).
    std::size_t capacity_bytes() const;
    // Events refused because a buffer was full, since the start.
    std::uint64_t dropped() const;

    static constexpr std::size_t max_per_thread = 1 << 16;

    // One thread's buffer, on cache lines of its own: its owner writes it on every event.
    struct alignas(64) buffer {
        std::mutex mutex;
        std::vector<reach_event> events; // the owner appends here, under mutex
        std::vector<reach_event> spare;  // drain()'s, outside mutex: emptied, its capacity kept
        std::uint64_t dropped = 0;
    };

private:
    buffer& mine();

    std::uint64_t id_; // tells this instance's thread-local entry from another's
    mutable std::mutex registry_mutex_;
    mutable std::mutex drain_mutex_; // one drain() at a time: it alone touches the spares
    std::vector<std::shared_ptr<buffer>> buffers_;
};

} // namespace farol::metrics
