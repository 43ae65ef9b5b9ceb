#include "metrics/reach_report.hpp"

#include "util/csv.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string_view>

namespace farol::metrics {

namespace json = boost::json;

namespace {

report_table table_of(store::reach_groups const& groups, std::size_t dims) {
    report_table t;
    t.has_readers = groups.has_readers;
    if (dims >= 2) t.subtotal_by = 0;
    t.grand_total = dims >= 1 && !groups.groups.empty(); // no rows: nothing to total
    for (auto const& g : groups.groups) t.rows.push_back({g.key, {g.events, g.readers}});
    return t;
}

std::vector<std::string> labels_of(report_request const& r, std::vector<std::string> const& key, display_words const& w) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < key.size(); ++i) out.push_back(w.label(r.by[i], key[i]));
    return out;
}

display_row cell_row(reach_report const& r, std::size_t i, display_words const& w) {
    auto const& c = r.shown.cells[i];
    return {display_row::cell, labels_of(r.request, r.table.rows[i].dims, w), format_count(events_of(c), r.shown.k),
            r.table.has_readers ? format_count(readers_of(c), r.shown.k) : std::string()};
}

// format_total in the caller's words.
std::string total_text(std::optional<std::uint64_t> v, display_words const& w) {
    return v ? std::to_string(*v) : w.withheld;
}

display_row total_row(reach_report const& r, display_row::kind_t kind, shown_total const& t, display_words const& w) {
    display_row out{kind, std::vector<std::string>(r.request.by.size()), total_text(events_of(t.value), w),
                    r.table.has_readers ? total_text(readers_of(t.value), w) : std::string()};
    if (kind == display_row::subtotal) out.dims[0] = w.label(r.request.by[0], t.group);
    return out;
}

std::vector<std::string> header_of(reach_report const& r) {
    std::vector<std::string> out;
    for (auto d : r.request.by) out.emplace_back(store::to_string(d));
    out.emplace_back("events");
    if (r.table.has_readers) out.emplace_back("readers");
    return out;
}

// A figure for JSON: the number, or null when suppressed.
json::value figure(std::optional<counts> const& c, std::uint64_t counts::*measure) {
    if (!c) return nullptr;
    return (*c).*measure;
}

json::object figures(reach_report const& r, std::optional<counts> const& c) {
    json::object o;
    o["events"] = figure(c, &counts::events);
    if (r.table.has_readers) o["readers"] = figure(c, &counts::readers);
    o["suppressed"] = !c.has_value();
    return o;
}

json::object json_head(reach_report const& r) {
    json::array by, events;
    for (auto d : r.request.by) by.emplace_back(store::to_string(d));
    for (auto const& e : r.request.events) events.emplace_back(e);
    return {{"from", format_day(r.request.from)}, {"to", format_day(r.request.to)}, {"by", std::move(by)},
            {"events", std::move(events)}, {"k", r.shown.k}, {"rule", rule_summary(r.shown.k)},
            {"has_readers", r.table.has_readers}};
}

// Display width of UTF-8 text in code points (labels are slugs and tags; no wide characters expected).
std::size_t width_of(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::vector<std::vector<std::string>> text_lines(reach_report const& r) {
    std::vector<std::vector<std::string>> lines{header_of(r)};
    for (auto const& row : display_rows(r)) {
        auto line = row.dims;
        if (row.kind == display_row::subtotal && line.size() > 1) line[1] = "subtotal";
        if (row.kind == display_row::total) line[0] = "total";
        line.push_back(row.events);
        if (r.table.has_readers) line.push_back(row.readers);
        lines.push_back(std::move(line));
    }
    return lines;
}

} // namespace

reach_report build_report(store::reach_query const& q, report_request const& r, unsigned k) {
    reach_report out{r, table_of(q.run(selection_of(r)), r.by.size()), {}};
    out.shown = suppress(out.table, k);
    return out;
}

