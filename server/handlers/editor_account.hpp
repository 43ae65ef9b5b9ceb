#pragma once
#include "http/router.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace farol::editor {
class accounts;
class second_factor;
class sessions;
}
namespace farol::view {
class editor_views;
}

namespace farol::handlers::editor_account {

struct deps {
    std::shared_ptr<view::editor_views const> views;
    editor::accounts& accounts;
    editor::sessions& sessions;
    editor::second_factor& second_factor;
    std::function<std::optional<std::string>()> publish_problem; // a failed publish, shown on the start page
};

// A user's own things: GET /editor/ (the start page), /editor/account (open sessions, second
// factor), POST /editor/account/sessions/{id}/end, GET/POST /editor/account/password,
// GET/POST /editor/account/two-step and POST /editor/account/two-step/off.
void mount(http::route_group& r, deps d);

} // namespace farol::handlers::editor_account
