#pragma once
#include "schedule/timeline.hpp"
#include "schedule/zone.hpp"

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace farol::view {

// One band of the chart: what a slot shows to readers of one language (schedule::timeline()).
struct timeline_row {
    std::string language; // BCP 47 tag, shown as the band's label
    std::vector<schedule::segment> segments;
};

// The chart's words, already in the editor's language.
struct timeline_labels {
    std::string nothing; // names the segments with nothing eligible ("Nothing scheduled")
    std::string title;   // the accessible name of the whole chart
};

// A slot's timeline as an inline SVG string for the editor (no script, no style: colours are
// attributes, as the site's CSP forbids inline styles). Shapes:
//  - viewBox 1000 units wide, width="100%", height from the rows and legend, so it scales;
//  - x is [from, from + span) linearly; a vertical line and a "Mon 27" label at each local
//    midnight of `z` in that range (a midnight a clock change skips is drawn at the change);
//  - one band per row, in the order given, labelled with its language tag; each segment one
//    <rect> (the only <rect> elements), filled with timeline_colour(campaign_of(entry)), or a grey
//    hatch with labels.nothing when entry is nullopt, holding a <title> "slug: 2026-07-30 09:00 –
//    2026-07-30 10:00 (EDT)" in z for hover. Segments entirely outside the span are left out, the
//    others clipped to it;
//  - a legend of every campaign shown (sorted by slug), and the hatch if any segment is empty.
// Every inserted text is XML-escaped. campaign_of is called once per distinct entry index; what it
// throws propagates. The SVG's ids derive from labels.title, z, from and span, so two charts on one
// page differ as long as those do.
std::string timeline_svg(schedule::zone const& z, schedule::instant from, std::chrono::seconds span,
                         std::vector<timeline_row> const& rows,
                         std::function<std::string(std::size_t)> const& campaign_of, timeline_labels const& labels);

// A campaign's preferred fill, "#rrggbb": a fixed palette of 10 hues (no grey) indexed by the
// FNV-1a hash of the slug, so a campaign keeps its colour across charts and restarts. Within one
// chart two campaigns never share a colour (up to 10): the later by slug takes the next free hue.
std::string_view timeline_colour(std::string_view slug);

} // namespace farol::view
