#include "handlers/editor_campaign_materials.hpp"

#include "editor/materials.hpp"

#include <charconv>

namespace farol::handlers::editor_campaign_materials {

namespace json = boost::json;

namespace {
std::string public_href(content::material_file const& f) {
    return "/m/" + f.sha256.substr(0, 16) + "/" + f.file_name;
}

json::array choices(std::vector<std::string> const& values) {
    json::array out;
    for (auto const& v : values) out.push_back(json::object{{"value", v}});
    return out;
}
} // namespace

void add_view(editor_ui::page_context const& p, editor::materials const& m, std::string_view slug,
              std::vector<std::string> const& languages, json::object& data) {
    json::array rows;
    for (auto const& mat : m.materials_of(slug)) {
        json::array files;
        for (auto const& f : mat.files)
            files.push_back(json::object{{"language", f.language}, {"file_name", f.file_name}, {"href", public_href(f)},
                                         {"material", mat.id}});
        rows.push_back(
            json::object{{"id", mat.id}, {"kind", p.text("material.kind." + mat.kind)}, {"files", std::move(files)}});
    }
    data["materials"] = std::move(rows);
    json::array uploads;
    for (auto const& u : m.list())
        uploads.push_back(json::object{{"id", u.id}, {"label", u.original_name + " (" + u.media_type + ")"}});
    data["upload_choices"] = std::move(uploads);
    json::array kinds;
    for (char const* k : {"leaflet", "poster", "audio", "other"})
        kinds.push_back(json::object{{"value", k}, {"label", p.text("material.kind." + std::string(k))}});
    data["kind_options"] = std::move(kinds);
    data["material_languages"] = choices(languages);
    data["upload_max_bytes"] = m.upload_max();
}

std::vector<editor::field_problem> attach(editor::materials& m, http::request_context const& ctx, std::string_view slug) {
    std::int64_t upload = 0;
    auto const id = ctx.form_value("upload");
    std::from_chars(id.data(), id.data() + id.size(), upload); // 0 when malformed: "no such file"
    return m.attach(ctx.session->name, {std::string(slug), upload, std::string(ctx.form_value("material")),
                                        std::string(ctx.form_value("kind")), std::string(ctx.form_value("language")),
                                        std::string(ctx.form_value("file_name"))});
}

void detach(editor::materials& m, http::request_context const& ctx, std::string_view slug) {
    m.detach(ctx.session->name, slug, ctx.form_value("material"), ctx.form_value("language"));
}

} // namespace farol::handlers::editor_campaign_materials
