#include "handlers/reach_views.hpp"

#include "view/editor_views.hpp"
#include "view/reach_svg.hpp"

#include <boost/json/array.hpp>

#include <chrono>

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

view::reach_chart_labels chart_labels(page_context const& p, std::string_view title_key, unsigned k) {
    return {p.text(title_key), p.views.text(p.lang, "reach.hidden_legend", {{"k", std::to_string(k)}})};
}

// A day's shown figure: its cell's (nullopt when suppressed), or 0 for a day without events.
struct day_figures {
    std::optional<std::uint64_t> views = 0, readers = 0;
};

std::vector<std::pair<std::string, day_figures>> days_of(metrics::reach_report const& r) {
    std::map<std::string, day_figures, std::less<>> found;
    for (std::size_t i = 0; i < r.table.rows.size(); ++i)
        found[r.table.rows[i].dims.at(0)] = {metrics::events_of(r.shown.cells[i]), metrics::readers_of(r.shown.cells[i])};
    std::vector<std::pair<std::string, day_figures>> out;
    for (auto d = std::chrono::sys_days(r.request.from); d <= std::chrono::sys_days(r.request.to); d += std::chrono::days(1)) {
        auto const day = metrics::format_day(std::chrono::year_month_day(d));
        auto const it = found.find(day);
        out.emplace_back(day, it == found.end() ? day_figures{} : it->second);
    }
    return out;
}

// The grand total's figure: 0 for a range without events, "withheld" when the rule hides it.
std::string total_text(page_context const& p, metrics::reach_report const& r, std::uint64_t metrics::counts::*measure) {
    if (r.table.rows.empty()) return "0";
    auto const& total = r.shown.grand_total;
    return total && total->value ? std::to_string((*total->value).*measure) : p.text("reach.withheld");
}

} // namespace

std::string dimension_name(page_context const& p, store::reach_dim d) {
    return p.text("reach.dim." + std::string(store::to_string(d)));
}

void add_daily(page_context const& p, metrics::reach_report const& by_day, json::object& data) {
    auto const k = by_day.shown.k;
    std::vector<view::reach_bar> views, readers;
    json::array rows;
    for (auto const& [day, f] : days_of(by_day)) {
        auto const tick = day.substr(5); // "07-30"
        views.push_back({day, f.views, tick});
        readers.push_back({day, f.readers, tick});
        rows.push_back(json::object{{"day", day}, {"views", metrics::format_count(f.views, k)},
                                    {"readers", metrics::format_count(f.readers, k)}});
    }
    data["views_svg_html"] = view::column_chart_svg("reach-views", views, k, chart_labels(p, "reach.views_chart", k));
    data["readers_svg_html"] =
        view::column_chart_svg("reach-readers", readers, k, chart_labels(p, "reach.readers_chart", k));
    data["day_rows"] = std::move(rows);
    data["day_total"] = json::object{{"views", total_text(p, by_day, &metrics::counts::events)},
                                     {"readers", total_text(p, by_day, &metrics::counts::readers)}};
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

void add_sources(page_context const& p, metrics::reach_report const& by_source, json::object& data) {
    auto const k = by_source.shown.k;
    std::vector<view::reach_bar> bars;
    json::array rows;
    for (std::size_t i = 0; i < by_source.table.rows.size(); ++i) {
        auto const& source = by_source.table.rows[i].dims.at(0);
        auto const views = metrics::events_of(by_source.shown.cells[i]);
        bars.push_back({source, views, {}});
        rows.push_back(json::object{{"source", source}, {"views", metrics::format_count(views, k)}});
    }
    data["sources_svg_html"] = view::bar_chart_svg("reach-sources", bars, k, chart_labels(p, "reach.sources_chart", k));
    data["source_rows"] = std::move(rows);
    data["source_total"] = total_text(p, by_source, &metrics::counts::events);
}

} // namespace farol::handlers::editor_ui
