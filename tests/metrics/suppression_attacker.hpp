#pragma once
// A brute-force attacker for the suppression tests: knows the rule, the shown numbers and the
// bounds of a hidden cell, and solves for every hidden number it can.
#include "metrics/suppression.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace farol::metrics::testing {

// What the attacker may assume of a hidden cell: events and readers at least `lo`, readers at most
// k - 1, events at most `events_most`, and (when the table has readers) readers <= events.
struct attacker_model {
    std::int64_t lo = 1;
    std::int64_t readers_most = 0;
    std::int64_t events_most = 0;
    bool has_readers = true;
};

// The tightest model for a table: readers 1 .. k - 1; events 1 .. k - 1 in an events-only table,
// else 1 .. 4k (above anything the tests' tables hold: a suppressed cell's events have no ceiling).
attacker_model model_for(report_table const& t, unsigned k);

// Every hidden cell or hidden total ("cell 3 readers", "subtotal a events", "grand total events")
// that the shown numbers pin to one value under the model; empty when the report is safe.
std::vector<std::string> recoverable(report_table const& t, suppressed_report const& r, attacker_model m);

} // namespace farol::metrics::testing
