#include "handlers/editor_bundles.hpp"

#include "editor/audit_log.hpp"
#include "editor/bundle_import.hpp"
#include "handlers/editor_common.hpp"
#include "http/response.hpp"
#include "view/editor_views.hpp"

#include <vector>

namespace farol::handlers::editor_bundles {

namespace json = boost::json;
using namespace editor_ui;

namespace {

// A problem's reason in the user's language when the catalogs have it, else as the reader wrote it.
std::string reason_text(page_context const& p, content::problem_reason const& r) {
    if (r.key.empty()) return r.english;
    std::vector<i18n::arg> args;
    for (auto const& [name, value] : r.args) args.push_back({name, value});
    return p.views.text_with(p.lang, "bundle.reason." + r.key, args);
}

// "file, line N: reason" (or "file: reason"), framed by the catalog.
std::string problem_text(page_context const& p, content::bundle_problem const& pr) {
    std::string const file = pr.file.generic_string();
    auto const why = reason_text(p, pr.reason);
    if (pr.line > 0)
        return p.views.text(p.lang, "bundles.problem_line",
                            {{"file", file}, {"line", std::to_string(pr.line)}, {"reason", why}});
    return p.views.text(p.lang, "bundles.problem_file", {{"file", file}, {"reason", why}});
}

// The form's one field error: in the summary at the top and next to the file input.
void field_error(json::object& data, std::string message) {
    data["has_errors"] = true;
    data["errors"] = json::array{json::object{{"field", "bundles"}, {"message", message}}};
    data["bundles_error"] = std::move(message);
}

json::object imported_data(page_context const& p, editor::import_summary const& s) {
    auto const& c = s.counts;
    json::array campaigns;
    for (auto const& slug : s.campaigns)
        campaigns.push_back(json::object{{"slug", slug}, {"href", "/editor/campaigns/" + slug}});
    auto const n = [](auto v) { return std::to_string(v); };
    return json::object{
        {"campaigns", std::move(campaigns)},
        {"campaign_counts", p.views.text(p.lang, "bundles.campaign_counts",
                                         {{"count", n(s.campaigns.size())}, {"added", n(c.added)},
                                          {"updated", n(c.updated)}, {"unchanged", n(c.unchanged)}})},
        {"hotline_counts", p.views.text(p.lang, "bundles.hotline_counts",
                                        {{"count", n(s.hotlines.size())}, {"added", n(c.hotlines_added)},
                                         {"updated", n(c.hotlines_updated)}, {"unchanged", n(c.hotlines_unchanged)}})}};
}

http::response refused(page_context const& p, editor::zip_import_outcome const& o) {
    json::object data;
    using k = editor::zip_import_outcome;
    if (o.kind == k::not_a_zip) {
        field_error(data, p.text("bundles.not_a_zip"));
    } else if (o.kind == k::unsafe_zip) {
        auto const& pr = o.problems.front();
        auto const entry = pr.file.generic_string();
        auto const& why = pr.reason.english; // libzip's and the unpacker's reasons are English only
        field_error(data, entry.empty() ? p.views.text(p.lang, "bundles.unsafe_archive", {{"reason", why}})
                                        : p.views.text(p.lang, "bundles.unsafe_entry", {{"entry", entry}, {"reason", why}}));
    } else {
        field_error(data, p.text("bundles.invalid"));
        json::array list;
        for (auto const& pr : o.problems) list.push_back(json::string(problem_text(p, pr)));
        data["problems"] = std::move(list);
        data["has_problems"] = true;
    }
    return page(p, "bundles", std::move(data), http::status::unprocessable_entity);
}

http::response import(deps const& d, http::request_context const& ctx) {
    page_context p(*d.views, ctx);
    auto const* file = ctx.file("bundles");
    if (file == nullptr || file->size == 0) {
        json::object data;
        field_error(data, p.text(file == nullptr ? "bundles.no_file" : "bundles.empty_file"));
        return page(p, "bundles", std::move(data), http::status::unprocessable_entity);
    }
    auto const outcome = d.importer.import_zip(ctx.session->name, file->file.path());
    if (outcome.kind != editor::zip_import_outcome::imported) return refused(p, outcome);
    return page(p, "bundles", json::object{{"imported", imported_data(p, outcome.summary)}});
}

} // namespace

void mount(http::route_group& r, deps d) {
    auto const writers = http::role::editor | http::role::admin;
    http::route_options zip{"editor_bundles_zip"};
    zip.roles = writers;
    r.get("/editor/bundles.zip", [d](http::request_context const& ctx) {
        auto res = http::make_text(http::status::ok, d.export_zip(), "application/zip");
        res.set(http::field::content_disposition, "attachment; filename=\"farol-campaigns.zip\"");
        d.audit.record(ctx.session->name, "bundles.export", "site");
        return res;
    }, zip);
    http::route_options show{"editor_bundles"};
    show.roles = writers;
    r.get("/editor/bundles", [d](http::request_context const& ctx) {
        return page(page_context(*d.views, ctx), "bundles", {});
    }, show);
    http::route_options upload{"editor_bundles_import", http::body_kind::file_stream,
                               d.upload_max ? d.upload_max + http::multipart_overhead : 0};
    upload.roles = writers;
    r.add(http::verb::post, "/editor/bundles/import", [d](http::request_context const& ctx) { return import(d, ctx); },
          upload);
}

} // namespace farol::handlers::editor_bundles
