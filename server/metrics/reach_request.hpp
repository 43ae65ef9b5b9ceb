#pragma once
#include "store/reach_query.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace farol::metrics {

// The longest range a report covers, in days (both ends included): a year, leap day and all.
inline constexpr int max_report_days = 366;

// The event kinds reach counts, as stored.
inline constexpr std::string_view event_names[] = {"view", "preview", "download", "share", "widget_impression",
                                                   "widget_click"};

// What a reach report is asked: the local days [from, to], the dimensions to group by (the first
// is subtotalled when there are two or more) and the event kinds to count (never empty).
struct report_request {
    std::chrono::year_month_day from{}, to{};
    std::vector<store::reach_dim> by;
    std::vector<std::string> events{"view"};
    std::string source; // one source only ("partner:casa"; a partner's report), else every source
};

// Why an input was refused: which one ("from", "to", "by", "event") and what is wrong with it.
enum class request_problem { bad_date, from_after_to, too_long, unknown_dimension, repeated_dimension, unknown_event };

struct request_error {
    std::string field;
    request_problem problem;
    std::string value; // the offending text: a date, a dimension, an event, or the range's days
};

// "2026-07-30".
std::string format_day(std::chrono::year_month_day day);
// The days from `from` to `to`, both included (0 or less when from is after to).
int days_between(std::chrono::year_month_day from, std::chrono::year_month_day to);

// Reads a report's four inputs as `farol report` and the editor take them: dates "YYYY-MM-DD",
// `by` a comma-separated list of dimension names (may be empty), `events` a comma-separated list of
// event kinds (empty: view). Refuses from after to and ranges over max_report_days days. Never
// throws for bad input.
std::variant<report_request, request_error> parse_request(std::string_view from, std::string_view to,
                                                          std::string_view by, std::string_view events);

// One line in English naming the input and the reason: "--from 2026-02-30 is not a date (YYYY-MM-DD)".
// `flag_prefix` goes before the field's name ("--" for the command line).
std::string describe(request_error const& e, std::string_view flag_prefix = "--");

// The request's store selection: its days as text, dimensions, events and source.
store::reach_selection selection_of(report_request const& r);

} // namespace farol::metrics
