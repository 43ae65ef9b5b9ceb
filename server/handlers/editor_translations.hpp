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

namespace farol::handlers::editor_translations {

struct deps {
    std::shared_ptr<view::editor_views const> views;
    editor::campaigns& campaigns;
    editor::materials const& materials; // the preview shows the campaign's attached files
    published::site_holder const& site;
    std::function<std::shared_ptr<view::page_renderer const>()> pages;
};

// Under /editor/campaigns/{slug}/t/{lang}: GET (the text beside the default language's) and POST
// (save; 409 with both texts when someone saved first), POST .../{publish|unpublish|confirm},
// GET .../revisions (list, ?a=&b= word diff), POST .../revisions/{n}/restore, GET .../preview
// (the public page's renderer and templates, with the saved text).
void mount(http::route_group& r, deps d);

} // namespace farol::handlers::editor_translations
