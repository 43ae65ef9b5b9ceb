#pragma once
#include "schedule/zone.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace farol::schedule {

// A placement on the site ("home-featured", "home-list", "widget-default", a partner's slot).
// Time is cut into periods of `period`, aligned in UTC on multiples of it since the Unix epoch
// (so hourly periods start on every UTC hour; see pick.hpp). Day and hour rules read `zone`.
struct slot {
    std::string id;
    zone tz;                                    // the slot's zone (default UTC)
    std::chrono::seconds period{std::chrono::hours(1)};
};

// Periods must be 60 s..1 day and divide a day, so every UTC day holds whole periods.
bool valid_period(std::chrono::seconds period);

// Ad servers' order: any eligible override hides every scheduled entry, which hides the fallbacks.
enum class priority { fallback = 0, scheduled = 1, override = 2 };

// Local hours [from, until) in the slot's zone; from > until crosses midnight (22..6 = 22:00 to
// 06:00). until may be 24. Read on the wall clock: a skipped hour never matches, a repeated one
// matches twice.
struct hour_range {
    int from = 0;
    int until = 24;
    bool contains(int hour) const { return from < until ? hour >= from && hour < until : hour >= from || hour < until; }
    bool crosses_midnight() const { return from > until; }
};

// Weekdays as bits of std::chrono::weekday::c_encoding(): bit 0 Sunday .. bit 6 Saturday.
using day_set = std::uint8_t;
inline constexpr day_set every_day = 0x7f;
inline constexpr day_set day_bit(std::chrono::weekday d) { return static_cast<day_set>(1u << d.c_encoding()); }

// One campaign's place in a slot's rotation.
//  - window [from, until) in UTC, either end open; eligible at `from`, no longer at `until`.
//  - languages: the BCP 47 tags it may be shown in. Empty means none, never "all": pick() cannot
//    know a campaign's translations, and an entry is never shown in a language it lacks. The
//    storage layer expands the editor's "all languages" to the campaign's published ones.
//  - weight 0..1000: share within its priority class; 0 pauses the entry (never chosen).
//  - days/hours: local rules in the slot's zone. With a range crossing midnight, the hours after
//    midnight belong to the day the range started (Friday 22..6 runs into Saturday morning).
struct entry {
    std::string campaign; // slug
    std::optional<instant> from;
    std::optional<instant> until;
    std::set<std::string, std::less<>> languages;
    int weight = 1;
    priority level = priority::scheduled;
    day_set days = every_day;
    std::optional<hour_range> hours;
};

// What the editor must refuse, beside the field concerned.
enum class entry_problem { empty_campaign, window_order, weight_range, no_languages, no_days, hour_range };

// Every problem of one entry (empty when valid); the overlap of overrides is the caller's check.
std::vector<entry_problem> check(entry const& e);

} // namespace farol::schedule
