#pragma once
#include "published/site.hpp"
#include "http/router.hpp"
#include "util/clock.hpp"

namespace farol::handlers::pages {

struct deps {
    published::site_holder const& site;
    util::clock const& clock; // how long a page stays fresh counts from now
};

// /, /<lang>/, /<lang>/c/<slug>, /sitemap.xml, /robots.txt: pre-rendered bytes from the Site,
// fresh (Cache-Control max-age) until the page's rotation or the site's schedule next changes.
void mount(http::route_group& r, deps d);

} // namespace farol::handlers::pages
