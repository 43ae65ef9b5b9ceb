#pragma once
#include "http/router.hpp"
#include "published/site.hpp"
#include "util/clock.hpp"

#include <functional>
#include <memory>

namespace farol::editor {
class campaigns;
class scheduling;
}
namespace farol::view {
class editor_views;
class page_renderer;
}

namespace farol::handlers::editor_schedule {

struct deps {
    std::shared_ptr<view::editor_views const> views;
    editor::scheduling& scheduling;
    editor::campaigns& campaigns;
    util::clock const& clock; // "now" beside date fields; where the timeline and shares start
    std::function<std::shared_ptr<view::page_renderer const>()> pages; // what site previews draw with
    std::function<content::library()> library;                          // the site's library (blocking)
};

// Editors and admins: GET /editor/schedule (the slots), GET /editor/schedule/{slot} (its entries,
// 7-day timeline, shares per language and the form to add an entry), POST .../entries and
// .../entries/{id}/delete. Admins: POST /editor/schedule (a new slot), .../{slot}/settings and
// .../{slot}/delete. Everyone who writes: GET /editor/preview (the site as of a moment).
void mount(http::route_group& r, deps d);

} // namespace farol::handlers::editor_schedule
