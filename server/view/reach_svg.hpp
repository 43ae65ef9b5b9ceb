#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace farol::view {

// One bar of a reach chart: its label (a day, a source), its figure (nullopt when suppressed) and,
// for a column chart, a short axis mark ("07-30").
struct reach_bar {
    std::string label;
    std::optional<std::uint64_t> value;
    std::string tick;
    std::string hidden_text; // a hidden figure's words ("withheld"); empty: "<k"
    bool unknown = false;    // no figure is known (not hidden, not 0): no bar, unknown_figure as its text
};

// The text of a figure nobody knows, in charts and their tables: never a 0 that was not counted.
inline constexpr char const* unknown_figure = "–";

// A chart's words, already in the editor's language.
struct reach_chart_labels {
    std::string title;      // the accessible name of the chart (<title>)
    std::string suppressed; // the legend and hover text of a hidden figure, e.g. "<10: fewer than 10, hidden"
};

// Reach charts as inline SVG strings for the editor: no script, no style element or attribute
// (the editor's CSP), colours as presentation attributes; width="100%" on a 1000-unit viewBox.
// Every chart is <svg role="img" aria-labelledby=…> with a <title>, one <rect class="bar"> per
// shown figure (even 0, drawn 0 high) with a <title> "label: value", and one hatched
// <rect class="hidden-bar"> per suppressed figure, drawn as the band 0 to k (where the figure
// lies) and never at its true height, which the chart does not know; an unknown figure gets no
// rect, only a <text class="unknown"> "–" with its <title>; the legend names the hatch
// when any bar is hidden. Scale: the largest shown figure, or k, whichever is larger. `id`
// prefixes the ids the SVG defines (inline SVGs share the page's id space): give each chart its own.
// Every inserted text is XML-escaped.

// Vertical bars left to right, in the order given (days), ticks under every few bars (at most ten).
std::string column_chart_svg(std::string_view id, std::vector<reach_bar> const& bars, unsigned k,
                             reach_chart_labels const& labels);
// Horizontal bars top to bottom, in the order given (sources), each labelled on its left and
// with its figure ("<k" for a hidden one) on its right.
std::string bar_chart_svg(std::string_view id, std::vector<reach_bar> const& bars, unsigned k,
                          reach_chart_labels const& labels);

} // namespace farol::view
