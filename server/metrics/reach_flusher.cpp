#include "metrics/reach_flusher.hpp"

#include "metrics/prometheus.hpp"
#include "util/log.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace farol::metrics {

namespace {

std::string source_name(source_kind kind, std::string const& partner) {
    return kind == source_kind::partner ? "partner:" + partner : std::string(to_string(kind));
}

std::vector<store::reach_count> rows_of(std::map<rollup_key, std::uint64_t> const& counts) {
    std::vector<store::reach_count> out;
    out.reserve(counts.size());
    for (auto const& [k, n] : counts)
        out.push_back({iso_day(k.day), k.campaign, k.language, std::string(to_string(k.event)),
                       source_name(k.source, k.partner), std::string(to_string(k.device)), n});
    return out;
}

std::vector<store::reach_readers> rows_of(std::map<readers_key, std::uint64_t> const& readers) {
    std::vector<store::reach_readers> out;
    out.reserve(readers.size());
    for (auto const& [k, n] : readers) out.push_back({iso_day(k.day), k.campaign, k.language, n});
    return out;
}

} // namespace

std::string iso_day(std::chrono::year_month_day day) {
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                       static_cast<unsigned>(day.day()));
}

reach_flusher::reach_flusher(event_buffers& buffers, write_fn write, std::chrono::milliseconds interval)
    : buffers_(buffers), write_(std::move(write)), interval_(interval) {}

reach_flusher::~reach_flusher() { stop(); }

void reach_flusher::start() { thread_ = std::thread([this] { run(); }); }

void reach_flusher::stop() {
    {
        std::lock_guard lock(mutex_);
        if (stopping_ && !thread_.joinable()) return;
        stopping_ = true;
    }
    wake_.notify_one();
    if (thread_.joinable()) thread_.join();
}

// Drains the buffers into the rollup; yesterday's readers stay a day for late events, older ones go.
void reach_flusher::add_batch() {
    batch_.clear();
    buffers_.drain(batch_);
    if (batch_.empty()) return;
    rollup_.add(batch_);
    auto latest = batch_.front().day;
    for (auto const& e : batch_) {
        events_[static_cast<std::size_t>(e.event)].fetch_add(e.count, std::memory_order_relaxed);
        latest = std::max(latest, e.day);
    }
    rollup_.forget_before(std::chrono::year_month_day{std::chrono::sys_days(latest) - std::chrono::days(1)});
}

// Counts are additive: a failed write's are sent again with the next, up to max_unwritten cells.
void reach_flusher::keep_unwritten(std::vector<store::reach_count> const& counts) {
    auto const keep = std::min(counts.size(), max_unwritten);
    dropped_.fetch_add(counts.size() - keep, std::memory_order_relaxed);
    unwritten_.assign(counts.begin(), counts.begin() + static_cast<std::ptrdiff_t>(keep));
}

void reach_flusher::flush_now() {
    std::lock_guard lock(mutex_);
    add_batch();
    auto counts = rows_of(rollup_.take_counts());
    counts.insert(counts.begin(), unwritten_.begin(), unwritten_.end());
    unwritten_.clear();
    auto const readers = rollup_.take_readers();
    if (counts.empty() && readers.empty()) return; // an idle second opens no transaction
    try {
        write_(counts, rows_of(readers));
        flushes_.fetch_add(1, std::memory_order_relaxed);
    } catch (...) {
        keep_unwritten(counts);
        rollup_.put_back_readers(readers); // the figures are sent again, grown by whatever came meanwhile
        throw;
    }
}

void reach_flusher::run() {
    for (bool last = false; !last;) {
        {
            std::unique_lock lock(mutex_);
            wake_.wait_for(lock, interval_, [this] { return stopping_; });
            last = stopping_;
        }
        try {
            flush_now();
        } catch (std::exception const& e) {
            util::log_error(std::string("reach counts not written, kept for the next try: ") + e.what());
        }
    }
}

std::uint64_t reach_flusher::flushes() const { return flushes_.load(std::memory_order_relaxed); }

std::uint64_t reach_flusher::events(event_kind e) const {
    return events_[static_cast<std::size_t>(e)].load(std::memory_order_relaxed);
}

void reach_flusher::render(prometheus_writer& out) const {
    out.family("farol_reach_events_total", "Reach events counted, by event type (written at each flush).", "counter");
    for (std::size_t i = 0; i < events_.size(); ++i)
        out.sample("farol_reach_events_total", {{"event", to_string(static_cast<event_kind>(i))}},
                   events_[i].load(std::memory_order_relaxed));
    out.family("farol_reach_flushes_total", "Flushes of reach counts to the database that succeeded.", "counter");
    out.sample("farol_reach_flushes_total", {}, flushes());
    out.family("farol_reach_counts_dropped_total", "Reach counts given up after failed writes.", "counter");
    out.sample("farol_reach_counts_dropped_total", {}, dropped());
}

std::uint64_t reach_flusher::dropped() const { return dropped_.load(std::memory_order_relaxed); }

} // namespace farol::metrics
