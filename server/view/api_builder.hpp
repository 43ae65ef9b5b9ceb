#pragma once
#include "content/model.hpp"
#include "published/site.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace farol::view {

class page_renderer;

// "/api/v1/campaigns/<slug>?lang=<lang>" and friends: the one place API paths are spelled.
std::string api_campaign_path(std::string_view slug, std::string_view lang);

// Fills s.api: the JSON API v1's documents as of the site's build (Boost.JSON), from the published
// campaigns, the slot picks already in `s` (published::site::slot_picks) and the renderer's public
// URL, fallbacks and catalogs. Campaign documents are held gzip-only (published::api_document),
// one arena per campaign: gzip 9 at the best `brotli_quality`, gzip 1 below it (a fast first pass,
// refined later). An unchanged campaign, or a document whose bytes equal one in `previous`, takes
// over the previous bytes when they were built at least at `brotli_quality`. Slot and languages
// documents are full representations (few). Work runs over `threads` threads.
// Shapes: static/api/openapi.json.
void add_api_documents(published::site& s, page_renderer const& pages, content::library const& lib,
                       std::vector<content::campaign const*> const& published, published::site const* previous,
                       int brotli_quality, unsigned threads);

} // namespace farol::view
