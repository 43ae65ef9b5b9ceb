#pragma once
#include "schedule/rotation.hpp"

#include <string_view>

namespace farol::schedule {

// Whether entry `e` of slot `s` may be shown to a reader of `language` at instant t: weight above 0,
// the language among the entry's, t in [from, until), and the day and hour rules met on the wall
// clock of the slot's zone (see entry in rotation.hpp for a range crossing midnight).
bool eligible(slot const& s, entry const& e, std::string_view language, instant t);

// The first instant in (t, limit) at which eligible(s, e, language, ·) differs from its value at t,
// or `limit` if none: window ends, and for day/hour rules every local hour start and every UTC
// offset change of the zone before limit are checked (the only instants a rule can flip).
instant next_change(slot const& s, entry const& e, std::string_view language, instant t, instant limit);

} // namespace farol::schedule
