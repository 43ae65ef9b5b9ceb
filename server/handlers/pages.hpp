#pragma once
#include "content/site.hpp"
#include "http/router.hpp"

namespace farol::handlers::pages {

struct deps {
    content::site_holder const& site;
};

// /, /<lang>/, /<lang>/c/<slug>, /sitemap.xml, /robots.txt: pre-rendered bytes from the Site.
void mount(http::router& r, deps d);

} // namespace farol::handlers::pages