std::string rule_summary(unsigned k) {
    return fmt::format("Cells with fewer than {0} events or readers show as <{0}; a subtotal or total is withheld when "
                       "it is under {0} or could reveal a hidden cell.",
                       k);
}

std::string label_of(store::reach_dim d, std::string_view value) {
    if (d == store::reach_dim::campaign && value.empty()) return std::string(home_and_search);
    return std::string(value);
}

std::vector<display_row> display_rows(reach_report const& r, display_words const& words) {
    std::vector<display_row> out;
    out.reserve(r.table.rows.size() + r.shown.subtotals.size() + 1);
    if (r.table.subtotal_by) {
        // Each group's rows found in one pass: a year by day and campaign has tens of thousands.
        std::map<std::string_view, std::vector<std::size_t>> by_group;
        for (std::size_t i = 0; i < r.table.rows.size(); ++i) by_group[r.table.rows[i].dims[0]].push_back(i);
        for (auto const& g : r.shown.subtotals) {
            if (auto const it = by_group.find(g.group); it != by_group.end())
                for (auto i : it->second) out.push_back(cell_row(r, i, words));
            out.push_back(total_row(r, display_row::subtotal, g, words));
        }
    } else {
        for (std::size_t i = 0; i < r.table.rows.size(); ++i) out.push_back(cell_row(r, i, words));
    }
    if (r.shown.grand_total) out.push_back(total_row(r, display_row::total, *r.shown.grand_total, words));
    return out;
}

std::string to_csv(reach_report const& r) {
    static constexpr char const* kinds[] = {"cell", "subtotal", "total"};
    util::csv_writer w;
    auto head = header_of(r);
    head.insert(head.begin(), "row");
    w.row(head);
    for (auto const& row : display_rows(r)) {
        std::vector<std::string> fields{kinds[row.kind]};
        fields.insert(fields.end(), row.dims.begin(), row.dims.end());
        fields.push_back(row.events);
        if (r.table.has_readers) fields.push_back(row.readers);
        w.row(fields);
    }
    return w.text();
}

std::string to_json(reach_report const& r) {
    auto out = json_head(r);
    json::array rows, subtotals;
    for (std::size_t i = 0; i < r.table.rows.size(); ++i) {
        auto o = figures(r, r.shown.cells[i]);
        for (std::size_t d = 0; d < r.request.by.size(); ++d) o[store::to_string(r.request.by[d])] = r.table.rows[i].dims[d];
        rows.push_back(std::move(o));
    }
    for (auto const& t : r.shown.subtotals) {
        auto o = figures(r, t.value);
        o[store::to_string(r.request.by[0])] = t.group;
        subtotals.push_back(std::move(o));
    }
    out["rows"] = std::move(rows);
    out["subtotals"] = std::move(subtotals);
    out["total"] = r.shown.grand_total ? json::value(figures(r, r.shown.grand_total->value)) : json::value(nullptr);
    return json::serialize(out) + "\n";
}

std::string to_text(reach_report const& r) {
    auto const lines = text_lines(r);
    std::vector<std::size_t> widths(lines.front().size(), 0);
    for (auto const& line : lines)
        for (std::size_t i = 0; i < line.size(); ++i) widths[i] = std::max(widths[i], width_of(line[i]));
    auto const dims = r.request.by.size();
    std::string out = fmt::format("Reach from {} to {}, events: {}\n", format_day(r.request.from), format_day(r.request.to),
                                  fmt::join(r.request.events, ", "));
    for (auto const& line : lines) {
        std::string text;
        for (std::size_t i = 0; i < line.size(); ++i) {
            auto const pad = std::string(widths[i] - width_of(line[i]), ' ');
            text += (i ? "  " : "") + (i < dims ? line[i] + pad : pad + line[i]); // numbers right-aligned
        }
        while (!text.empty() && text.back() == ' ') text.pop_back();
        out += text + "\n";
    }
    return out + rule_summary(r.shown.k) + "\n";
}

} // namespace farol::metrics
