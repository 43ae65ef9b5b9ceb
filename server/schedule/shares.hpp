#pragma once
#include "schedule/rotation.hpp"
#include "schedule/timeline.hpp"

#include <chrono>
#include <span>
#include <string_view>
#include <vector>

namespace farol::schedule {

// How a slot's time divides among its entries over a span, for one language: what a weight means.
struct share_report {
    instant from{};
    instant until{};
    std::vector<std::chrono::seconds> shown;    // per entry (indexed like the entries given)
    std::chrono::seconds unfilled{};            // time with nothing eligible (the caller's fallback)

    // shown[i] as a fraction of the whole span, 0..1.
    double fraction(std::size_t entry) const;
};

// Adds up timeline()'s segments (pick() for a single slot, walked across [from, from + span)
// boundary to boundary): the time each entry is shown, so a window or rule edge inside a period
// counts to the second. The editor asks for a week: span defaults to 7 days (168 hourly periods).
// A list slot (count > 1) shows several at once: each listed entry counts the whole time it is
// listed, so the fractions may add up to more than 1. Same errors as pick().
// The shares of a single slot from its timeline() segments over [from, until), without walking
// the rotation again (the editor draws the timeline and lists the shares from one walk).
share_report tally(std::span<segment const> segments, std::size_t entries, instant from, instant until);

share_report shares(slot const& s, std::span<entry const> entries, std::string_view language, instant from,
                    std::chrono::seconds span = std::chrono::hours(24 * 7), std::size_t count = 1);

} // namespace farol::schedule
