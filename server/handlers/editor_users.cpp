#include "handlers/editor_users.hpp"

#include "editor/accounts.hpp"
#include "editor/audit_log.hpp"
#include "editor/partner_admin.hpp"
#include "editor/sessions.hpp"
#include "handlers/editor_common.hpp"
#include "http/http_error.hpp"
#include "http/response.hpp"
#include "store/account_store.hpp"
#include "view/editor_views.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/rfc/pchars.hpp>

namespace farol::handlers::editor_users {

namespace json = boost::json;
using namespace editor_ui;

namespace {

std::string user_path(std::string_view name) { return "/editor/users/" + boost::urls::encode(name, boost::urls::pchars); }

json::array role_options(page_context const& p, std::string_view selected) {
    json::array out;
    for (auto r : {http::role::editor, http::role::analyst, http::role::admin, http::role::partner}) {
        auto const name = std::string(http::to_string(r));
        out.push_back(json::object{{"value", name}, {"label", p.text("role." + name)}, {"selected", name == selected}});
    }
    return out;
}

json::array partner_options(deps const& d, page_context const& p, std::string_view selected) {
    json::array out{json::object{{"value", ""}, {"label", p.text("users.no_partner")}, {"selected", selected.empty()}}};
    for (auto const& partner : d.partners.list())
        out.push_back(json::object{{"value", partner.id}, {"label", partner.name + " (" + partner.id + ")"},
                                   {"selected", partner.id == selected}});
    return out;
}

// A partner-role account needs an existing partner; the other roles take none.
void check_partner(deps const& d, std::optional<http::role> role, std::string_view partner, form_errors& errors) {
    if (!role) return;
    if (*role != http::role::partner && !partner.empty()) errors.add("partner", "users.partner_only_for_role");
    else if (*role == http::role::partner && partner.empty()) errors.add("partner", "users.partner_required");
    else if (*role == http::role::partner && !d.partners.find(partner)) errors.add("partner", "users.partner_unknown");
}

http::response list(deps const& d, http::request_context const& ctx, json::object data = {},
                    http::status status = http::status::ok) {
    page_context p(*d.views, ctx);
    json::array users;
    for (auto const& u : d.accounts.list())
        users.push_back(json::object{{"name", u.name},
                                     {"href", user_path(u.name)},
                                     {"role", p.text("role." + u.role)},
                                     {"disabled", u.disabled},
                                     {"two_step", !u.totp_secret.empty()}});
    data["users"] = std::move(users);
    if (!data.contains("roles")) data["roles"] = role_options(p, "editor");
    if (!data.contains("partners")) data["partners"] = partner_options(d, p, "");
    return page(p, "users", std::move(data), status);
}

http::response add(deps const& d, http::request_context const& ctx) {
    page_context p(*d.views, ctx);
    auto const name = ctx.form_value("name");
    auto const role = http::parse_role(ctx.form_value("role"));
    auto const partner = ctx.form_value("partner");
    json::object data{{"name", name}, {"roles", role_options(p, ctx.form_value("role"))},
                      {"partners", partner_options(d, p, partner)}};
    form_errors errors;
    if (!role) errors.add("role", "role.invalid");
    check_partner(d, role, partner, errors);
    if (!errors.empty()) {
        if (auto const bad = editor::name_problem(name); !bad.empty()) errors.add("name", std::string(bad));
        errors.into(p, data);
        return list(d, ctx, std::move(data), http::status::unprocessable_entity);
    }
    auto change = d.accounts.add(ctx.session->name, name, *role);
    if (role && change.kind == editor::account_change::invalid) errors.add(change.field, change.problem);
    if (change.kind == editor::account_change::busy) errors.add("name", "sign_in.busy_short");
    if (!errors.empty()) {
        errors.into(p, data);
        return list(d, ctx, std::move(data), http::status::unprocessable_entity);
    }
    if (!partner.empty()) d.partners.link(ctx.session->name, d.accounts.find(name)->id, name, partner);
    return page(p, "one_time_password", {{"name", name}, {"password", change.one_time_password},
                                          {"href", user_path(name)}});
}

http::response show(deps const& d, http::request_context const& ctx, json::object data = {}) {
    page_context p(*d.views, ctx);
    auto const user = d.accounts.find(ctx.params[0]);
    if (!user) throw http::http_error(http::status::not_found, p.text("users.not_found"));
    json::array sessions;
    for (auto const& s : d.sessions.of_user(user->id))
        sessions.push_back(json::object{{"device", s.device}, {"started", display_time(s.started_ns)},
                                        {"last_seen", display_time(s.last_seen_ns)}});
    data["account"] = json::object{{"name", user->name}, {"href", user_path(user->name)},
                                   {"role", p.text("role." + user->role)}, {"disabled", user->disabled},
                                   {"two_step", !user->totp_secret.empty()},
                                   {"must_change_password", user->must_change_password},
                                   {"self", user->id == ctx.session->user_id},
                                   {"is_partner", user->role == "partner"},
                                   {"partner", d.partners.partner_of(user->id).value_or("")}};
    data["sessions"] = std::move(sessions);
    data["roles"] = role_options(p, user->role);
    if (!data.contains("partners"))
        data["partners"] = partner_options(d, p, d.partners.partner_of(user->id).value_or(""));
    add_done_notice(p, "users", data);
    return page(p, "user", std::move(data));
}

// The last admin who can sign in must not lock everyone out.
bool last_admin(deps const& d, store::user_row const& u) {
    if (u.role != "admin" || u.disabled) return false;
    for (auto const& other : d.accounts.list())
        if (other.id != u.id && other.role == "admin" && !other.disabled) return false;
    return true;
}

// A partner role needs its partner (the form's select); leaving that role ends the link. Nothing
// changes when the partner is missing or unknown: the page comes back with the field's reason.
std::optional<http::response> change_role(deps const& d, http::request_context const& ctx, store::user_row const& user,
                                          http::role role) {
    page_context p(*d.views, ctx);
    auto const partner = role == http::role::partner ? ctx.form_value("partner") : std::string();
    form_errors errors;
    check_partner(d, role, partner, errors);
    if (!errors.empty()) {
        json::object data{{"partners", partner_options(d, p, partner)}};
        errors.into(p, data);
        auto res = show(d, ctx, std::move(data));
        res.result(http::status::unprocessable_entity);
        return res;
    }
    d.accounts.set_role(ctx.session->name, user, role);
    if (role == http::role::partner) d.partners.link(ctx.session->name, user.id, user.name, partner);
    else d.partners.unlink(ctx.session->name, user.id, user.name);
    return std::nullopt;
}

http::response act(deps const& d, http::request_context const& ctx) {
    page_context p(*d.views, ctx);
    auto const user = d.accounts.find(ctx.params[0]);
    if (!user) throw http::http_error(http::status::not_found, p.text("users.not_found"));
    auto const& action = ctx.params[1];
    auto const& actor = ctx.session->name;
    auto const refuse = [&](std::string key) {
        json::object data;
        data["problem"] = p.text(key);
        auto res = show(d, ctx, std::move(data));
        res.result(http::status::conflict);
        return res;
    };
    if (action == "disable") {
        if (user->id == ctx.session->user_id || last_admin(d, *user)) return refuse("users.cannot_disable_self");
        d.accounts.set_disabled(actor, *user, true);
    } else if (action == "enable") {
        d.accounts.set_disabled(actor, *user, false);
    } else if (action == "reset-password") {
        auto change = d.accounts.reset_password(actor, *user);
        if (change.kind == editor::account_change::busy) return refuse("sign_in.busy_short");
        return page(p, "one_time_password", {{"name", user->name}, {"password", change.one_time_password},
                                              {"href", user_path(user->name)}});
    } else if (action == "reset-two-step") {
        d.accounts.reset_second_factor(actor, *user);
    } else if (action == "role") {
        auto const role = http::parse_role(ctx.form_value("role"));
        if (!role) return refuse("role.invalid");
        if (*role != http::role::admin && last_admin(d, *user)) return refuse("users.cannot_demote_last_admin");
        if (auto refused = change_role(d, ctx, *user, *role)) return std::move(*refused);
    } else {
        throw http::http_error(http::status::not_found, p.text("users.not_found"));
    }
    return see_other(user_path(user->name) + "?done=" + action);
}

http::response settings(deps const& d, http::request_context const& ctx) {
    page_context p(*d.views, ctx);
    json::object data{{"admins_need_second_factor", d.sessions.second_factor_required_for_admins()}};
    if (ctx.query_param("saved")) data["notice"] = p.text("settings.saved");
    return page(p, "settings", std::move(data));
}

http::response save_settings(deps const& d, http::request_context const& ctx) {
    bool const on = ctx.form_value("admins_need_second_factor") == "1";
    if (on != d.sessions.second_factor_required_for_admins()) {
        d.settings.set_setting(editor::admins_need_second_factor_key, on ? "1" : "0");
        d.audit.record(ctx.session->name, "settings.change",
                       std::string("admins_need_second_factor=") + (on ? "on" : "off"));
    }
    return see_other("/editor/settings?saved=1");
}

} // namespace

void mount(http::route_group& r, deps d) {
    using http::verb;
    auto const admin = [](char const* name, http::body_kind body = http::body_kind::none) {
        http::route_options o{name, body};
        o.roles = http::only(http::role::admin);
        return o;
    };
    r.get("/editor/users", [d](auto const& ctx) { return list(d, ctx); }, admin("editor_users"));
    r.add(verb::post, "/editor/users", [d](auto const& ctx) { return add(d, ctx); },
          admin("editor_users_add", http::body_kind::form));
    r.get("/editor/users/{name}", [d](auto const& ctx) { return show(d, ctx); }, admin("editor_user"));
    r.add(verb::post, "/editor/users/{name}/{action}", [d](auto const& ctx) { return act(d, ctx); },
          admin("editor_user_action", http::body_kind::form));
    r.get("/editor/settings", [d](auto const& ctx) { return settings(d, ctx); }, admin("editor_settings"));
    r.add(verb::post, "/editor/settings", [d](auto const& ctx) { return save_settings(d, ctx); },
          admin("editor_settings_post", http::body_kind::form));
}

} // namespace farol::handlers::editor_users
