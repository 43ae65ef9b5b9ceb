#pragma once
#include "content/model.hpp"

namespace farol::store {

class database;

// How much of each translation load_library reads. The public site shows the HTML rendered at save,
// never the Markdown source: without it a publish reads and holds half the text (14 of 30 MB for
// 1,000 campaigns in six languages).
enum class library_detail { everything, site };

// The library the site shows: campaigns sorted by slug with their parts in stored order (none
// without its default language, none archived), hotlines by id. With library_detail::site every
// body_markdown is empty and the slots with their rotation entries come too (what the site is
// built from; bundles and their import know nothing of the schedule). Throws store_error.
content::library load_library(database& db, library_detail detail = library_detail::everything);

struct import_result {
    int added = 0, updated = 0, unchanged = 0; // campaigns
    int hotlines_added = 0, hotlines_updated = 0, hotlines_unchanged = 0;
};

// Upserts the given hotlines and campaigns (by id / slug) in one write transaction; nothing
// absent from lib is deleted. A campaign or hotline equal to the stored one is not written at
// all (its revision stays), so importing the same library twice changes nothing. A changed
// campaign is replaced as a whole, its revision incremented and its search index refreshed.
// Throws store_error (e.g. a campaign naming a hotline that exists nowhere); then nothing changed.
// Each imported translation is published; a text that differs from its latest revision becomes a
// new revision by "import" at now_ns (system_clock nanoseconds), so the editor's history goes on.
import_result import_library(database& db, content::library const& lib, std::int64_t now_ns = 0);

} // namespace farol::store
