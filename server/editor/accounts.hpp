#pragma once
#include "editor/audit_log.hpp"
#include "editor/password_policy.hpp"
#include "http/access.hpp"
#include "store/account_store.hpp"
#include "util/clock.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace farol::editor {

class password_hasher;
class sessions;

// Account names: 1 to 64 of A-Z a-z 0-9 . _ @ -, starting with a letter or digit; compared
// case-insensitively. The reason is a catalog key ("name.empty", ...), "" when the name is fine.
std::string_view name_problem(std::string_view name);

// A fresh one-time password: 20 characters from an unambiguous alphabet (100 bits), grouped by
// four with dashes for reading aloud. Its holder must change it at the next sign-in.
std::string one_time_password();

// What an account change came to. `problem` is a catalog key naming what was wrong with which
// field ("password.too_weak"), for the form to show next to that field.
struct account_change {
    enum kind_t { done, invalid, busy } kind = done;
    std::string field;   // the form field at fault, for invalid
    std::string problem; // catalog key, for invalid
    std::string one_time_password; // when the change made one
};

// Managing accounts (admins in the editor, operators with `farol user`) and a user's own
// password. Every change goes to the audit log under `actor`. Blocking: the worker pool only.
class accounts {
public:
    accounts(store::account_store& store, sessions& sessions, password_hasher& hasher, audit_log const& audit,
             util::clock const& clock)
        : store_(store), sessions_(sessions), hasher_(hasher), audit_(audit), clock_(clock) {}

    std::vector<store::user_row> list() const { return store_.list(); }
    std::optional<store::user_row> find(std::string_view name) const { return store_.find(name); }
    std::optional<store::user_row> find(std::int64_t id) const { return store_.find(id); }
    std::size_t count() const { return store_.count(); }

    // A new account. Without a password one is made up (returned, to be changed at first sign-in);
    // a given one must pass the policy and is also to be changed unless `keep_password`.
    account_change add(std::string_view actor, std::string_view name, http::role role,
                       std::optional<std::string> password = std::nullopt, bool keep_password = false);
    // A new one-time password; every session of the user ends.
    account_change reset_password(std::string_view actor, store::user_row const& user);
    // The user's own change: the current password, then the policy; other sessions end.
    account_change change_password(http::principal const& who, std::string_view current, std::string_view next,
                                   std::string_view repeated);
    // Disabling ends every session of the user at once.
    void set_disabled(std::string_view actor, store::user_row const& user, bool disabled);
    // A role change ends the user's sessions: the next sign-in gets a session with the new role.
    void set_role(std::string_view actor, store::user_row const& user, http::role role);
    // Removes the second factor and the recovery codes (the user enrols again).
    void reset_second_factor(std::string_view actor, store::user_row const& user);

private:
    account_change weak(std::string_view field, password_verdict const& v) const;

    store::account_store& store_;
    sessions& sessions_;
    password_hasher& hasher_;
    audit_log const& audit_;
    util::clock const& clock_;
};

} // namespace farol::editor
