#include "editor/accounts.hpp"

#include "editor/password_hasher.hpp"
#include "editor/sessions.hpp"
#include "util/strings.hpp"

#include <sodium.h>

namespace farol::editor {

namespace {
std::string object_of(std::string_view name) { return "user:" + std::string(name); }
std::int64_t ns(util::clock const& c) { return c.now().time_since_epoch().count(); }
} // namespace

std::string_view name_problem(std::string_view name) {
    if (name.empty()) return "name.empty";
    if (name.size() > 64) return "name.too_long";
    auto const alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
    if (!alnum(name.front())) return "name.invalid";
    for (char c : name)
        if (!alnum(c) && c != '.' && c != '_' && c != '@' && c != '-') return "name.invalid";
    return {};
}

std::string one_time_password() {
    static constexpr char alphabet[] = "abcdefghjkmnpqrstuvwxyz23456789"; // no i, l, o, 0, 1
    constexpr std::uint32_t n = sizeof alphabet - 1;
    std::string out;
    for (int i = 0; i < 20; ++i) {
        if (i && i % 4 == 0) out += '-';
        out += alphabet[randombytes_uniform(n)];
    }
    return out;
}

account_change accounts::weak(std::string_view field, password_verdict const& v) const {
    return {account_change::invalid, std::string(field), std::string(reason_key(v.reason))};
}

account_change accounts::add(std::string_view actor, std::string_view name, http::role role,
                             std::optional<std::string> password, bool keep_password) {
    if (auto problem = name_problem(name); !problem.empty())
        return {account_change::invalid, "name", std::string(problem)};
    if (store_.find(name)) return {account_change::invalid, "name", "name.taken"};
    account_change out;
    if (password) {
        auto const verdict = check_password(*password, {std::string(name)});
        if (!verdict.ok) return weak("password", verdict);
    } else {
        password = out.one_time_password = one_time_password();
    }
    auto hash = hasher_.hash(*password);
    if (!hash) return {account_change::busy};
    store::user_row u;
    u.name = name;
    u.role = http::to_string(role);
    u.password_hash = std::move(*hash);
    u.must_change_password = !keep_password;
    u.created_ns = u.changed_ns = ns(clock_);
    try {
        store_.add(u);
    } catch (store::name_taken const&) {
        return {account_change::invalid, "name", "name.taken"};
    }
    audit_.record(actor, "user.add", object_of(name) + " role:" + u.role);
    return out;
}

account_change accounts::reset_password(std::string_view actor, store::user_row const& user) {
    account_change out;
    out.one_time_password = one_time_password();
    auto hash = hasher_.hash(out.one_time_password);
    if (!hash) return {account_change::busy};
    store_.set_password(user.id, *hash, true, ns(clock_));
    audit_.record(actor, "password.reset", object_of(user.name));
    return out;
}

account_change accounts::change_password(http::principal const& who, std::string_view current, std::string_view next,
                                         std::string_view repeated) {
    auto const user = store_.find(who.user_id);
    if (!user) return {account_change::invalid, "current", "password.wrong"};
    auto const checked = hasher_.verify(user->password_hash, current);
    if (checked.result == password_hasher::outcome::busy) return {account_change::busy};
    if (checked.result != password_hasher::outcome::ok) {
        audit_.record(who.name, "password.change", object_of(who.name), "failed");
        return {account_change::invalid, "current", "password.wrong"};
    }
    auto const verdict = check_password(next, {user->name});
    if (!verdict.ok) return weak("password", verdict);
    if (next != repeated) return {account_change::invalid, "repeat", "password.mismatch"};
    if (next == current) return {account_change::invalid, "password", "password.unchanged"};
    auto hash = hasher_.hash(next);
    if (!hash) return {account_change::busy};
    store_.set_password(user->id, *hash, false, ns(clock_), who.session_id);
    audit_.record(who.name, "password.change", object_of(who.name));
    return {};
}

void accounts::set_disabled(std::string_view actor, store::user_row const& user, bool disabled) {
    store_.set_disabled(user.id, disabled);
    audit_.record(actor, disabled ? "user.disable" : "user.enable", object_of(user.name));
}

void accounts::set_role(std::string_view actor, store::user_row const& user, http::role role) {
    store_.set_role(user.id, http::to_string(role), ns(clock_));
    sessions_.end_all(user.id);
    audit_.record(actor, "user.role", object_of(user.name) + " role:" + std::string(http::to_string(role)));
}

void accounts::reset_second_factor(std::string_view actor, store::user_row const& user) {
    store_.disable_totp(user.id, ns(clock_));
    audit_.record(actor, "two_step.reset", object_of(user.name));
}

} // namespace farol::editor
