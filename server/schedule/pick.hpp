#pragma once
#include "schedule/rotation.hpp"
#include "schedule/rotation_walk.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace farol::schedule {

struct pick_result {
    std::vector<std::size_t> entries;   // indices into the entries given, in display order
    std::vector<std::string> campaigns; // their slugs, same order, each campaign once
    instant period_start{};             // start of the rotation period holding `time`
    // The first instant after `time` at which the result may differ: the next period start, or
    // earlier when an entry's window or day/hour rule flips. [time, next_boundary) all give this
    // result, so it is the server's timer and Cache-Control max-age = next_boundary − time.
    instant next_boundary{};

    // The one campaign of a single slot; nullopt when nothing is eligible (the caller falls back).
    std::optional<std::string> campaign() const;
};

// The rotation decision, the only one in Farol: a pure function of its arguments (no clock, no
// state, no I/O), so every request, thread and replica agrees within a period.
//  - time is cut into periods of s.period aligned on multiples of it since the Unix epoch in UTC
//    (hourly periods start on UTC hours; in zones with half-hour offsets they start at hh:30 local,
//    and an hour rule's edge, read on the local clock, is a boundary of its own inside a period);
//  - eligibility (eligibility.hpp) is evaluated at `time` itself, so windows start and end to the
//    second, not at the next period;
//  - among eligible entries the highest priority class wins (override > scheduled > fallback);
//    within it, the period goes to the entry whose turn it is in the class's smooth weighted
//    round-robin since the cycle began (rotation_walk.hpp: cycles start at local midnight);
//  - count > 1 (list slots): the class's entries by that turn order, one per campaign, then the
//    next classes down until `count` campaigns are listed.
// Throws std::invalid_argument if !valid_period(s.period) (storage refuses such slots).
pick_result pick(slot const& s, std::span<entry const> entries, std::string_view language, instant time,
                 std::size_t count = 1);

// The same decision for many instants in increasing order (a timeline, the shares of a week):
// `walk`, made over the same slot, entries and language, carries the rotation from one call to
// the next instead of replaying each cycle from its start.
pick_result pick(rotation_walk& walk, slot const& s, std::span<entry const> entries, std::string_view language,
                 instant time, std::size_t count = 1);

} // namespace farol::schedule
