#pragma once
#include "handlers/editor_common.hpp"

#include <boost/json/object.hpp>

#include <string_view>
#include <vector>

namespace farol::editor {
class materials;
struct field_problem;
}

namespace farol::handlers::editor_campaign_materials {

// What a campaign's page shows of its materials: each material with its file per language (the
// public URL, a detach form), and the attach form's choices (library files, kinds, languages). Adds
// "materials", "upload_choices", "kind_options" and "material_languages" to data.
void add_view(editor_ui::page_context const& p, editor::materials const& m, std::string_view slug,
              std::vector<std::string> const& languages, boost::json::object& data);

// The campaign page's "attach" and "detach" actions, from the form's fields; problems for the form.
std::vector<editor::field_problem> attach(editor::materials& m, http::request_context const& ctx, std::string_view slug);
void detach(editor::materials& m, http::request_context const& ctx, std::string_view slug);

} // namespace farol::handlers::editor_campaign_materials
