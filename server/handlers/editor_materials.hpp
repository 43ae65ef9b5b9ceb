#pragma once
#include "http/router.hpp"

#include <cstdint>
#include <memory>

namespace farol::editor {
class materials;
}
namespace farol::view {
class editor_views;
}

namespace farol::handlers::editor_materials {

struct deps {
    std::shared_ptr<view::editor_views const> views;
    editor::materials& materials;
    std::uint64_t upload_max; // bytes of one file; the route takes that plus room for the form's fields
};

// Editors and admins: GET /editor/materials (the library and the upload form), POST
// /editor/materials (multipart/form-data, streamed to disk: check, strip, store; with slug, material,
// kind and language fields it also attaches the file to that campaign), GET /editor/materials/{id}
// (the stored bytes, as an attachment), POST /editor/materials/{id}/delete.
void mount(http::route_group& r, deps d);

} // namespace farol::handlers::editor_materials
