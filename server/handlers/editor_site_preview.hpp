#pragma once
#include "content/model.hpp"
#include "http/router.hpp"
#include "util/clock.hpp"

#include <functional>
#include <memory>

namespace farol::editor {
class scheduling;
}
namespace farol::view {
class editor_views;
class page_renderer;
}

namespace farol::handlers::editor_site_preview {

struct deps {
    std::shared_ptr<view::editor_views const> views;
    editor::scheduling& scheduling;
    util::clock const& clock;
    std::function<std::shared_ptr<view::page_renderer const>()> pages;
    std::function<content::library()> library; // the site's library (blocking)
};

// Editors and admins. GET /editor/preview: a date, time, zone and language; with them, 303 to
// GET /editor/preview/at/{unix seconds}/{lang}/ — the home page exactly as readers would get it at
// that moment (windows, rotations, picks), publishing nothing — and .../{lang}/c/{slug}, the
// campaign pages as of then. Links between those pages stay inside the preview.
void mount(http::route_group& r, deps d);

} // namespace farol::handlers::editor_site_preview
