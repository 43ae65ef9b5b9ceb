#pragma once
#include "http/router.hpp"
#include "published/site.hpp"
#include "util/clock.hpp"

#include <memory>

namespace farol::metrics {
class reach_recorder;
}
namespace farol::partners {
class registry;
}
namespace farol::published {
class static_assets;
}

namespace farol::handlers::embed {

struct deps {
    published::site_holder const& site;
    util::clock const& clock;
    partners::registry const* partners = nullptr; // null: no partner exists, every slot embed is refused
    metrics::reach_recorder* reach = nullptr;     // null: impressions are not counted
};

// What partners' pages load (DESIGN.md, embed area); each answer is a small self-contained document
// that never sets a cookie:
//  - GET /embed/<slot>?partner=<id>[&lang=][&theme=auto|light|dark][&accent=RRGGBB]: the card of the
//    campaign the slot shows now in that language (the site's pick; else the home-featured pick; else
//    the newest published campaign with a text in it), linking to its page with ?src=partner:<id>.
//    Content-Security-Policy frame-ancestors lists the partner's allowed origins ('none' without any),
//    so only their pages may frame it. Counts a widget_impression for the partner (in beacon mode the
//    card's /b image does). Unknown or disabled partner, slot or language: 404; bad theme or accent: 400.
//  - GET /embed/c/<slug>?lang=[&partner=][&theme=][&accent=]: one campaign's card, for oEmbed
//    consumers; without a partner any site may frame it (frame-ancestors *) and nothing is counted.
// Cache-Control lasts until the slot's rotation or the site's next change, at most five minutes.
void mount(http::route_group& r, deps d);

// GET /widget.js: the script embed (static/js/widget.js), cached for an hour, CORP cross-origin.
void mount_script(http::route_group& r, std::shared_ptr<published::static_assets const> const& assets);

} // namespace farol::handlers::embed
