#include "app/areas.hpp"

#include "editor/editor_services.hpp"
#include "handlers/api_v1.hpp"
#include "handlers/beacon.hpp"
#include "handlers/downloads.hpp"
#include "handlers/embed.hpp"
#include "handlers/oembed.hpp"
#include "handlers/editor_account.hpp"
#include "handlers/editor_audit.hpp"
#include "handlers/editor_bundles.hpp"
#include "handlers/editor_campaigns.hpp"
#include "handlers/editor_materials.hpp"
#include "handlers/editor_partners.hpp"
#include "handlers/editor_reach.hpp"
#include "handlers/editor_schedule.hpp"
#include "handlers/editor_windows.hpp"
#include "handlers/editor_sign_in.hpp"
#include "handlers/editor_users.hpp"
#include "handlers/ops.hpp"
#include "handlers/pages.hpp"
#include "handlers/search.hpp"
#include "handlers/static_files.hpp"
#include "http/response.hpp"

namespace farol::app {

http::router mount_areas(services const& s) {
    http::router r;
    // ops: operators and their probes; plain errors, no cookies.
    auto ops = r.area(http::area::ops);
    handlers::ops::mount(ops, {s.clock, s.started_at, s.ready, s.metrics});
    // public: what readers fetch; errors in the reader's language, never a cookie.
    auto site = r.area(http::area::public_site);
    handlers::static_files::mount(site, {s.assets});
    handlers::pages::mount(site, {s.site, s.clock, s.reach});
    handlers::downloads::mount(site, {s.site, s.reach});
    handlers::search::mount(site, {s.site, s.search, s.pages, s.reach});
    // embed: what other pages load; never breaks them, never a cookie.
    auto embed = r.area(http::area::embed);
    handlers::beacon::mount(embed, {s.site, s.reach, s.own_host, s.partners});
    handlers::embed::mount_script(embed, s.assets);
    auto cards = r.area(http::area::embed, "/embed/");
    handlers::embed::mount(cards, {s.site, s.clock, s.partners, s.reach});
    // oEmbed answers like the API: problem+json, any origin.
    auto oembed = r.area(http::area::api, "/oembed/");
    handlers::oembed::mount(oembed, {s.site, s.pages, s.partners});
    // api: the public JSON API v1 for partners, from the site snapshot; CORS for any origin.
    auto api = r.area(http::area::api, "/api/");
    handlers::api_v1::mount(api, {s.site, s.clock, s.assets});
    site.get("/editor", [](auto const&) { return http::make_redirect(http::status::moved_permanently, "/editor/"); },
             {"editor_root"});
    // editor: signed-in users by role; the session cookie, CSRF, editor pages, never cached.
    auto editor = r.area(http::area::editor, "/editor/");
    auto& e = s.editor;
    handlers::editor_sign_in::mount(editor, {s.editor_views, e.sign_in, e.sessions});
    handlers::editor_account::mount(editor, {s.editor_views, e.accounts, e.sessions, e.second_factor,
                                             [&e] { return e.scheduling.publish_problem(); }});
    handlers::editor_users::mount(editor, {s.editor_views, e.accounts, e.sessions, e.account_store, e.audit, e.partners});
    handlers::editor_audit::mount(editor, {s.editor_views, e.audit});
    handlers::editor_campaigns::mount(editor, {s.editor_views, e.campaigns, e.materials, s.site, s.pages});
    handlers::editor_materials::mount(editor, {s.editor_views, e.materials, s.upload_max});
    handlers::editor_windows::mount(editor, {s.editor_views, e.campaigns, e.scheduling, s.clock});
    handlers::editor_schedule::mount(editor, {s.editor_views, e.scheduling, e.campaigns, s.clock, s.pages, s.library});
    handlers::editor_reach::mount(editor, {s.editor_views, e.reach, e.audit, s.clock, e.scheduling.site_zone(), e.reach_k});
    handlers::editor_partners::mount(editor, {s.editor_views, e.partners, e.reach, e.audit, s.site, s.pages, s.clock,
                                              e.scheduling.site_zone(), e.reach_k});
    handlers::editor_bundles::mount(editor, {s.export_zip, e.audit, s.editor_views, e.bundle_import, s.upload_max});
    return r;
}

} // namespace farol::app
