#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace date {
class time_zone;
}

namespace farol::schedule {

// An instant, in whole seconds of UTC (Unix time); every stored schedule time is one.
using instant = std::chrono::sys_seconds;
// A wall-clock reading in some zone, not an instant until a zone resolves it.
using wall_time = std::chrono::local_seconds;

// An IANA time zone from the system tzdata (Howard Hinnant's date/tz with USE_OS_TZDB).
// Cheap to copy; the default is UTC. Obtain others only through find_zone().
class zone {
public:
    zone();
    std::string_view name() const;
    date::time_zone const& tz() const { return *tz_; }
    bool operator==(zone const& o) const { return tz_ == o.tz_; }

private:
    friend std::optional<zone> find_zone(std::string_view name);
    explicit zone(date::time_zone const* tz) : tz_(tz) {}
    date::time_zone const* tz_;
};

// The zone called `name` ("America/Sao_Paulo", "US/Eastern"), case-sensitive as in the IANA
// database; nullopt for anything else (user input: never throws for a bad name). Throws
// std::runtime_error only if the system tzdata (/usr/share/zoneinfo) is missing altogether.
std::optional<zone> find_zone(std::string_view name);

// Every zone name the system tzdata offers, sorted (for the editor's zone list).
std::vector<std::string> zone_names();

// How an instant reads in a zone, for display.
struct local_reading {
    wall_time wall;                // the local date and time
    std::string abbreviation;      // "EDT", "-03" (tzdata's own, which is numeric for many zones)
    std::chrono::seconds offset{}; // local minus UTC, e.g. -10800 s for -03:00
};
local_reading to_local(zone const& z, instant t);

// "2026-07-30 09:00" (minutes; seconds dropped).
std::string format_wall(wall_time w);
// "-03:00", "+05:30", "+00:00"; "+hh:mm:ss" only for historical offsets with seconds.
std::string format_offset(std::chrono::seconds offset);
// "2026-07-30 09:00 EDT (UTC-04:00)": what every date field shows beside the zone name.
std::string format_local(zone const& z, instant t);

// The outcome of reading a wall time in a zone: never a guess (see to_utc).
enum class wall_kind { unique, nonexistent, ambiguous };

struct wall_resolution {
    wall_kind kind = wall_kind::unique;
    // unique: the instant, in both. ambiguous (fall-back): the earlier and the later reading,
    // one offset change apart. nonexistent (spring-forward): both are the transition instant.
    instant earlier{};
    instant later{};
    // nonexistent only: the skipped wall times [gap_from, gap_until), e.g. 02:00 to 03:00.
    wall_time gap_from{};
    wall_time gap_until{};
};

// Resolves a wall time in a zone to UTC following the zone's rules (tzdata via date::time_zone::
// get_info(local_time)); the form refuses `nonexistent` and asks which of `ambiguous`.
wall_resolution to_utc(zone const& z, wall_time w);

// The last year a date field takes: every instant through it fits the store's nanosecond times
// (system_clock, which ends in April 2262), so a typo such as 2926 is refused, never wrapped.
inline constexpr int latest_year = 2199;

// Strict "YYYY-MM-DD" (year 1970..latest_year, a real calendar day); nullopt otherwise.
std::optional<std::chrono::year_month_day> parse_date(std::string_view text);
// Strict "HH:MM", 00:00..23:59 (no seconds, no "24:00"); the time since midnight, or nullopt.
std::optional<std::chrono::minutes> parse_time_of_day(std::string_view text);
// A date and a time of day as one wall time.
wall_time make_wall(std::chrono::year_month_day day, std::chrono::minutes time_of_day);

} // namespace farol::schedule
