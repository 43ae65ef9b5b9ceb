#pragma once
#include "app/publisher.hpp"
#include "util/clock.hpp"

#include <atomic>

namespace farol::content {
class material_store;
struct library;
}
namespace farol::editor {
struct editor_services;
}
namespace farol::store {
class database;
}
namespace farol::view {
class page_renderer;
}

namespace farol::app {

class schedule_journal;

// What one publish pass reads: the store, the editor's material registry, the renderer, the
// material files, the journal of scheduled changes, the clock.
struct site_sources {
    store::database& db;
    editor::editor_services& editor;
    view::page_renderer const& pages;
    content::material_store const& materials;
    schedule_journal& journal;
    util::clock const& clock;
};

// What the live site's handlers read from the library (published::site::source): search pages the
// hotlines, widget cards the slots and the campaigns in order, oEmbed their titles. The texts'
// summaries and bodies are already in the pages: they are freed, not kept twice.
std::shared_ptr<content::library const> handler_library(content::library const& lib);

// One publish pass (the publisher's build_fn): loads the library, renders and compresses the site
// (reusing `previous`' unchanged pages; fast compression first when `allow_fast`), journals what the
// schedule changed, and keeps on the site only what its live handlers still read (hotlines, slots,
// campaign titles). Throws what loading or rendering throws; a journal failure is logged, not thrown.
publisher::build_result build_site(site_sources const& from, published::site const* previous, bool allow_fast,
                                   std::atomic<bool> const& cancel);

} // namespace farol::app
