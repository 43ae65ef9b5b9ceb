#pragma once
#include "http/router.hpp"
#include "published/site.hpp"

#include <functional>
#include <memory>

namespace farol::editor {
class campaigns;
class materials;
}
namespace farol::view {
class editor_views;
class page_renderer;
}

namespace farol::handlers::editor_campaigns {

struct deps {
    std::shared_ptr<view::editor_views const> views;
    editor::campaigns& campaigns;
    editor::materials& materials;
    published::site_holder const& site; // the hotlines to choose from, and what previews draw with
    std::function<std::shared_ptr<view::page_renderer const>()> pages;
};

// Editors and admins: GET/POST /editor/campaigns (list with filters, create), GET
// /editor/campaigns/{slug}, POST /editor/campaigns/{slug}/{metadata|archive|unarchive|publish-all};
// the translations under /editor/campaigns/{slug}/t/{lang} (editor_translations.hpp).
void mount(http::route_group& r, deps d);

} // namespace farol::handlers::editor_campaigns
