#pragma once
#include "handlers/editor_common.hpp"
#include "metrics/reach_report.hpp"
#include "util/clock.hpp"

#include <boost/json/object.hpp>

namespace farol::handlers::editor_ui {

// The reach dashboard's sections as template data, all from ONE suppressed report (only
// report.shown is read): two tables or charts of one page are two reports, which could be
// subtracted from each other (a day's total minus the shown cells of that day), so the page never
// shows another grouping beside the one asked for. Each adds its keys to `data`:
// - charts: "charts", one per measure (views; readers when the report has them), each
//   {id, heading, dimension, svg_html, rows: [{label, value}]}: the report's first dimension, its
//   cells when it has one dimension, else the subtotals of its first. By day there is one column
//   per day of the range (a day without events a shown 0); otherwise horizontal bars in order.
// - grouped: "group_columns" (the dimensions' names), "group_rows" ({kind, cells, events, readers}:
//   cells, their subtotal, then the grand total), "group_has_readers".
void add_charts(page_context const& p, metrics::reach_report const& report, boost::json::object& data);
void add_grouped(page_context const& p, metrics::reach_report const& report, boost::json::object& data);

// A dimension's name in the editor's language ("Campaign").
std::string dimension_name(page_context const& p, store::reach_dim d);

// Today's date in the IANA zone `zone` (the rollups' days are local there; an unknown zone is UTC).
std::chrono::year_month_day local_today(util::clock const& clock, std::string const& zone);

// The catalog key explaining a refused report input ("reach.error.bad_date"); its {detail} is e.value.
std::string error_key(metrics::request_error const& e);

} // namespace farol::handlers::editor_ui
