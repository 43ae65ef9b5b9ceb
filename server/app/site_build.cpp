#include "app/site_build.hpp"

#include "app/schedule_journal.hpp"
#include "content/material_store.hpp"
#include "editor/editor_services.hpp"
#include "store/database.hpp"
#include "store/library_repository.hpp"
#include "util/log.hpp"
#include "view/page_renderer.hpp"
#include "view/site_builder.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

namespace farol::app {

namespace {

void release(std::string& s) {
    s.clear();
    s.shrink_to_fit(); // an emptied string keeps its buffer: 6,000 bodies held 18 MB that way
}

} // namespace

std::shared_ptr<content::library const> handler_library(content::library const& lib) {
    auto kept = std::make_shared<content::library>();
    kept->hotlines = lib.hotlines;
    kept->slots = lib.slots;
    kept->campaigns.reserve(lib.campaigns.size());
    for (auto c : lib.campaigns) {
        for (auto& t : c.translations) {
            release(t.summary);
            release(t.body_markdown);
            release(t.body_html);
        }
        kept->campaigns.push_back(std::move(c));
    }
    return kept;
}

publisher::build_result build_site(site_sources const& from, published::site const* previous, bool allow_fast,
                                   std::atomic<bool> const& cancel) {
    auto const loading = std::chrono::steady_clock::now(); // a duration for the log, not a time of day
    auto loaded = std::make_shared<content::library>(store::load_library(from.db, store::library_detail::site));
    loaded->retired = from.editor.materials.retired();
    std::shared_ptr<content::library const> const owned = std::move(loaded);
    auto const load_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - loading);
    auto const& lib = *owned;
    view::build_report report;
    view::build_options options;
    options.previous = previous;
    options.allow_fast = allow_fast;
    options.cancel = &cancel;
    options.threads = std::max(1u, std::thread::hardware_concurrency());
    options.report = &report;
    auto s = view::build_site(from.pages, lib, [&from](std::string_view sha) { return from.materials.path_of(sha); },
                              from.clock.now(), options);
    try {
        from.journal.record(lib, previous, *s);
    } catch (std::exception const& e) { // the audit trail must not keep a due change off the site
        util::log_error(std::string("recording the schedule's changes failed: ") + e.what());
    }
    std::const_pointer_cast<published::site>(s)->source = handler_library(lib);
    return {std::move(s), owned, "load " + std::to_string(load_ms.count()) + " ms, " + report.summary()};
}

} // namespace farol::app
