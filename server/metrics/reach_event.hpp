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
struct reach_event {
    std::chrono::year_month_day day{}; // local date in the site's zone
    std::string campaign;              // slug; empty for the home and search pages
    std::string language;              // BCP 47 of the page
    event_kind event = event_kind::view;
    source from;                       // where the reader came from (partner id when a partner)
    device_class device = device_class::phone;
    std::optional<std::uint64_t> visitor; // visitor_hasher's value, for unique readers; none for previews
};

} // namespace farol::metrics
