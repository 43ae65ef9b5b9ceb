#pragma once
#include "app/config.hpp"

#include <ostream>
#include <string>

namespace farol::app {

// What `farol report` was asked, as typed.
struct report_command {
    std::string from, to;     // local days "YYYY-MM-DD", both included
    std::string by;           // dimensions, comma-separated: day, campaign, language, event, source, device
    std::string format = "table"; // csv, json or table
    std::string events;       // event kinds, comma-separated; empty: view
};

// `farol report`: reach over a range of days from the rollups under cfg's data directory (the
// server may be running), suppressed with metrics.k (metrics/suppression.hpp), printed on out in
// the format asked. Returns 0 (printed, even when empty) or 2 (bad input: one line on err naming
// the flag and the reason). Store failures throw store_error.
int run_report_command(config const& cfg, report_command const& cmd, std::ostream& out, std::ostream& err);

} // namespace farol::app
