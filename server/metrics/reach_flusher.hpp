#pragma once
#include "metrics/event_buffers.hpp"
#include "metrics/rollup.hpp"
#include "store/reach_store.hpp"

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace farol::metrics {

class prometheus_writer;

// Moves reach events from the io threads' buffers to the rollup tables: every `interval` (and on
// stop) it drains the buffers, adds them to its rollup and writes the new counts and the changed
// reader figures in one transaction; with nothing new it writes nothing. A write that fails keeps
// its counts (up to a bound, then they are dropped and counted) and marks its reader figures
// changed again, so the next write carries both: a stopped disk neither loses a second's counts
// nor grows memory without end. A kill -9 loses at most one interval.
class reach_flusher {
public:
    using write_fn =
        std::function<void(std::vector<store::reach_count> const&, std::vector<store::reach_readers> const&)>;

    reach_flusher(event_buffers& buffers, write_fn write, std::chrono::milliseconds interval);
    ~reach_flusher();
    reach_flusher(reach_flusher const&) = delete;
    reach_flusher& operator=(reach_flusher const&) = delete;

    void start();
    // Stops the started thread after a last flush; idempotent (without start(): call flush_now()).
    void stop();
    // Drains and writes on the calling thread (the thread's own step; tests). Throws what the write
    // throws. Nothing drained and nothing kept from a failed write: no write at all.
    void flush_now();

    // Writes that succeeded (an interval with nothing to write is none).
    std::uint64_t flushes() const;
    // Events drained so far of one kind (Prometheus totals per event type; no campaign label).
    std::uint64_t events(event_kind e) const;
    // farol_reach_events_total{event}, farol_reach_flushes_total, farol_reach_counts_dropped_total:
    // atomics, so a scrape never waits for a write in progress.
    void render(prometheus_writer& out) const;
    std::uint64_t dropped() const; // counts given up after failed writes

    static constexpr std::size_t max_unwritten = 1 << 18; // cells kept across failed writes

private:
    void run();
    void add_batch();
    void keep_unwritten(std::vector<store::reach_count> const& counts);

    event_buffers& buffers_;
    write_fn write_;
    std::chrono::milliseconds interval_;
    rollup rollup_;
    std::vector<store::reach_count> unwritten_; // counts of failed writes, retried first
    std::vector<reach_event> batch_;            // the drained events, its capacity kept between flushes
    mutable std::mutex mutex_;                  // guards rollup_, unwritten_, batch_ and stopping_
    std::condition_variable wake_;
    bool stopping_ = false;
    std::atomic<std::uint64_t> flushes_{0}, dropped_{0};
    std::array<std::atomic<std::uint64_t>, 6> events_{}; // by event_kind
    std::thread thread_;
};

// "2026-07-30".
std::string iso_day(std::chrono::year_month_day day);

} // namespace farol::metrics
