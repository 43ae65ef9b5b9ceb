#pragma once
#include "http/router.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace farol::editor {
class audit_log;
class bundle_import;
}
namespace farol::view {
class editor_views;
}

namespace farol::handlers::editor_bundles {

struct deps {
    std::function<std::string()> export_zip; // the published campaigns as a bundle ZIP (app/bundle_commands.hpp)
    editor::audit_log const& audit;
    std::shared_ptr<view::editor_views const> views;
    editor::bundle_import const& importer;
    std::uint64_t upload_max = 0; // bytes of the uploaded ZIP; 0: the server's default body limit
};

// Editors and admins. GET /editor/bundles.zip: every published campaign in the bundle format, the
// same bytes as zipping what `farol export` writes. GET /editor/bundles: that download and a form
// to upload a ZIP of bundles; POST /editor/bundles/import (multipart, file field "bundles"): the
// same checks as `farol import`, all or nothing; 200 with what was imported, or 422 with every
// problem (file, line, reason) in the user's language.
void mount(http::route_group& r, deps d);

} // namespace farol::handlers::editor_bundles
