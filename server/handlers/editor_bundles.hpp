#pragma once
#include "http/router.hpp"

#include <functional>
#include <string>

namespace farol::editor {
class audit_log;
}

namespace farol::handlers::editor_bundles {

struct deps {
    std::function<std::string()> export_zip; // the published campaigns as a bundle ZIP (app/bundle_commands.hpp)
    editor::audit_log const& audit;
};

// GET /editor/bundles.zip (editors and admins): every published campaign in the bundle format,
// the same bytes as zipping what `farol export` writes.
void mount(http::route_group& r, deps d);

} // namespace farol::handlers::editor_bundles
