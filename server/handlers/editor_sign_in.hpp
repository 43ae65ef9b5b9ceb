#pragma once
#include "http/router.hpp"

#include <memory>

namespace farol::editor {
class sessions;
class sign_in;
}
namespace farol::view {
class editor_views;
}

namespace farol::handlers::editor_sign_in {

struct deps {
    std::shared_ptr<view::editor_views const> views;
    editor::sign_in& sign_in;
    editor::sessions& sessions;
};

// GET/POST /editor/sign-in (name and password), GET/POST /editor/sign-in/code (the second
// factor), POST /editor/sign-out. A new session token at each step that raises privilege.
void mount(http::route_group& r, deps d);

} // namespace farol::handlers::editor_sign_in
