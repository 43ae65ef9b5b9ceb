#pragma once
#include "http/router.hpp"
#include "util/clock.hpp"

#include <functional>
#include <memory>
#include <string>

namespace farol::editor {
class audit_log;
class partner_admin;
}
namespace farol::published {
class site_holder;
}
namespace farol::store {
class reach_query;
}
namespace farol::view {
class editor_views;
class page_renderer;
}

namespace farol::handlers::editor_partners {

struct deps {
    std::shared_ptr<view::editor_views const> views;
    editor::partner_admin& partners;
    store::reach_query const& reach;
    editor::audit_log const& audit;
    published::site_holder const& site;                               // what the preview shows now
    std::function<std::shared_ptr<view::page_renderer const>()> pages; // the public URL and site texts
    util::clock const& clock;
    std::string zone; // site.zone: the reach days are local there
    unsigned k;       // metrics.k
};

// GET /editor/partners: the partners (admins, editors and analysts see all; a partner-role account
// only its own), with the add form for admins. GET /editor/partners/{id}: the partner page: the
// embed codes to copy, a preview of the card its slot shows now, and its reach (widget
// impressions, widget clicks and views with source partner:<id>, by event and day, campaign or
// language, small cells suppressed with k); a partner-role account gets 403 for another partner's
// page. Admins only: POST /editor/partners (add), POST /editor/partners/{id} (edit), POST
// /editor/partners/{id}/{disable|enable}. A form with mistakes answers 422 with field and reason.
void mount(http::route_group& r, deps d);

} // namespace farol::handlers::editor_partners
