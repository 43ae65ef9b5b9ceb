#pragma once
#include "editor/audit_log.hpp"
#include "http/access.hpp"
#include "store/account_store.hpp"
#include "store/session_store.hpp"
#include "util/clock.hpp"

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace farol::editor {

struct session_settings {
    std::chrono::seconds idle{30 * 60};          // OWASP ASVS 5.0 §7.3: inactivity timeout
    std::chrono::seconds absolute{12 * 60 * 60}; // and an absolute lifetime
    std::chrono::seconds second_factor{5 * 60};  // to type the code after the password
    // Plain http on localhost (scripts/run): the cookie drops Secure and the __Host- prefix, nothing else.
    bool development_cookie = false;
};

// A session just started: the token (only ever in the cookie) and the Set-Cookie value for it.
struct started_session {
    std::int64_t id = 0;
    std::string set_cookie;
};

// Editor sessions (OWASP session management): 256-bit random tokens from libsodium, stored only
// as their BLAKE2b hash; a cookie `__Host-farol_session` with Secure, HttpOnly, SameSite=Strict,
// Path=/; idle and absolute expiry from the injected clock; a CSRF token derived from the session
// token, so it changes with it. resolve() is the dispatcher's one look-up per request. Blocking.
class sessions final : public http::session_resolver {
public:
    sessions(store::session_store& store, store::account_store& accounts, audit_log const& audit,
             util::clock const& clock, session_settings settings);

    // A new session for `user`; `device` is a coarse label (editor/device.hpp).
    started_session start(store::user_row const& user, std::string const& device, bool second_factor_pending);
    // Ends `who`'s session and starts another for the same user (after the second factor, a
    // password change or a role change: OWASP's "renew the session ID on privilege change").
    started_session renew(http::principal const& who, std::string const& device);
    void end(http::principal const& who);
    // Sign-out: ends the session and records it in the audit log.
    void sign_out(http::principal const& who);
    // The Set-Cookie value that removes the cookie from the browser.
    std::string clearing_cookie() const;
    std::string_view cookie_name() const;

    std::vector<store::session_row> of_user(std::int64_t user_id) const { return store_.of_user(user_id); }
    // A user ends one of its own sessions (audited); false if it is not theirs or already gone.
    bool end_one(http::principal const& who, std::int64_t session_id);
    std::size_t end_all(std::int64_t user_id, std::int64_t keep = 0) { return store_.end_all_of(user_id, keep); }
    // Deletes sessions past either limit; the resolver refuses them anyway, this keeps the table small.
    std::size_t sweep();

    std::optional<http::principal> resolve(http::request_context const& ctx) const override;
    bool may_resolve(http::request_context const& ctx) const override;
    std::string sign_in_location(std::string_view next) const override;
    std::string step_location(http::pending_step step) const override;

    // Whether admins must have a second factor (an admin's setting, stored).
    bool second_factor_required_for_admins() const;
    session_settings const& settings() const { return settings_; }

private:
    http::pending_step step_of(store::session_with_user const& s) const;

    store::session_store& store_;
    store::account_store& accounts_;
    audit_log const& audit_;
    util::clock const& clock_;
    session_settings settings_;
};

constexpr std::string_view admins_need_second_factor_key = "editor.admins_need_second_factor";

} // namespace farol::editor
