#include "editor/sessions.hpp"

#include "http/request_context.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <sodium.h>

namespace farol::editor {

namespace {

constexpr std::size_t token_bytes = 32; // 256 bits (OWASP: at least 64 bits of entropy)

std::string base64url(unsigned char const* bytes, std::size_t n) {
    std::string out(sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
    sodium_bin2base64(out.data(), out.size(), bytes, n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    out.resize(out.size() - 1); // the terminating NUL
    return out;
}

std::string blake2b(std::string_view context, std::string_view text) {
    unsigned char h[crypto_generichash_BYTES];
    crypto_generichash_state st;
    crypto_generichash_init(&st, nullptr, 0, sizeof h);
    crypto_generichash_update(&st, reinterpret_cast<unsigned char const*>(context.data()), context.size());
    crypto_generichash_update(&st, reinterpret_cast<unsigned char const*>(text.data()), text.size());
    crypto_generichash_final(&st, h, sizeof h);
    return std::string(reinterpret_cast<char const*>(h), sizeof h);
}

std::string token_hash(std::string_view token) { return blake2b("farol session\n", token); }

// Derived, not stored: only the holder of the session token can know it, and it dies with it.
std::string csrf_of(std::string_view token) {
    auto const h = blake2b("farol csrf\n", token);
    return base64url(reinterpret_cast<unsigned char const*>(h.data()), h.size());
}

std::int64_t ns(util::clock::time_point t) { return t.time_since_epoch().count(); }
std::int64_t ns(std::chrono::seconds d) { return std::chrono::duration_cast<std::chrono::nanoseconds>(d).count(); }

} // namespace

sessions::sessions(store::session_store& store, store::account_store& accounts, audit_log const& audit,
                   util::clock const& clock, session_settings settings)
    : store_(store), accounts_(accounts), audit_(audit), clock_(clock), settings_(settings) {}

std::string_view sessions::cookie_name() const {
    return settings_.development_cookie ? "farol_session" : "__Host-farol_session";
}

started_session sessions::start(store::user_row const& user, std::string const& device, bool second_factor_pending) {
    unsigned char raw[token_bytes];
    randombytes_buf(raw, sizeof raw);
    auto const token = base64url(raw, sizeof raw);
    sodium_memzero(raw, sizeof raw);
    store::session_row row;
    row.token_hash = token_hash(token);
    row.user_id = user.id;
    row.started_ns = row.last_seen_ns = ns(clock_.now());
    row.device = device;
    row.second_factor_pending = second_factor_pending;
    sweep(); // sign-ins are rare: a good moment to drop what has expired
    started_session out;
    out.id = store_.add(row);
    // No Max-Age: the cookie goes when the browser closes; the server's limits apply regardless.
    out.set_cookie = std::string(cookie_name()) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict";
    if (!settings_.development_cookie) out.set_cookie += "; Secure";
    return out;
}

started_session sessions::renew(http::principal const& who, std::string const& device) {
    auto const user = accounts_.find(who.user_id);
    store_.end(who.session_id);
    if (!user) throw std::runtime_error("renew: the account is gone");
    return start(*user, device, false);
}

void sessions::end(http::principal const& who) { store_.end(who.session_id); }

void sessions::sign_out(http::principal const& who) {
    store_.end(who.session_id);
    audit_.record(who.name, "sign_out", "user:" + who.name);
}

bool sessions::end_one(http::principal const& who, std::int64_t session_id) {
    if (!store_.end(session_id, who.user_id)) return false;
    audit_.record(who.name, "session.end", "session:" + std::to_string(session_id));
    return true;
}

std::string sessions::clearing_cookie() const {
    std::string c = std::string(cookie_name()) + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict";
    if (!settings_.development_cookie) c += "; Secure";
    return c;
}

std::size_t sessions::sweep() {
    auto const now = ns(clock_.now());
    return store_.end_expired(now - ns(settings_.idle), now - ns(settings_.absolute));
}

bool sessions::second_factor_required_for_admins() const {
    return accounts_.setting(admins_need_second_factor_key).value_or("0") == "1";
}

http::pending_step sessions::step_of(store::session_with_user const& s) const {
    using http::pending_step;
    if (s.session.second_factor_pending) return pending_step::second_factor;
    if (s.user.must_change_password) return pending_step::change_password;
    if (s.user.role == "admin" && s.user.totp_secret.empty() && second_factor_required_for_admins())
        return pending_step::enrol_second_factor;
    return pending_step::none;
}

bool sessions::may_resolve(http::request_context const& ctx) const {
    auto const cookie = http::find_field(ctx.cookies, cookie_name());
    return cookie && cookie->size() == sodium_base64_ENCODED_LEN(token_bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING) - 1;
}

std::optional<http::principal> sessions::resolve(http::request_context const& ctx) const {
    if (!may_resolve(ctx)) return std::nullopt;
    auto const cookie = http::find_field(ctx.cookies, cookie_name());
    auto found = store_.find(token_hash(*cookie));
    if (!found) return std::nullopt;
    auto const now = ns(clock_.now());
    auto const& s = found->session;
    bool const expired = now - s.last_seen_ns >= ns(settings_.idle) || now - s.started_ns >= ns(settings_.absolute) ||
                         (s.second_factor_pending && now - s.started_ns >= ns(settings_.second_factor));
    auto const role = http::parse_role(found->user.role);
    if (expired || found->user.disabled || !role) {
        store_.end(s.id);
        return std::nullopt;
    }
    // One write a minute at most: the idle limit needs no finer clock.
    if (now - s.last_seen_ns >= ns(std::chrono::seconds(60)) && !store_.touch(s.id, now)) return std::nullopt;
    return http::principal{found->user.id, s.id, found->user.name, *role, step_of(*found), csrf_of(*cookie)};
}

std::string sessions::sign_in_location(std::string_view next) const {
    return "/editor/sign-in?next=" + boost::urls::encode(next, boost::urls::unreserved_chars);
}

std::string sessions::step_location(http::pending_step step) const {
    switch (step) {
    case http::pending_step::second_factor: return "/editor/sign-in/code";
    case http::pending_step::change_password: return "/editor/account/password";
    case http::pending_step::enrol_second_factor: return "/editor/account/two-step";
    case http::pending_step::none: break;
    }
    return "/editor/";
}

} // namespace farol::editor
