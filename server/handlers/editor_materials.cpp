#include "handlers/editor_materials.hpp"

#include "editor/materials.hpp"
#include "handlers/editor_common.hpp"
#include "http/http_error.hpp"
#include "http/response.hpp"
#include "util/mapped_file.hpp"
#include "view/editor_views.hpp"
#include "view/site_builder.hpp"

#include <charconv>

namespace farol::handlers::editor_materials {

namespace json = boost::json;
using namespace editor_ui;

namespace {

std::string human_size(std::uint64_t bytes) {
    char buf[32];
    if (bytes < 1024) std::snprintf(buf, sizeof buf, "%llu B", static_cast<unsigned long long>(bytes));
    else if (bytes < 1024 * 1024) std::snprintf(buf, sizeof buf, "%.1f KiB", static_cast<double>(bytes) / 1024);
    else std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1024 * 1024));
    return buf;
}

json::array uses_of(editor::materials const& m, std::string const& sha256) {
    json::array out;
    for (auto const& u : m.uses(sha256))
        out.push_back(json::object{{"slug", u.slug}, {"href", "/editor/campaigns/" + u.slug}, {"material", u.material},
                                   {"language", u.language}});
    return out;
}

http::response library(deps const& d, http::request_context const& ctx, json::object data = {},
                       http::status status = http::status::ok) {
    page_context p(*d.views, ctx);
    json::array rows;
    for (auto const& u : d.materials.list()) {
        auto uses = uses_of(d.materials, u.sha256);
        bool const unused = uses.empty();
        rows.push_back(json::object{{"id", u.id}, {"name", u.original_name}, {"type", u.media_type},
                                    {"size", human_size(u.size)}, {"by", u.uploaded_by},
                                    {"at", display_time(u.uploaded_at_ns)},
                                    {"href", "/editor/materials/" + std::to_string(u.id)},
                                    {"uses", std::move(uses)}, {"unused", unused}});
    }
    data["has_uploads"] = !rows.empty();
    data["uploads"] = std::move(rows);
    data["upload_max_bytes"] = d.upload_max;
    data["upload_hint"] = p.views.text(p.lang, "materials.file_hint", {{"max", human_size(d.upload_max)}});
    add_done_notice(p, "materials", data);
    return page(p, "materials", std::move(data), status);
}

// A refusal in the editor's words, naming what the bytes were found to be.
std::string refusal_text(page_context const& p, editor::upload_result const& r) {
    auto const found = [&](std::string const& what) {
        return what.empty() ? std::string() : p.text("upload.found." + what);
    };
    return p.views.text(p.lang, r.problem, {{"found", found(r.found)}, {"detected", r.detected},
                                            {"extension", r.extension}, {"hidden", found(r.hidden)}});
}

editor::attach_form attach_form_of(http::request_context const& ctx, std::int64_t upload) {
    return {std::string(ctx.form_value("slug")), upload, std::string(ctx.form_value("material")),
            std::string(ctx.form_value("kind")), std::string(ctx.form_value("language")),
            std::string(ctx.form_value("file_name"))};
}

// Uploaded from a campaign's page: attached there at once; else back to the library.
http::response attach_new(deps const& d, http::request_context const& ctx, store::upload_row const& row) {
    if (ctx.form_value("slug").empty()) return see_other("/editor/materials?done=upload");
    auto const form = attach_form_of(ctx, row.id);
    auto const problems = d.materials.attach(ctx.session->name, form);
    if (problems.empty()) return see_other("/editor/campaigns/" + form.slug + "?done=attach");
    page_context p(*d.views, ctx);
    form_errors errors;
    errors.add("file", "materials.stored_not_attached");
    for (auto const& pr : problems) errors.add(pr.field, pr.key);
    json::object data;
    errors.into(p, data);
    return library(d, ctx, std::move(data), http::status::unprocessable_entity);
}

http::response upload(deps const& d, http::request_context const& ctx) {
    page_context p(*d.views, ctx);
    auto const* file = ctx.file("file");
    form_errors errors;
    if (!file || file->client_name.empty()) { // a browser sends an unnamed empty part when no file was chosen
        errors.add("file", "materials.no_file");
    } else if (file->size > d.upload_max) {
        throw http::http_error(http::status::payload_too_large, p.text("materials.too_large"));
    } else {
        auto const result = d.materials.upload(ctx.session->name, file->file.path(), file->client_name);
        if (result.stored) return attach_new(d, ctx, *result.stored);
        json::object data{{"has_errors", true},
                          {"errors", json::array{json::object{{"field", "file"}, {"message", refusal_text(p, result)}}}},
                          {"file_error", refusal_text(p, result)}};
        return library(d, ctx, std::move(data), http::status::unprocessable_entity);
    }
    json::object data;
    errors.into(p, data);
    return library(d, ctx, std::move(data), http::status::unprocessable_entity);
}
} // namespace

namespace {
std::int64_t id_param(http::request_context const& ctx) {
    std::int64_t id = 0;
    auto const& s = ctx.params[0];
    auto const [end, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
    if (ec != std::errc() || end != s.data() + s.size() || id <= 0) throw http::http_error(http::status::not_found, "");
    return id;
}

store::upload_row found(deps const& d, http::request_context const& ctx) {
    auto row = d.materials.find(id_param(ctx));
    if (!row) throw http::http_error(http::status::not_found, page_context(*d.views, ctx).text("materials.not_found"));
    return std::move(*row);
}

// The stored bytes for the editor to check, never rendered inline: an attachment with its stored type.
http::response download(deps const& d, http::request_context const& ctx) {
    auto const row = found(d, ctx);
    auto map = util::mapped_file::open(d.materials.path_of(row.sha256));
    http::response res{http::status::ok, 11};
    res.body().bytes = http::shared_bytes{map, map->bytes()};
    res.set(http::field::content_type, row.media_type);
    res.set(http::field::content_disposition, view::attachment_disposition(row.original_name)); // RFC 6266 filename*
    return res;
}

http::response remove(deps const& d, http::request_context const& ctx) {
    auto const row = found(d, ctx);
    if (d.materials.remove(ctx.session->name, row.id)) return see_other("/editor/materials?done=delete");
    page_context p(*d.views, ctx);
    form_errors errors;
    errors.add("uploads", "materials.in_use");
    json::object data;
    errors.into(p, data);
    return library(d, ctx, std::move(data), http::status::conflict);
}
} // namespace

void mount(http::route_group& r, deps d) {
    auto upload_opts = writers_route("editor_materials_upload", http::body_kind::file_stream);
    upload_opts.max_body = d.upload_max + http::multipart_overhead;
    r.get("/editor/materials", [d](auto const& ctx) { return library(d, ctx); }, writers_route("editor_materials"));
    r.add(http::verb::post, "/editor/materials", [d](auto const& ctx) { return upload(d, ctx); }, upload_opts);
    r.get("/editor/materials/{id}", [d](auto const& ctx) { return download(d, ctx); }, writers_route("editor_material"));
    r.add(http::verb::post, "/editor/materials/{id}/delete", [d](auto const& ctx) { return remove(d, ctx); },
          writers_route("editor_material_delete", http::body_kind::form));
}

} // namespace farol::handlers::editor_materials
