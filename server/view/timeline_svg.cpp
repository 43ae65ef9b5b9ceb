#include "view/timeline_svg.hpp"

#include "http/response.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <map>
#include <set>
#include <utility>

namespace farol::view {
namespace {

namespace chr = std::chrono;
using schedule::instant;

// The chart's geometry in viewBox units; width="100%" scales it all to the page.
constexpr double view_width = 1000;
constexpr double plot_left = 80; // room for the language tags
constexpr double plot_right = 990;
constexpr double axis_height = 20; // the day labels above the bands
constexpr double row_height = 24;
constexpr double row_gap = 6;
constexpr double legend_line = 18;
constexpr double label_char_width = 6.5; // a generous average at font-size 11: the server has no font metrics

// Distinct hues and no grey, which means "nothing scheduled" here (Tableau 10 with cyan for its grey).
constexpr std::array<std::string_view, 10> palette{"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
                                                   "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#17becf"};
// Indexed by std::chrono::weekday::c_encoding(); English, since the label is a compact axis mark.
constexpr std::array<std::string_view, 7> weekdays{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

// & < > " ' as entities; control characters XML 1.0 forbids even escaped are dropped.
std::string escape(std::string_view text) {
    std::string kept;
    kept.reserve(text.size());
    for (char c : text)
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') kept += c;
    return http::html_escape(kept);
}

// 32-bit FNV-1a: stable across builds and platforms, unlike std::hash.
std::uint32_t fnv1a(std::string_view text) {
    std::uint32_t h = 2166136261u;
    for (unsigned char c : text) {
        h ^= c;
        h *= 16777619u;
    }
    return h;
}

// Two decimals are finer than any screen resolves on 1000 units; trailing zeros only cost bytes.
std::string num(double v) {
    auto s = fmt::format("{:.2f}", v);
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s == "-0" ? "0" : s;
}

// What every part of the chart needs to place itself.
struct chart {
    schedule::zone const& tz;
    instant from;
    instant until;
    std::string id; // prefix of the ids this SVG defines: inline SVGs share the page's id space

    double x(instant t) const {
        auto const span = (until - from).count();
        if (span <= 0) return plot_left;
        auto const into = (std::clamp(t, from, until) - from).count();
        return plot_left + (plot_right - plot_left) * static_cast<double>(into) / static_cast<double>(span);
    }
};

// Whether any of the segment falls inside the chart (the rest is clipped).
bool drawn(chart const& c, schedule::segment const& seg) {
    return seg.from < seg.until && seg.until > c.from && seg.from < c.until;
}

std::string chart_id(schedule::zone const& z, instant from, chr::seconds span, std::string_view title) {
    auto const key = fmt::format("{}|{}|{}|{}", z.name(), from.time_since_epoch().count(), span.count(), title);
    return fmt::format("farol-timeline-{:08x}", fnv1a(key));
}

// Local midnights in [from, until); a midnight skipped by a clock change is the change itself, a
// repeated one its first occurrence.
std::vector<instant> local_midnights(schedule::zone const& z, instant from, instant until) {
    std::vector<instant> out;
    for (auto day = chr::floor<chr::days>(schedule::to_local(z, from).wall);; day += chr::days(1)) {
        auto const t = schedule::to_utc(z, day).earlier;
        if (t >= until) break;
        if (t >= from) out.push_back(t);
    }
    return out;
}

// "Mon 27": the local day starting at `midnight`.
std::string day_label(schedule::zone const& z, instant midnight) {
    auto const day = chr::floor<chr::days>(schedule::to_local(z, midnight).wall);
    chr::year_month_day const ymd{day};
    return fmt::format("{} {}", weekdays[chr::weekday(day).c_encoding()], static_cast<unsigned>(ymd.day()));
}

// "2026-07-30 09:00 – 2026-07-30 10:00 (EDT)"; both abbreviations when a clock change falls inside.
std::string span_text(schedule::zone const& z, instant from, instant until) {
    auto const a = schedule::to_local(z, from);
    auto const b = schedule::to_local(z, until);
    auto const abbreviation = a.abbreviation == b.abbreviation ? a.abbreviation : a.abbreviation + "/" + b.abbreviation;
    return fmt::format("{} \u2013 {} ({})", schedule::format_wall(a.wall), schedule::format_wall(b.wall), abbreviation);
}

// The slug of each distinct entry index drawn, asking campaign_of once per index.
std::map<std::size_t, std::string> slugs_of(chart const& c, std::vector<timeline_row> const& rows,
                                            std::function<std::string(std::size_t)> const& campaign_of) {
    std::map<std::size_t, std::string> out;
    for (auto const& row : rows)
        for (auto const& seg : row.segments)
            if (seg.entry && drawn(c, seg) && !out.contains(*seg.entry))
                out.emplace(*seg.entry, campaign_of(*seg.entry));
    return out;
}

void write_head(std::string& out, chart const& c, double height, std::string_view title) {
    fmt::format_to(std::back_inserter(out),
                   R"svg(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="100%" role="img" )svg"
                   R"svg(aria-labelledby="{}-title" font-family="sans-serif" font-size="11" fill="currentColor" )svg"
                   R"svg(shape-rendering="crispEdges"><title id="{}-title">{}</title>)svg",
                   num(view_width), num(height), c.id, c.id, escape(title));
    // Grey with diagonal strokes, so "nothing" reads apart from every palette colour without colour vision.
    fmt::format_to(std::back_inserter(out),
                   R"svg(<defs><pattern id="{}-none" width="6" height="6" patternUnits="userSpaceOnUse" )svg"
                   R"svg(patternTransform="rotate(45)"><path d="M0 0h6v6h-6z" fill="#e4e4e4"/>)svg"
                   R"svg(<path d="M0 0v6" stroke="#8a8a8a" stroke-width="2"/></pattern></defs>)svg",
                   c.id);
}

void write_segment(std::string& out, chart const& c, double y, schedule::segment const& seg, std::string_view name,
                   std::string_view fill) {
    auto const x0 = c.x(seg.from);
    auto const x1 = c.x(seg.until);
    fmt::format_to(std::back_inserter(out),
                   R"svg(<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {}</title></rect>)svg",
                   num(x0), num(y), num(x1 - x0), num(row_height), fill, escape(name),
                   escape(span_text(c.tz, seg.from, seg.until)));
}

using colour_map = std::map<std::string, std::string_view, std::less<>>;

// Each campaign of this chart gets its own colour: its preferred one (timeline_colour) unless a
// campaign earlier by slug took it, then the next free one; only past 10 campaigns do two share.
colour_map colours_of(std::map<std::size_t, std::string> const& slugs) {
    std::set<std::string> campaigns;
    for (auto const& [index, slug] : slugs) campaigns.insert(slug);
    colour_map out;
    std::set<std::size_t> taken;
    for (auto const& slug : campaigns) {
        auto i = fnv1a(slug) % palette.size();
        for (std::size_t k = 0; k < palette.size() && taken.contains(i); ++k) i = (i + 1) % palette.size();
        taken.insert(i);
        out.emplace(slug, palette[i]);
        if (taken.size() == palette.size()) taken.clear();
    }
    return out;
}

void write_row(std::string& out, chart const& c, double y, timeline_row const& row,
               std::map<std::size_t, std::string> const& slugs, colour_map const& colours, std::string_view nothing) {
    fmt::format_to(std::back_inserter(out), R"svg(<g><text x="{}" y="{}" text-anchor="end">{}</text>)svg",
                   num(plot_left - 6), num(y + row_height / 2 + 4), escape(row.language));
    auto const hatch = "url(#" + c.id + "-none)";
    for (auto const& seg : row.segments) {
        if (!drawn(c, seg)) continue;
        if (seg.entry) {
            auto const& slug = slugs.at(*seg.entry);
            write_segment(out, c, y, seg, slug, colours.at(slug));
        } else {
            write_segment(out, c, y, seg, nothing, hatch);
        }
    }
    out += "</g>";
}

// Drawn over the bands, so day edges stay visible across long segments.
void write_midnights(std::string& out, chart const& c, double bottom) {
    for (auto const t : local_midnights(c.tz, c.from, c.until)) {
        auto const x = c.x(t);
        fmt::format_to(std::back_inserter(out),
                       R"svg(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="currentColor" stroke-opacity="0.45"/>)svg",
                       num(x), num(axis_height - 4), num(x), num(bottom));
        auto const label = day_label(c.tz, t);
        if (x + 3 + label_char_width * static_cast<double>(label.size()) > view_width) continue; // would be cut off
        fmt::format_to(std::back_inserter(out), R"svg(<text x="{}" y="{}">{}</text>)svg", num(x + 3),
                       num(axis_height - 8), escape(label));
    }
}

struct legend_item {
    std::string label;
    std::string fill;
};

std::vector<legend_item> legend_of(chart const& c, std::vector<timeline_row> const& rows, colour_map const& colours,
                                   std::string_view nothing) {
    std::vector<legend_item> out; // by slug, each campaign once (several entries may show one)
    for (auto const& [slug, fill] : colours) out.push_back({slug, std::string(fill)});
    bool const any_empty = std::any_of(rows.begin(), rows.end(), [&](timeline_row const& row) {
        return std::any_of(row.segments.begin(), row.segments.end(),
                           [&](schedule::segment const& seg) { return !seg.entry && drawn(c, seg); });
    });
    if (any_empty) out.push_back({std::string(nothing), "url(#" + c.id + "-none)"});
    return out;
}

// Swatches flow left to right and wrap on estimated text widths. Returns the y below the last line.
double write_legend(std::string& out, std::vector<legend_item> const& items, double top) {
    double x = plot_left;
    double y = top;
    for (auto const& item : items) {
        double const width = 14 + label_char_width * static_cast<double>(item.label.size()) + 18;
        if (x > plot_left && x + width > view_width) {
            x = plot_left;
            y += legend_line;
        }
        fmt::format_to(std::back_inserter(out),
                       R"svg(<path d="M{} {}h10v10h-10z" fill="{}"/><text x="{}" y="{}">{}</text>)svg", num(x), num(y),
                       item.fill, num(x + 14), num(y + 9), escape(item.label));
        x += width;
    }
    return items.empty() ? top : y + legend_line;
}

} // namespace

std::string_view timeline_colour(std::string_view slug) { return palette[fnv1a(slug) % palette.size()]; }

std::string timeline_svg(schedule::zone const& z, instant from, chr::seconds span,
                         std::vector<timeline_row> const& rows,
                         std::function<std::string(std::size_t)> const& campaign_of, timeline_labels const& labels) {
    chart const c{z, from, from + std::max(span, chr::seconds(0)), chart_id(z, from, span, labels.title)};
    auto const slugs = slugs_of(c, rows, campaign_of);
    auto const colours = colours_of(slugs);
    std::string body;
    double y = axis_height;
    for (auto const& row : rows) {
        write_row(body, c, y, row, slugs, colours, labels.nothing);
        y += row_height + row_gap;
    }
    write_midnights(body, c, std::max(y - row_gap, axis_height));
    auto const bottom = write_legend(body, legend_of(c, rows, colours, labels.nothing), y + 4);
    std::string out;
    write_head(out, c, bottom + 4, labels.title);
    out += body;
    out += "</svg>";
    return out;
}

} // namespace farol::view
