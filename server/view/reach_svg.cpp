#include "view/reach_svg.hpp"

#include "http/response.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace farol::view {

namespace {

constexpr double view_width = 1000;
constexpr double legend_height = 24;
constexpr char const* bar_fill = "#4e79a7";
constexpr char const* hidden_stroke = "#6b6b6b";

// & < > " ' as entities; control characters XML 1.0 forbids even escaped are dropped.
std::string escape(std::string_view text) {
    std::string kept;
    for (char c : text)
        if (static_cast<unsigned char>(c) >= 0x20) kept += c;
    return http::html_escape(kept);
}

// Two decimals at most: finer than any screen resolves on 1000 units.
std::string num(double v) {
    auto s = fmt::format("{:.2f}", v);
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

std::string figure_text(reach_bar const& b, unsigned k) {
    if (b.unknown) return unknown_figure;
    if (b.value) return std::to_string(*b.value);
    return b.hidden_text.empty() ? "<" + std::to_string(k) : b.hidden_text;
}

// The scale's top: the largest shown figure, or k (so a hidden band always fits).
double top_of(std::vector<reach_bar> const& bars, unsigned k) {
    std::uint64_t top = k;
    for (auto const& b : bars)
        if (b.value) top = std::max(top, *b.value);
    return static_cast<double>(top);
}

bool any_hidden(std::vector<reach_bar> const& bars) {
    return std::any_of(bars.begin(), bars.end(), [](auto const& b) { return !b.value && !b.unknown; });
}

std::string open_svg(std::string_view id, double height, reach_chart_labels const& labels) {
    auto const eid = escape(id);
    return fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"{0}-title\" viewBox=\"0 0 {1} {2}\" "
        "width=\"100%\" font-family=\"sans-serif\" font-size=\"12\"><title id=\"{0}-title\">{3}</title>"
        "<defs><pattern id=\"{0}-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
        "patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"{4}\" stroke-width=\"2\"/>"
        "</pattern></defs>",
        eid, num(view_width), num(height), escape(labels.title), hidden_stroke);
}

// A figure nobody knows: a dash where its bar would stand (x, y: the text's anchor), no bar.
std::string unknown_mark(reach_bar const& b, double x, double y, std::string_view anchor) {
    return fmt::format("<text class=\"unknown\" x=\"{}\" y=\"{}\" text-anchor=\"{}\"><title>{}: {}</title>{}</text>", num(x),
                       num(y), anchor, escape(b.label), unknown_figure, unknown_figure);
}

// A bar's rectangle: shown in the chart's colour, or the hatched band of a hidden figure.
std::string bar_rect(std::string_view id, reach_bar const& b, unsigned k, double x, double y, double w, double h) {
    auto const tip = fmt::format("<title>{}: {}</title>", escape(b.label), escape(figure_text(b, k)));
    if (b.value)
        return fmt::format("<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\">{}</rect>",
                           num(x), num(y), num(w), num(h), bar_fill, tip);
    return fmt::format("<rect class=\"hidden-bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"url(#{}-hatch)\" "
                       "stroke=\"{}\" stroke-dasharray=\"3 2\">{}</rect>",
                       num(x), num(y), num(w), num(h), escape(id), hidden_stroke, tip);
}

std::string legend(std::string_view id, std::vector<reach_bar> const& bars, double y, reach_chart_labels const& l) {
    if (!any_hidden(bars)) return {};
    return fmt::format("<g class=\"legend\"><rect x=\"10\" y=\"{0}\" width=\"14\" height=\"14\" fill=\"url(#{1}-hatch)\" "
                       "stroke=\"{2}\" stroke-dasharray=\"3 2\"/><text x=\"30\" y=\"{3}\">{4}</text></g>",
                       num(y + 4), escape(id), hidden_stroke, num(y + 15), escape(l.suppressed));
}

} // namespace

std::string column_chart_svg(std::string_view id, std::vector<reach_bar> const& bars, unsigned k,
                             reach_chart_labels const& labels) {
    constexpr double left = 60, right = 990, top = 10, plot = 160, ticks = 20;
    auto const height = top + plot + ticks + legend_height;
    auto const scale = top_of(bars, k);
    auto const slot = bars.empty() ? 0.0 : (right - left) / static_cast<double>(bars.size());
    auto const y_of = [&](double v) { return top + plot - plot * v / scale; };
    auto out = open_svg(id, height, labels);
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", num(left - 6), num(top + 10), num(scale));
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">0</text>", num(left - 6), num(top + plot));
    out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#333\"/>", num(left), num(top + plot),
                       num(right));
    std::size_t const every = std::max<std::size_t>(1, (bars.size() + 9) / 10); // at most ten labels
    for (std::size_t i = 0; i < bars.size(); ++i) {
        auto const& b = bars[i];
        double const x = left + slot * static_cast<double>(i) + slot * 0.1;
        double const v = b.value ? static_cast<double>(*b.value) : static_cast<double>(k);
        out += b.unknown ? unknown_mark(b, x + slot * 0.4, top + plot - 4, "middle")
                         : bar_rect(id, b, k, x, y_of(v), slot * 0.8, top + plot - y_of(v));
        if (i % every == 0)
            out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>", num(x + slot * 0.4),
                               num(top + plot + 15), escape(b.tick));
    }
    return out + legend(id, bars, top + plot + ticks, labels) + "</svg>";
}

std::string bar_chart_svg(std::string_view id, std::vector<reach_bar> const& bars, unsigned k,
                          reach_chart_labels const& labels) {
    constexpr double left = 200, right = 900, row = 22, top = 6;
    auto const height = top + row * static_cast<double>(bars.size()) + legend_height;
    auto const scale = top_of(bars, k);
    auto out = open_svg(id, height, labels);
    for (std::size_t i = 0; i < bars.size(); ++i) {
        auto const& b = bars[i];
        double const y = top + row * static_cast<double>(i);
        out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", num(left - 8), num(y + 15),
                           escape(b.label));
        if (b.unknown) {
            out += unknown_mark(b, left + 6, y + 15, "start");
            continue;
        }
        double const v = b.value ? static_cast<double>(*b.value) : static_cast<double>(k);
        double const w = (right - left) * v / scale;
        out += bar_rect(id, b, k, left, y + 3, w, row - 6);
        out += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>", num(left + w + 6), num(y + 15), escape(figure_text(b, k)));
    }
    return out + legend(id, bars, top + row * static_cast<double>(bars.size()), labels) + "</svg>";
}

} // namespace farol::view
