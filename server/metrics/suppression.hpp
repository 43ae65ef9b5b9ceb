#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace farol::metrics {

// Small-cell suppression for every reach report (issue 12 item 6; DESIGN.md "Privacy").
//
// The rule, as README states it:
//   A cell with fewer than k events or fewer than k readers is suppressed as a whole: both of its
//   numbers show as "<k". A total (a group's subtotal, or the grand total) is shown only if it is
//   itself at least k in both, and the parts it adds up that are hidden number either none or at
//   least two; for a subtotal those parts are its suppressed cells, for the grand total the hidden
//   subtotals (or, in a report without subtotals, the suppressed cells). With two or more hidden
//   parts, what is left of the total after subtracting the numbers shown inside it must moreover
//   be neither the least nor the most that the N suppressed cells under those parts can hold:
//   more than N and less than N x (k - 1). Every hidden total is shown as "withheld", whatever the
//   reason.
//
// Why it is safe: each shown total then bears on its own set of suppressed cells (a shown
// subtotal on its group's, the grand total on those in hidden groups), never one cell alone, and
// no two shown totals share a suppressed cell. A sum of two or more unknowns, each between 1 and
// k - 1, that lies strictly between its least and its most leaves every one of them at least two
// possible values, so no subtraction through any combination of shown numbers recovers a
// suppressed cell or a hidden subtotal (tests/metrics/suppression_test.cpp checks this by brute
// force). A narrower range than "1 to k - 1" may still be inferred; that is the price of showing
// totals at all.
//
// Details a reader of the code needs:
// - Events have no upper bound in a table with readers (a handful of readers can make many
//   events), so only the "least" check applies to them there; in an events-only table (say, by
//   source) they are the suppressing measure and both checks apply.
// - Readers of a total are taken as the sum of its parts' (reader-days: each day's salt makes
//   readers additive across days) unless the caller gives the total's own distinct count. A
//   distinct count is at most the sum, so subtraction only bounds the hidden part from below and
//   only the "most" check applies to it.
// - Cells are assumed to hold at least 1 event; a report that lists empty cells is still safe,
//   since the checks assume the attacker's tightest bounds.
// - The proof needs the totals to form a tree: one subtotal dimension and a grand total. Two
//   reports over the same data (another grouping, an overlapping date range) can still be
//   subtracted from each other; callers must not publish such pairs.

inline constexpr unsigned default_k = 10;
inline constexpr unsigned min_k = 5; // DESIGN.md: never below 5

struct counts {
    std::uint64_t events = 0;
    std::uint64_t readers = 0;
    bool operator==(counts const&) const = default;
};

struct report_row {
    std::vector<std::string> dims; // campaign, language, source, ... as the report orders them
    counts values;
};

struct report_table {
    std::vector<report_row> rows;
    bool has_readers = true; // false: an events-only table, readers ignored
    // The dimension (index into dims) whose values each get a subtotal; none if nullopt.
    std::optional<std::size_t> subtotal_by;
    bool grand_total = false;
    // Distinct readers of a total, by its group's value and for the grand total; when absent a
    // total's readers are the sum of its rows'.
    std::map<std::string, std::uint64_t, std::less<>> subtotal_readers;
    std::optional<std::uint64_t> grand_total_readers;
};

// A total as shown: nullopt when withheld (too small, or it would reveal a suppressed cell).
struct shown_total {
    std::string group; // the subtotal dimension's value; empty for the grand total
    std::optional<counts> value;
};

struct suppressed_report {
    unsigned k = default_k;
    std::vector<std::optional<counts>> cells; // one per row, in order; nullopt: "<k"
    std::vector<shown_total> subtotals;       // one per group value, in order of first appearance
    std::optional<shown_total> grand_total;   // present when asked for
};

// Applies the rule above with threshold k. Throws std::invalid_argument when k < min_k (a
// configuration error, never silently raised) or when a row has no dimension `subtotal_by`.
suppressed_report suppress(report_table const& table, unsigned k = default_k);

// A cell's number for display: "123", or "<k" when suppressed. Throws std::invalid_argument when
// k < min_k.
std::string format_count(std::optional<std::uint64_t> value, unsigned k);
// A total's number for display: "123", or "withheld".
std::string format_total(std::optional<std::uint64_t> value);

// One measure of a possibly suppressed cell or total, for the two functions above.
inline std::optional<std::uint64_t> events_of(std::optional<counts> const& c) {
    return c ? std::optional(c->events) : std::nullopt;
}
inline std::optional<std::uint64_t> readers_of(std::optional<counts> const& c) {
    return c ? std::optional(c->readers) : std::nullopt;
}

} // namespace farol::metrics
