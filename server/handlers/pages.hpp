#pragma once
#include "published/site.hpp"
#include "http/router.hpp"
#include "util/clock.hpp"

namespace farol::metrics {
class reach_recorder;
}

namespace farol::handlers::pages {

struct deps {
    published::site_holder const& site;
    util::clock const& clock; // how long a page stays fresh counts from now
    metrics::reach_recorder* reach = nullptr; // counts readers; null: nothing is counted
};

// /, /<lang>/, /<lang>/c/<slug>, /sitemap.xml, /robots.txt: pre-rendered bytes from the Site,
// fresh (Cache-Control max-age) until the page's rotation or the site's schedule next changes.
// Home and campaign pages count a view; /<lang>/c/<slug>/share/whatsapp counts a share-link click
// and sends the reader on to WhatsApp (303, no-store).
void mount(http::route_group& r, deps d);

} // namespace farol::handlers::pages
