#include "handlers/editor_bundles.hpp"

#include "editor/audit_log.hpp"
#include "http/response.hpp"

namespace farol::handlers::editor_bundles {

void mount(http::route_group& r, deps d) {
    http::route_options o{"editor_bundles_zip"};
    o.roles = http::role::editor | http::role::admin;
    r.get("/editor/bundles.zip", [d](http::request_context const& ctx) {
        auto res = http::make_text(http::status::ok, d.export_zip(), "application/zip");
        res.set(http::field::content_disposition, "attachment; filename=\"farol-campaigns.zip\"");
        d.audit.record(ctx.session->name, "bundles.export", "site");
        return res;
    }, o);
}

} // namespace farol::handlers::editor_bundles
