#pragma once
#include "schedule/rotation.hpp"

#include <chrono>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace farol::schedule {

// One stretch of time during which a single slot shows the same thing.
struct segment {
    instant from{};                   // first second shown
    instant until{};                  // first second no longer shown (exclusive)
    std::optional<std::size_t> entry; // index into the entries given; nullopt = nothing eligible

    bool operator==(segment const&) const = default;
};

// What a single slot shows to readers of `language` over [from, from + span), as consecutive
// segments: pick() walked boundary to boundary, so window and rule edges inside a period cut to the
// second, and adjacent pieces showing the same entry (or nothing) merged into one segment.
// The result covers the span exactly: the first segment starts at `from`, each one ends where the
// next starts, the last ends at from + span, and no two neighbours share `entry`. Empty when
// span <= 0. A week of hourly periods gives at most a few hundred segments. Same errors as pick():
// std::invalid_argument if !valid_period(s.period).
std::vector<segment> timeline(slot const& s, std::span<entry const> entries, std::string_view language, instant from,
                              std::chrono::seconds span = std::chrono::hours(24 * 7));

} // namespace farol::schedule
