#include "schedule/rotation_walk.hpp"

#include "schedule/eligibility.hpp"

#include <algorithm>
#include <tuple>

namespace farol::schedule {

namespace {

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

constexpr std::int64_t day_seconds = 24 * 60 * 60;

} // namespace

std::int64_t period_index(slot const& s, instant t) { return floor_div(t.time_since_epoch().count(), s.period.count()); }

rotation_walk::rotation_walk(slot const& s, std::span<entry const> entries, std::string_view language)
    : slot_(s), entries_(entries), language_(language), current_(entries.size(), 0) {}

// The first period starting at or after local midnight of the cycle's first day (a midnight the
// zone skips: the instant the clocks jump).
std::int64_t rotation_walk::cycle_start(std::int64_t k) const {
    auto const period = slot_.period.count();
    std::int64_t const days = std::max<std::int64_t>(1, (24 * period + day_seconds - 1) / day_seconds);
    auto const local = to_local(slot_.tz, instant(std::chrono::seconds(k * period))).wall;
    auto const day = std::chrono::floor<std::chrono::days>(local).time_since_epoch().count();
    auto const first_day = floor_div(day, days) * days;
    auto const midnight = to_utc(slot_.tz, wall_time(std::chrono::days(first_day))).earlier;
    return -floor_div(-midnight.time_since_epoch().count(), period); // ceil
}

void rotation_walk::restart(std::int64_t anchor) {
    anchor_ = anchor;
    next_ = anchor;
    started_ = true;
    std::fill(current_.begin(), current_.end(), 0);
}

// Eligible entries by class, highest first, each in canonical order.
std::vector<std::vector<std::size_t>> rotation_walk::classes_at(instant t) const {
    std::vector<std::vector<std::size_t>> out(3);
    for (std::size_t i = 0; i < entries_.size(); ++i)
        if (eligible(slot_, entries_[i], language_, t)) out[2 - static_cast<int>(entries_[i].level)].push_back(i);
    for (auto& members : out)
        std::sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
            return std::tie(entries_[a].campaign, entries_[a].weight, a) <
                   std::tie(entries_[b].campaign, entries_[b].weight, b);
        });
    return out;
}

// A class's members by current weight after this period's addition, largest first (stable: ties
// keep the canonical order).
std::vector<std::size_t> rotation_walk::ranked(std::vector<std::size_t> const& members) const {
    auto out = members;
    std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) {
        return current_[a] + entries_[a].weight > current_[b] + entries_[b].weight;
    });
    return out;
}

void rotation_walk::commit(std::int64_t k) {
    auto const classes = classes_at(instant(std::chrono::seconds(k * slot_.period.count())));
    for (auto const& members : classes) {
        if (members.empty()) continue;
        std::int64_t total = 0;
        for (auto i : members) total += entries_[i].weight;
        auto const winner = ranked(members).front();
        for (auto i : members) current_[i] += entries_[i].weight;
        current_[winner] -= total;
        return; // lower classes wait: their turns move only in periods they win
    }
}

std::vector<std::size_t> rotation_walk::order(instant time) {
    auto const k = period_index(slot_, time);
    if (!started_ || k < next_ || cycle_start(k) != anchor_) restart(cycle_start(k));
    while (next_ < k) commit(next_++);
    std::vector<std::size_t> out;
    for (auto const& members : classes_at(time))
        for (auto i : ranked(members)) out.push_back(i);
    return out;
}

} // namespace farol::schedule
