#pragma once
#include "app/config.hpp"
#include "util/clock.hpp"

#include <ostream>
#include <string>

namespace farol::app {

// What `farol schedule show SLOT` was asked.
struct schedule_command {
    std::string slot;
    std::string at = "now"; // "now", RFC 3339 UTC ("2026-07-30T12:00:00Z") or local "2026-07-30 09:00"
    std::string language;   // BCP 47; empty: the site's default language
    std::string zone;       // the zone a local --at is read in; empty: the slot's
};

// `farol schedule show`: what schedule::pick gives for a slot, language and moment, from the
// database under cfg's data directory (the server may be running), and the next boundary, so an
// operator can check a plan from a terminal. A local time a clock change skips or repeats is
// refused, never guessed. Returns 0 (printed, even when nothing is eligible), 1 (no such slot),
// 2 (bad time, zone or language: one line on err).
int run_schedule_command(config const& cfg, schedule_command const& cmd, util::clock const& clock, std::ostream& out,
                         std::ostream& err);

} // namespace farol::app
