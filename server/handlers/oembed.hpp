#pragma once
#include "http/router.hpp"
#include "published/site.hpp"

#include <functional>
#include <memory>

namespace farol::view {
class page_renderer;
}
namespace farol::partners {
class registry;
}

namespace farol::handlers::oembed {

struct deps {
    published::site_holder const& site;
    std::function<std::shared_ptr<view::page_renderer const>()> pages; // its public URL and texts
    partners::registry const* partners = nullptr;
};

// GET /oembed?url=<page URL>&format=json[&maxwidth=][&maxheight=] (oEmbed 1.0, type "rich"): for a
// campaign page of this site (/<lang>/c/<slug>, optionally ?src=partner:<id>), the html is an iframe
// of /embed/c/<slug> in that language (with the partner, so its readers count for it); for a home page
// tagged ?src=partner:<id>, the partner's default slot. width and height are 480x320, or less to honour
// maxwidth and maxheight. Answers in the api area's way (problem+json): 400 without url or with a
// bad max size, 404 for a URL that is not such a page, 501 for a format other than json.
void mount(http::route_group& r, deps d);

} // namespace farol::handlers::oembed
