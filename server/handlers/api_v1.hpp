#pragma once
#include "http/router.hpp"
#include "published/site.hpp"
#include "util/clock.hpp"

#include <memory>

namespace farol::published {
class static_assets;
}

namespace farol::handlers::api_v1 {

struct deps {
    published::site_holder const& site;
    util::clock const& clock;
    std::shared_ptr<published::static_assets const> assets; // static/api/openapi.json
};

// The public JSON API v1 (api area: problem+json errors, Access-Control-Allow-Origin *, no cookies),
// every document taken from the site snapshot (no SQLite, no rendering, no lock), with a strong
// ETag (If-None-Match -> 304) and gzip/brotli variants. Shapes: static/api/openapi.json.
//  - GET /api/v1/campaigns[?lang=][&tag=][&page=1][&per_page=20]: published campaigns (with a text
//    in lang, when given; with the tag, when given), per_page 1..100, page 1-based; totals in the
//    body, RFC 8288 Link first/prev/next/last. max-age 60 s.
//  - GET /api/v1/campaigns/{slug}[?lang=]: one campaign in lang (default: its own default language),
//    its text or the fallback chain's (fallback: true), body_html as its page shows it, materials
//    with absolute URLs, sizes in bytes and types. max-age 60 s.
//  - GET /api/v1/slots/{slot}[?lang=]: what the slot shows now; max-age runs to changes_at.
//  - GET /api/v1/languages, GET /api/v1/openapi.json.
// No max-age runs past the site's next scheduled change. 400: a malformed lang, page, per_page or
// tag; 404: an unknown slug, slot or language (a well-formed tag the site does not offer).
void mount(http::route_group& r, deps d);

} // namespace farol::handlers::api_v1
