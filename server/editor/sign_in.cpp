#include "editor/sign_in.hpp"

#include "editor/login_throttle.hpp"
#include "editor/password_hasher.hpp"
#include "editor/recovery_codes.hpp"
#include "editor/totp.hpp"

namespace farol::editor {

namespace {
constexpr std::chrono::seconds busy_retry{5};
} // namespace

sign_in_outcome sign_in::fail(std::string_view name, boost::asio::ip::address const& client, std::string_view actor) {
    throttle_.record_failure(name, client);
    // A name typed for an unknown account may be a password typed in the wrong field: never logged.
    audit_.record(actor, "sign_in", actor.empty() ? "unknown account" : "user:" + std::string(actor), "failed");
    return {sign_in_outcome::refused};
}

sign_in_outcome sign_in::check_password(std::string_view name, std::string_view password,
                                        boost::asio::ip::address const& client) {
    if (auto wait = throttle_.retry_after(name, client)) {
        auto const known = accounts_.find(name);
        audit_.record(known ? known->name : "", "sign_in", known ? "user:" + known->name : "unknown account",
                      "throttled");
        return {sign_in_outcome::throttled, *wait};
    }
    auto const user = accounts_.find(name);
    // The same work whether or not the account exists, so timing tells nothing either.
    auto const checked = user ? hasher_.verify(user->password_hash, password) : hasher_.verify_unknown(password);
    if (checked.result == password_hasher::outcome::busy) return {sign_in_outcome::busy, busy_retry};
    if (!user || checked.result != password_hasher::outcome::ok || user->disabled)
        return fail(name, client, user ? user->name : "");
    throttle_.record_success(name, client);
    if (checked.needs_rehash) {
        if (auto fresh = hasher_.hash(password)) accounts_.rehash(user->id, *fresh);
    }
    if (!user->totp_secret.empty()) {
        audit_.record(user->name, "sign_in.password", "user:" + user->name);
        return {sign_in_outcome::second_factor_needed, {}, *user};
    }
    audit_.record(user->name, "sign_in", "user:" + user->name);
    return {sign_in_outcome::signed_in, {}, *user};
}

sign_in_outcome sign_in::check_code(http::principal const& who, std::string_view code,
                                    boost::asio::ip::address const& client) {
    if (auto wait = throttle_.retry_after(who.name, client)) {
        audit_.record(who.name, "sign_in.code", "user:" + who.name, "throttled");
        return {sign_in_outcome::throttled, *wait};
    }
    auto const user = accounts_.find(who.user_id);
    if (!user || user->disabled || user->totp_secret.empty()) return fail(who.name, client, who.name);
    sign_in_outcome out{sign_in_outcome::signed_in, {}, *user};
    if (auto step = verify_totp(user->totp_secret, code, clock_.now(), user->totp_last_step)) {
        if (!accounts_.use_totp_step(user->id, *step)) return fail(who.name, client, who.name); // a replay
    } else if (accounts_.use_recovery_code(user->id, hash_recovery_code(code))) {
        out.used_recovery_code = true;
    } else {
        return fail(who.name, client, who.name);
    }
    throttle_.record_success(who.name, client);
    audit_.record(user->name, out.used_recovery_code ? "sign_in.recovery_code" : "sign_in", "user:" + user->name);
    return out;
}

} // namespace farol::editor
