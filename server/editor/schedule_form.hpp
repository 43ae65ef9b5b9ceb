#pragma once
#include "content/model.hpp"
#include "editor/campaigns.hpp"
#include "schedule/zone.hpp"

#include <optional>
#include <string>
#include <vector>

namespace farol::editor {

// One date-and-time field of a form, read on the wall clock of the form's zone.
struct time_field {
    std::string date;   // "YYYY-MM-DD"; empty with an empty time: no limit
    std::string time;   // "HH:MM"; empty with a date: 00:00
    std::string choice; // for a time the zone reads twice: "earlier" or "later"
};

// A publish window or an entry's window as entered: [from, until) in `zone`.
struct window_form {
    time_field from;
    time_field until;
    std::string zone; // IANA
};

// A wall time the zone reads twice (a fall-back change): the form offers both, never guesses.
struct ambiguity {
    std::string field;   // "from" or "until"
    std::string earlier; // "2026-11-01 01:30 EDT (UTC-04:00)"
    std::string later;   // "2026-11-01 01:30 EST (UTC-05:00)"
};

struct window_result {
    content::publish_window window;      // UTC, valid when problems is empty
    std::vector<field_problem> problems; // field "from" / "until" / "zone"
    std::vector<ambiguity> ambiguous;    // what to offer for each schedule.ambiguous problem
};

// Reads a window form: unknown zones, malformed dates and times, a time the zone skips
// (schedule.gap, detail "02:00–03:00") or reads twice without a choice (schedule.ambiguous), and
// an end not after the start (schedule.window_order) are problems beside their field.
window_result read_window(window_form const& form);

// A whole number in [low, high] written in plain decimal digits, or nullopt.
std::optional<int> read_int(std::string_view text, int low, int high);

// A stored instant as the form shows it in `zone`: {date, time} ("" for none).
std::pair<std::string, std::string> wall_fields(std::optional<content::time_point> t, schedule::zone const& zone);

} // namespace farol::editor
