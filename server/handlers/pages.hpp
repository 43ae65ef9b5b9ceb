#pragma once
#include "published/site.hpp"
#include "http/router.hpp"

namespace farol::handlers::pages {

struct deps {
    published::site_holder const& site;
};

// /, /<lang>/, /<lang>/c/<slug>, /sitemap.xml, /robots.txt: pre-rendered bytes from the Site.
void mount(http::route_group& r, deps d);

} // namespace farol::handlers::pages
