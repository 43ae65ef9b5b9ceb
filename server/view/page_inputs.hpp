#pragma once
#include "content/model.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace farol::view {

// Fingerprints (32 hex digits) of what a page is rendered from. A build renders a page only when
// its fingerprint differs from the previous site's; anything a page shows must therefore be in it.

// Every field of the campaign: its texts, hotline ids, materials, languages, window and tags.
std::string campaign_inputs(content::campaign const& c);
// What a home page shows of the campaigns it lists, in order: slugs, default languages, and each
// translation's language, title and summary (the card picked by the reader's language).
std::string listing_inputs(std::vector<content::campaign const*> const& published);
// What the sitemap shows of the campaigns it lists, in order: slugs and translation languages.
std::string sitemap_inputs(std::vector<content::campaign const*> const& published);
// Every hotline with every field: pages without hotlines of their own show them all.
std::string hotlines_inputs(std::vector<content::hotline> const& hotlines);
// One page: the renderer that draws it (templates, catalogs, assets, fallbacks, URLs), its key
// ("/es/c/<slug>", "es 404") and the fingerprints of the content it shows.
std::string page_inputs(std::uint64_t renderer, std::string_view key, std::vector<std::string_view> const& content);

} // namespace farol::view
