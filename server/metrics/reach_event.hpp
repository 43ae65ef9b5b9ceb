#pragma once
#include "metrics/reader_traits.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace farol::metrics {

// What readers did, as reach counts it. A QR visit is a view whose source is qr; a home or search
// page view names no campaign.
enum class event_kind { view, preview, download, share, widget_impression, widget_click };

// "view", "preview", "download", "share", "widget_impression", "widget_click".
std::string_view to_string(event_kind e);

// One counted event, already reduced to the report's dimensions: nothing in it identifies the
// reader (the visitor hash is salted per day in memory and never stored; only its distinct count is).
// `count` is how many times it happened in a row: a reader who reloads a page adds to the
// buffer's last event instead of appending one (event_buffers).
struct reach_event {
    std::chrono::year_month_day day{}; // local date in the site's zone
    std::string campaign;              // slug; empty for the home and search pages
    std::string language;              // BCP 47 of the page
    event_kind event = event_kind::view;
    source from;                       // where the reader came from (partner id when a partner)
    device_class device = device_class::phone;
    std::optional<std::uint64_t> visitor; // visitor_hasher's value, for unique readers; none for previews
    std::uint32_t count = 1;
};

// The same event as the read path first has it: views into the request and the published site,
// copied into a reach_event only when it does not repeat one of the thread's last events.
struct event_draft {
    std::chrono::year_month_day day{};
    std::string_view campaign;
    std::string_view language;
    event_kind event = event_kind::view;
    source_kind source = source_kind::direct;
    std::string_view partner; // when source is partner
    device_class device = device_class::phone;
    std::optional<std::uint64_t> visitor;

    // Whether `e` is this event again: the same cell (day, campaign, language, event, source,
    // device) and the same visitor (or none), so counting it once more loses nothing.
    bool repeats(reach_event const& e) const;
    reach_event to_event() const;
};

// A reach_event's draft, its views into `e`.
event_draft draft_of(reach_event const& e);

} // namespace farol::metrics
