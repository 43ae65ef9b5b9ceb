#pragma once
#include "editor/audit_log.hpp"
#include "http/access.hpp"
#include "store/account_store.hpp"
#include "util/clock.hpp"

#include <boost/asio/ip/address.hpp>

#include <chrono>
#include <string_view>

namespace farol::editor {

class login_throttle;
class password_hasher;

// How a sign-in step ended. `refused` looks the same whatever the reason (unknown name, wrong
// password, disabled account, wrong code), so the answer says nothing about which accounts exist.
struct sign_in_outcome {
    enum kind_t { signed_in, second_factor_needed, refused, throttled, busy } kind = refused;
    std::chrono::seconds retry_after{0}; // throttled or busy
    store::user_row user;                // signed_in and second_factor_needed
    bool used_recovery_code = false;
};

// Checking who someone is (OWASP ASVS 5.0 §6): argon2id passwords with an equal-cost path for
// unknown names, throttling by name and by client address (in memory only), then RFC 6238 codes
// or a one-time recovery code. Every outcome goes to the audit log. Blocking: the worker pool only.
class sign_in {
public:
    sign_in(store::account_store& accounts, password_hasher& hasher, login_throttle& throttle, audit_log const& audit,
            util::clock const& clock)
        : accounts_(accounts), hasher_(hasher), throttle_(throttle), audit_(audit), clock_(clock) {}

    // The first step. `client` is the request's client hint: used by the throttle, never stored.
    sign_in_outcome check_password(std::string_view name, std::string_view password,
                                   boost::asio::ip::address const& client);
    // The second step, for a session whose password was right: a 6-digit code or a recovery code.
    sign_in_outcome check_code(http::principal const& who, std::string_view code, boost::asio::ip::address const& client);

private:
    sign_in_outcome fail(std::string_view name, boost::asio::ip::address const& client, std::string_view actor);

    store::account_store& accounts_;
    password_hasher& hasher_;
    login_throttle& throttle_;
    audit_log const& audit_;
    util::clock const& clock_;
};

} // namespace farol::editor
