#pragma once
#include "http/router.hpp"

#include <memory>

namespace farol::editor {
class accounts;
class sessions;
class audit_log;
class partner_admin;
}
namespace farol::store {
class account_store;
}
namespace farol::view {
class editor_views;
}

namespace farol::handlers::editor_users {

struct deps {
    std::shared_ptr<view::editor_views const> views;
    editor::accounts& accounts;
    editor::sessions& sessions;
    store::account_store& settings; // the editor's settings live with the accounts
    editor::audit_log const& audit;
    editor::partner_admin& partners; // a partner-role account is linked to its partner
};

// Admins only: GET/POST /editor/users (list, add: a partner-role account names its partner, the
// other roles none), GET /editor/users/{name} (with a partner account's partner), POST
// /editor/users/{name}/{disable|enable|reset-password|reset-two-step|role}, GET/POST /editor/settings.
void mount(http::route_group& r, deps d);

} // namespace farol::handlers::editor_users
