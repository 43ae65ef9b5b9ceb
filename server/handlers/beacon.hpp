#pragma once
#include "published/site.hpp"
#include "http/router.hpp"

#include <string>

namespace farol::metrics {
class reach_recorder;
}
namespace farol::partners {
class registry;
}

namespace farol::handlers::beacon {

struct deps {
    published::site_holder const& site;
    metrics::reach_recorder* reach = nullptr; // null: every beacon answers "not-here"
    std::string own_host;                     // the public URL's host: whose pages' Referer is believed
    partners::registry const* partners = nullptr; // whose widget impressions count; null: none
};

// GET /b?e=view&l=<lang>[&c=<slug>] or /b?e=widget_impression&c=<slug>&l=<lang>&p=<partner>: the reach beacon pages carry in metrics.count_at = beacon mode,
// so views of pages a cache served are still counted (DESIGN.md "Beyond one machine"). It never
// breaks the page that loads it: every request, counted or not, gets a 1x1 transparent GIF when an
// image was asked for (Sec-Fetch-Dest: image) or else 204, with Cache-Control: no-store and a
// Farol-Reach header naming the verdict (counted, preview, crawler, prefetch, head, cross-site,
// unknown, not-here, editor). The page's ?src= is read from the same-origin Referer the image sends
// (referrerpolicy="same-origin"); a view sent from another site's page is refused (cross-site). A
// widget card's impression names its partner (enabled) and a card the site has.
void mount(http::route_group& r, deps d);

} // namespace farol::handlers::beacon
