#include "handlers/reach_views.hpp"

#include "schedule/zone.hpp"
#include "util/strings.hpp"
#include "view/editor_views.hpp"
#include "view/reach_svg.hpp"

#include <boost/json/array.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <string_view>

namespace farol::handlers::editor_ui {

namespace json = boost::json;

namespace {

metrics::display_words words_of(page_context const& p) {
    auto home = p.text("reach.home_and_search");
    return {[home](store::reach_dim d, std::string_view v) {
                return d == store::reach_dim::campaign && v.empty() ? home : std::string(v);
            },
            p.text("reach.withheld")};
}

// One figure of the chart's dimension: a cell (nullopt: "<k") or a subtotal (nullopt: withheld).
// readers_known is false for a day the report has no row for: it had none of the counted events,
// but readers are those of any event (a download, a share), so they are unknown: "–", not a false 0.
struct point {
    std::string label;
    std::optional<metrics::counts> value;
    bool readers_known = true;
};

// The first dimension's figures: the cells of a one-dimension report, else its subtotals. By day,
// every day of the range, a day without events a true 0 of events.
std::vector<point> points_of(metrics::reach_report const& r) {
    std::vector<point> found;
    if (r.request.by.size() == 1)
        for (std::size_t i = 0; i < r.table.rows.size(); ++i) found.push_back({r.table.rows[i].dims.at(0), r.shown.cells[i]});
    else
        for (auto const& t : r.shown.subtotals) found.push_back({t.group, t.value});
    if (r.request.by.front() != store::reach_dim::day) return found;
    std::map<std::string_view, point const*> by_day; // one lookup a day, not a scan: a range is up to 366 days
    for (auto const& x : found) by_day.emplace(x.label, &x);
    std::vector<point> days;
    for (auto d = std::chrono::sys_days(r.request.from); d <= std::chrono::sys_days(r.request.to); d += std::chrono::days(1)) {
        auto day = metrics::format_day(std::chrono::year_month_day(d));
        auto const it = by_day.find(day);
        days.push_back(it == by_day.end() ? point{std::move(day), metrics::counts{}, false} : *it->second);
    }
    return days;
}

boost::json::object chart(page_context const& p, metrics::reach_report const& r, std::vector<point> const& points,
                          std::string_view measure, std::uint64_t metrics::counts::*field) {
    auto const k = r.shown.k;
    bool const by_day = r.request.by.front() == store::reach_dim::day;
    bool const subtotals = r.request.by.size() > 1;
    auto const dimension = dimension_name(p, r.request.by.front());
    auto const words = words_of(p);
    std::vector<view::reach_bar> bars;
    json::array rows;
    for (auto const& pt : points) {
        auto const label = words.label(r.request.by.front(), pt.label);
        auto const tick = by_day ? label.substr(5) : std::string();
        if (field == &metrics::counts::readers && !pt.readers_known) {
            bars.push_back({label, std::nullopt, tick, {}, true});
            rows.push_back(json::object{{"label", label}, {"value", view::unknown_figure}});
            continue;
        }
        std::optional<std::uint64_t> const value = pt.value ? std::optional((*pt.value).*field) : std::nullopt;
        auto const hidden = subtotals ? words.withheld : std::string();
        bars.push_back({label, value, tick, hidden});
        rows.push_back(json::object{{"label", label},
                                    {"value", value || !subtotals ? metrics::format_count(value, k) : hidden}});
    }
    auto const in_sentence = util::to_lower(dimension); // "Views by day"
    auto const heading = p.views.text(p.lang, "reach.chart." + std::string(measure), {{"dimension", in_sentence}});
    view::reach_chart_labels const labels{
        p.views.text(p.lang, "reach.chart." + std::string(measure) + "_svg", {{"dimension", in_sentence}}),
        p.views.text(p.lang, "reach.hidden_legend", {{"k", std::to_string(k)}})};
    auto const id = "reach-" + std::string(measure);
    return {{"id", id},
            {"heading", heading},
            {"dimension", dimension},
            {"measure", p.text("reach." + std::string(measure))},
            {"svg_html", by_day ? view::column_chart_svg(id, bars, k, labels) : view::bar_chart_svg(id, bars, k, labels)},
            {"rows", std::move(rows)}};
}

} // namespace

std::chrono::year_month_day local_today(util::clock const& clock, std::string const& zone) {
    namespace chr = std::chrono;
    auto const z = schedule::find_zone(zone).value_or(schedule::zone());
    return chr::year_month_day(chr::floor<chr::days>(schedule::to_local(z, chr::floor<chr::seconds>(clock.now())).wall));
}

std::string error_key(metrics::request_error const& e) {
    switch (e.problem) {
    case metrics::request_problem::bad_date: return "reach.error.bad_date";
    case metrics::request_problem::from_after_to: return "reach.error.from_after_to";
    case metrics::request_problem::too_long: return "reach.error.too_long";
    default: return "reach.error.by";
    }
}

std::string dimension_name(page_context const& p, store::reach_dim d) {
    return p.text("reach.dim." + std::string(store::to_string(d)));
}

void add_charts(page_context const& p, metrics::reach_report const& report, json::object& data) {
    if (report.request.by.empty()) return; // nothing to chart (a grouping of blanks)
    auto const points = points_of(report);
    json::array charts;
    charts.push_back(chart(p, report, points, "views", &metrics::counts::events));
    if (report.table.has_readers) charts.push_back(chart(p, report, points, "readers", &metrics::counts::readers));
    data["charts"] = std::move(charts);
}

void add_grouped(page_context const& p, metrics::reach_report const& report, json::object& data) {
    json::array columns, rows;
    for (auto d : report.request.by) columns.emplace_back(dimension_name(p, d));
    static constexpr char const* kinds[] = {"cell", "subtotal", "total"};
    for (auto& row : metrics::display_rows(report, words_of(p))) {
        if (row.kind == metrics::display_row::subtotal && row.dims.size() > 1) row.dims[1] = p.text("reach.subtotal");
        if (row.kind == metrics::display_row::total) row.dims[0] = p.text("reach.total");
        json::array cells;
        for (auto& c : row.dims) cells.emplace_back(std::move(c));
        rows.push_back(json::object{{"kind", kinds[row.kind]}, {"cells", std::move(cells)}, {"events", row.events},
                                    {"readers", row.readers}});
    }
    data["group_columns"] = std::move(columns);
    data["group_rows"] = std::move(rows);
    data["group_has_readers"] = report.table.has_readers;
}

} // namespace farol::handlers::editor_ui
