#include "metrics/reach_flusher.hpp"

#include "metrics/prometheus.hpp"
#include "util/log.hpp"

#include <fmt/format.h>

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

void reach_flusher::flush_now() {
    std::lock_guard lock(mutex_);
    auto const batch = buffers_.drain();
    rollup_.add(batch);
    for (auto const& e : batch) ++events_[static_cast<std::size_t>(e.event)];
    if (!batch.empty()) { // yesterday's readers stay a day for late events; older ones go
        auto latest = batch.front().day;
        for (auto const& e : batch) latest = std::max(latest, e.day);
        rollup_.forget_before(std::chrono::year_month_day{std::chrono::sys_days(latest) - std::chrono::days(1)});
    }
    auto counts = rows_of(rollup_.take_counts());
    counts.insert(counts.begin(), unwritten_.begin(), unwritten_.end());
    unwritten_.clear();
    auto const readers = rows_of(rollup_.take_readers());
    try {
        write_(counts, readers);
        ++flushes_;
    } catch (...) {
        // Counts are additive and kept for the next try; reader figures are re-sent as they grow.
        auto const keep = std::min(counts.size(), max_unwritten);
        dropped_ += counts.size() - keep;
        unwritten_.assign(counts.begin(), counts.begin() + static_cast<std::ptrdiff_t>(keep));
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

std::uint64_t reach_flusher::flushes() const {
    std::lock_guard lock(mutex_);
    return flushes_;
}

std::uint64_t reach_flusher::events(event_kind e) const {
    std::lock_guard lock(mutex_);
    return events_[static_cast<std::size_t>(e)];
}

void reach_flusher::render(prometheus_writer& out) const {
    std::lock_guard lock(mutex_);
    out.family("farol_reach_events_total", "Reach events counted, by event type (written at each flush).", "counter");
    for (std::size_t i = 0; i < events_.size(); ++i)
        out.sample("farol_reach_events_total", {{"event", to_string(static_cast<event_kind>(i))}}, events_[i]);
    out.family("farol_reach_flushes_total", "Flushes of reach counts to the database that succeeded.", "counter");
    out.sample("farol_reach_flushes_total", {}, flushes_);
    out.family("farol_reach_counts_dropped_total", "Reach counts given up after failed writes.", "counter");
    out.sample("farol_reach_counts_dropped_total", {}, dropped_);
}

std::uint64_t reach_flusher::dropped() const {
    std::lock_guard lock(mutex_);
    return dropped_;
}

} // namespace farol::metrics
