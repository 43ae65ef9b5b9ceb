#pragma once
#include "editor/accounts.hpp"
#include "editor/bundle_import.hpp"
#include "editor/campaigns.hpp"
#include "editor/audit_log.hpp"
#include "editor/login_throttle.hpp"
#include "editor/materials.hpp"
#include "editor/partner_admin.hpp"
#include "editor/scheduling.hpp"
#include "editor/password_hasher.hpp"
#include "editor/second_factor.hpp"
#include "editor/sessions.hpp"
#include "editor/sign_in.hpp"
#include "store/account_store.hpp"
#include "store/audit_store.hpp"
#include "store/campaign_editing.hpp"
#include "store/reach_query.hpp"
#include "store/material_library.hpp"
#include "store/partner_store.hpp"
#include "store/schedule_store.hpp"
#include "content/material_store.hpp"
#include "store/session_store.hpp"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace farol::store {
class database;
}

namespace farol::editor {

struct editor_settings {
    session_settings sessions;
    hasher_limits hashing = interactive();
    throttle_limits throttle;
    std::vector<std::string> languages{"pt-BR"}; // the site's, the default first
    std::function<void()> republish = [] {};     // asks for a new Site (after a publish)
    std::filesystem::path materials_dir = "materials"; // the content-addressed material bytes
    materials::settings uploads{"incoming", std::chrono::hours(7 * 24), 25ull * 1024 * 1024};
    import_paths bundle_paths;                   // materials and scratch space for bundle imports
    std::string zone = "America/Sao_Paulo";      // site.zone: where editors plan unless they pick another
    unsigned reach_k = 10;                       // metrics.k: reach reports show figures under it as "<k"
    // Why the site could not be published last (a failed scheduled change), shown to editors.
    std::function<std::optional<std::string>()> publish_problem = [] { return std::optional<std::string>(); };
    // Called after an admin changes a partner (the app reloads its registry).
    std::function<void()> partners_changed;
};

// The editor area's services, built once over the database in dependency order: the stores, the
// hasher and throttle, then what handlers use (sign_in, sessions, accounts, second_factor, audit).
// app/ owns one and hands each handler the few it needs.
struct editor_services {
    editor_services(std::shared_ptr<store::database> db, util::clock const& clock, editor_settings const& settings);

    store::account_store account_store;
    store::session_store session_store;
    store::audit_store audit_store;
    editor::audit_log audit;
    password_hasher hasher;
    login_throttle throttle;
    editor::sessions sessions;
    editor::accounts accounts;
    editor::sign_in sign_in;
    editor::second_factor second_factor;
    store::campaign_editing campaign_store;
    editor::campaigns campaigns;
    store::material_library material_library;
    content::material_store blobs;
    editor::materials materials;
    editor::bundle_import bundle_import;
    store::schedule_store schedule_store;
    editor::scheduling scheduling;
    store::reach_query reach;                    // the reach rollups, read for the dashboard
    unsigned reach_k;                            // settings.reach_k
    store::partner_store partner_store;
    editor::partner_admin partners;
};

} // namespace farol::editor
