#pragma once
#include "content/model.hpp"
#include "editor/campaigns.hpp"
#include "http/router.hpp"
#include "util/clock.hpp"

#include <functional>
#include <memory>
#include <vector>

namespace farol::editor {
class scheduling;
}
namespace farol::view {
class editor_views;
}

namespace farol::handlers::editor_slot {

struct deps {
    std::shared_ptr<view::editor_views const> views;
    editor::scheduling& scheduling;
    editor::campaigns& campaigns;
    util::clock const& clock;
    std::function<content::library()> library; // the site's library: what the timeline and shares expand against
};

// GET /editor/schedule/{slot}: the slot's entries, the form to add one, a 7-day timeline per
// language (SVG, and a table for screen readers) and each entry's share per language this week.
// POST /editor/schedule/{slot}/entries (add; 422 with each problem beside its field) and
// POST /editor/schedule/{slot}/entries/{id}/delete. Editors and admins.
void mount(http::route_group& r, deps d);

// The slot page again, 422, with the settings form's problems (editor_schedule's settings action).
http::response refused(deps const& d, http::request_context const& ctx,
                       std::vector<editor::field_problem> const& problems);

} // namespace farol::handlers::editor_slot
