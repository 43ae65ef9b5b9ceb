#pragma once
#include "http/router.hpp"
#include "util/clock.hpp"

#include <memory>

namespace farol::editor {
class campaigns;
class scheduling;
}
namespace farol::view {
class editor_views;
}

namespace farol::handlers::editor_windows {

struct deps {
    std::shared_ptr<view::editor_views const> views;
    editor::campaigns& campaigns;
    editor::scheduling& scheduling;
    util::clock const& clock; // the current time shown beside the fields
};

// Editors and admins: GET /editor/campaigns/{slug}/window[?language=L] (the campaign's publish
// window and each language's, the form for one of them, in any zone) and POST to the same path.
void mount(http::route_group& r, deps d);

} // namespace farol::handlers::editor_windows
