#pragma once
#include "metrics/reach_request.hpp"
#include "metrics/suppression.hpp"
#include "store/reach_query.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace farol::metrics {

// How the home and search pages (campaign "") are named in a report.
inline constexpr std::string_view home_and_search = "(home and search)";

// A reach report: what was asked, the figures as read (`table`, never printed as such) and the
// same after small-cell suppression (`shown`, the only figures any output carries).
struct reach_report {
    report_request request;
    report_table table;
    suppressed_report shown;
};

// Reads the request's groups and suppresses them with threshold k: one row per group (ordered by
// its key), a subtotal by the first dimension when there are two or more, and a grand total when
// there is at least one. Readers are reader-days (suppression.hpp), present only when every
// dimension is day, campaign or language. Throws std::invalid_argument for k < min_k,
// store_error when the read fails.
reach_report build_report(store::reach_query const& q, report_request const& r, unsigned k);

// One line: the rule with this k, for the foot of every output.
std::string rule_summary(unsigned k);
// A dimension's value for people: the campaign "" is home_and_search; anything else as it is.
std::string label_of(store::reach_dim d, std::string_view value);

// A line of the report as people read it: a cell, then its group's subtotal after the group's
// cells, then the grand total last. Figures are already text: "12", "<10" or "withheld".
struct display_row {
    enum kind_t { cell, subtotal, total } kind = cell;
    std::vector<std::string> dims; // labels; a subtotal has only its first, the total none (others "")
    std::string events, readers;   // readers "" in an events-only report
};
// How display_rows names a dimension's value and a withheld total (the editor passes its own language's).
struct display_words {
    std::function<std::string(store::reach_dim, std::string_view)> label = label_of;
    std::string withheld = "withheld";
};
std::vector<display_row> display_rows(reach_report const& r, display_words const& words = {});

// RFC 4180 text with CRLF line ends: a header row "row,<dims...>,events[,readers]", then the
// display rows ("cell", "subtotal", "total" first), fields defused against CSV injection.
std::string to_csv(reach_report const& r);
// A JSON object: from, to, by, events, k, rule, has_readers; rows (each dimension by name, events,
// readers when the report has them, and suppressed); subtotals (the first dimension's value,
// events, readers, suppressed); total. A suppressed cell or withheld total has null figures and
// "suppressed": true. Campaign values are raw ("" for home and search).
std::string to_json(reach_report const& r);
// A plain-text table for a terminal: a heading line, aligned columns (numbers right-aligned), and
// the rule on the last line.
std::string to_text(reach_report const& r);

} // namespace farol::metrics
