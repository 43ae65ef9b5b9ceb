#pragma once
#include "metrics/reach_event.hpp"
#include "metrics/unique_counter.hpp"

#include <chrono>
#include <compare>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace farol::metrics {

// One cell of the daily rollup: what reports group by.
struct rollup_key {
    std::chrono::year_month_day day{};
    std::string campaign;
    std::string language;
    event_kind event = event_kind::view;
    source_kind source = source_kind::direct;
    std::string partner; // when source is partner
    device_class device = device_class::phone;
    auto operator<=>(rollup_key const&) const = default;
};

// Unique readers are counted per day x campaign x language (issue 12).
struct readers_key {
    std::chrono::year_month_day day{};
    std::string campaign;
    std::string language;
    auto operator<=>(readers_key const&) const = default;
};

// The flusher's memory between writes: event counts since the last write, and the day's distinct
// visitors per day x campaign x language (unique_counter: at most 8 KiB each). Not thread-safe:
// the flusher alone owns it.
class rollup {
public:
    // Adds each event's count to its cell; a visitor hash (views, downloads, shares, widget events)
    // joins its day x campaign x language readers.
    void add(std::vector<reach_event> const& events);

    // The counts added since the last call, by cell; then none are pending.
    std::map<rollup_key, std::uint64_t> take_counts();
    // The current distinct-reader estimate of every day x campaign x language that gained a
    // visitor since the last call (the stored figure is replaced by it).
    std::map<readers_key, std::uint64_t> take_readers();
    // Marks the cells of a take_readers() whose write failed as changed again, so the next take
    // re-sends their (by then possibly larger) figures; cells forgotten meanwhile stay forgotten.
    void put_back_readers(std::map<readers_key, std::uint64_t> const& taken);
    // Drops the reader counters of days before `day`: once a day's salt is gone no hash of it comes.
    void forget_before(std::chrono::year_month_day day);

    std::size_t pending_cells() const { return counts_.size(); }
    std::size_t reader_cells() const { return readers_.size(); }
    std::size_t memory_bytes() const; // of the reader counters, which dominate

private:
    std::map<rollup_key, std::uint64_t> counts_;
    std::map<readers_key, unique_counter> readers_;
    std::set<readers_key> changed_;
};

} // namespace farol::metrics
