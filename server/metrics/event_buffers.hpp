#pragma once
#include "metrics/reach_event.hpp"

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <thread>
#include <vector>

namespace farol::metrics {

// Where the read path drops reach events: one append-only buffer per thread, so io threads never
// share a lock or a cache line; the flusher takes every buffer's events at once (GoatCounter's
// swapped buffer, per thread). A thread's first record() registers its buffer under the registry's
// mutex; after that, record() locks only the thread's own buffer, contended at most by drain().
// Each buffer keeps two vectors and drain() swaps them, so neither side reallocates once warm.
// An event that repeats one of the buffer's last two (the same reader again in the same cell; two,
// so a partner's view and widget click, recorded in turn, both fold) adds to its count instead.
class event_buffers {
public:
    event_buffers();
    event_buffers(event_buffers const&) = delete;
    event_buffers& operator=(event_buffers const&) = delete;

    struct buffer;
    // Where record() put an event in the calling thread's buffer: good until the next drain.
    struct ticket {
        std::uint64_t owner = 0; // the event_buffers' id
        buffer* in = nullptr;    // kept alive by its owner's registry
        std::uint64_t drain = 0; // the buffer's drain count then
        std::size_t index = npos;
    };
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    // Appends to the calling thread's buffer, or counts it on a recent event it repeats. Beyond
    // `max_per_thread` pending events a new event is dropped and counted (a flusher that stopped
    // must not grow memory without bound), and its ticket holds npos.
    ticket record(event_draft const& e);
    ticket record(reach_event const& e) { return record(draft_of(e)); }
    // Counts each ticketed event once more, if every ticket is still good (this instance's, none
    // drained since, all in one buffer), all or none: what a caller that knows it saw the same event
    // again does instead of record(). False: nothing counted, record() them again.
    bool count_again(std::span<ticket const> tickets);
    // Appends every event recorded so far to `out`, each thread's in its order, the buffers left
    // empty (with their capacity). One drain at a time: concurrent calls wait for each other.
    void drain(std::vector<reach_event>& out);
    // The same, into a new vector (tests).
    std::vector<reach_event> drain();
    // Bytes of event storage the buffers hold now, filled or not (their vectors' capacity).
    std::size_t capacity_bytes() const;
    // Events refused because a buffer was full, since the start.
    std::uint64_t dropped() const;
    // Successful count_again() calls since the start: requests counted as their thread's last one again.
    std::uint64_t repeats() const;

    static constexpr std::size_t max_per_thread = 1 << 16;

    // Guards one buffer. Its owner takes it for each event and the flusher once a second for a swap
    // (scrapes, for a sum), each for a short while (at worst a vector growing), so it is seldom
    // contended: one exchange and one store beat a futex mutex's calls, and a waiter yields.
    class spin_lock {
    public:
        void lock() {
            while (held_.exchange(true, std::memory_order_acquire))
                while (held_.load(std::memory_order_relaxed)) std::this_thread::yield();
        }
        void unlock() { held_.store(false, std::memory_order_release); }

    private:
        std::atomic<bool> held_{false};
    };

    // One thread's buffer, on cache lines of its own: its owner writes it on every event.
    struct alignas(64) buffer {
        spin_lock mutex;
        std::vector<reach_event> events; // the owner appends here, under mutex
        std::vector<reach_event> spare;  // drain()'s, outside mutex: emptied, its capacity kept
        std::uint64_t dropped = 0;
        std::uint64_t drains = 0; // swaps so far: a ticket from before the last one is stale
        std::uint64_t repeats = 0;
    };

private:
    buffer& mine();
    std::uint64_t sum(std::uint64_t buffer::*field) const; // over every buffer, each under its lock

    std::uint64_t id_; // tells this instance's thread-local entry from another's
    mutable std::mutex registry_mutex_;
    mutable std::mutex drain_mutex_; // one drain() at a time: it alone touches the spares
    std::vector<std::shared_ptr<buffer>> buffers_;
};

} // namespace farol::metrics
