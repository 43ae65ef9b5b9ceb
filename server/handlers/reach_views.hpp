#pragma once
#include "handlers/editor_common.hpp"
#include "metrics/reach_report.hpp"

#include <boost/json/object.hpp>

namespace farol::handlers::editor_ui {

// The reach dashboard's sections as template data, every figure already suppressed (only
// report.shown is read). Each adds its keys to `data`:
// - daily: "views_svg_html" and "readers_svg_html" (view::column_chart_svg, one bar per day of the
//   range, a day without events a shown 0), "day_rows" ({day, views, readers}) and "day_total";
//   `by_day` must be grouped by day alone;
// - grouped: "group_columns" (the dimensions' names), "group_rows" ({kind, cells, events, readers}:
//   cells, their subtotal, then the grand total), "group_has_readers";
// - sources: "sources_svg_html" (view::bar_chart_svg), "source_rows" ({source, views}) and
//   "source_total"; `by_source` must be grouped by source alone.
void add_daily(page_context const& p, metrics::reach_report const& by_day, boost::json::object& data);
void add_grouped(page_context const& p, metrics::reach_report const& report, boost::json::object& data);
void add_sources(page_context const& p, metrics::reach_report const& by_source, boost::json::object& data);

// A dimension's name in the editor's language ("Campaign").
std::string dimension_name(page_context const& p, store::reach_dim d);

} // namespace farol::handlers::editor_ui
