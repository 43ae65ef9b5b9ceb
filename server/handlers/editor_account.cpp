#include "handlers/editor_account.hpp"

#include "editor/accounts.hpp"
#include "editor/device.hpp"
#include "editor/second_factor.hpp"
#include "editor/sessions.hpp"
#include "handlers/editor_common.hpp"
#include "http/response.hpp"
#include "view/editor_views.hpp"

#include <charconv>

namespace farol::handlers::editor_account {

namespace json = boost::json;
using namespace editor_ui;

namespace {

http::response home(deps const& d, http::request_context const& ctx) {
    page_context p(*d.views, ctx);
    json::object data;
    if (ctx.query_param("password_changed")) data["notice"] = p.text("password.changed");
    if (auto const problem = d.publish_problem ? d.publish_problem() : std::nullopt) data["publish_problem"] = *problem;
    return page(p, "home", std::move(data));
}

http::response account(deps const& d, http::request_context const& ctx, json::object data = {}) {
    page_context p(*d.views, ctx);
    auto const& who = *ctx.session;
    json::array list;
    for (auto const& s : d.sessions.of_user(who.user_id))
        list.push_back(json::object{{"id", std::to_string(s.id)},
                                    {"device", s.device},
                                    {"started", display_time(s.started_ns)},
                                    {"last_seen", display_time(s.last_seen_ns)},
                                    {"current", s.id == who.session_id}});
    auto const user = d.accounts.find(who.user_id);
    bool const enrolled = user && !user->totp_secret.empty();
    data["sessions"] = std::move(list);
    data["two_step"] = enrolled;
    if (enrolled) data["codes_left"] = std::to_string(d.second_factor.recovery_codes_left(who.user_id));
    if (ctx.query_param("ended")) data["notice"] = p.text("account.session_ended");
    return page(p, "account", std::move(data));
}

http::response end_session(deps const& d, http::request_context const& ctx) {
    std::int64_t id = 0;
    auto const& text = ctx.params[0];
    auto const [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || end != text.data() + text.size() || !d.sessions.end_one(*ctx.session, id))
        return see_other("/editor/account");
    if (id == ctx.session->session_id) return see_other("/editor/sign-in?signed_out=1");
    return see_other("/editor/account?ended=1");
}

http::response show_password(deps const& d, http::request_context const& ctx) {
    page_context p(*d.views, ctx);
    return page(p, "password", {{"first", ctx.session->step == http::pending_step::change_password}});
}

http::response post_password(deps const& d, http::request_context const& ctx) {
    page_context p(*d.views, ctx);
    auto const change = d.accounts.change_password(*ctx.session, ctx.form_value("current"), ctx.form_value("password"),
                                                   ctx.form_value("repeat"));
    if (change.kind == editor::account_change::done) {
        // A new token after a change of password (OWASP ASVS 5.0 §7.2.4).
        auto started = d.sessions.renew(*ctx.session, editor::coarse_device(ctx.header(http::field::user_agent)));
        auto res = see_other("/editor/?password_changed=1");
        res.set(http::field::set_cookie, started.set_cookie);
        return res;
    }
    json::object data{{"first", ctx.session->step == http::pending_step::change_password}};
    if (change.kind == editor::account_change::busy) {
        data["notice"] = p.views.text(p.lang, "sign_in.busy", {{"seconds", "5"}});
        auto res = page(p, "password", std::move(data), http::status::service_unavailable);
        res.set(http::field::retry_after, "5");
        return res;
    }
    form_errors errors;
    errors.add(change.field, change.problem);
    errors.into(p, data);
    return page(p, "password", std::move(data), http::status::unprocessable_entity);
}

json::object enrolment_data(editor::enrolment const& e) {
    return {{"secret_hex", e.secret_hex}, {"secret_base32", e.secret_base32}, {"qr_svg_html", e.qr_svg}};
}

http::response show_two_step(deps const& d, http::request_context const& ctx) {
    page_context p(*d.views, ctx);
    auto const user = d.accounts.find(ctx.session->user_id);
    if (user && !user->totp_secret.empty()) return see_other("/editor/account");
    auto data = enrolment_data(d.second_factor.begin(*ctx.session, p.text("two_step.qr_label")));
    data["required"] = ctx.session->step == http::pending_step::enrol_second_factor;
    return page(p, "two_step", std::move(data));
}

http::response post_two_step(deps const& d, http::request_context const& ctx) {
    page_context p(*d.views, ctx);
    auto const secret = ctx.form_value("secret");
    if (auto codes = d.second_factor.confirm(*ctx.session, secret, ctx.form_value("code"))) {
        json::array list;
        for (auto const& c : *codes) list.push_back(json::string(c));
        return page(p, "recovery_codes", {{"codes", std::move(list)}});
    }
    auto again = d.second_factor.again(*ctx.session, secret, p.text("two_step.qr_label"));
    auto data = enrolment_data(again ? *again : d.second_factor.begin(*ctx.session, p.text("two_step.qr_label")));
    data["required"] = ctx.session->step == http::pending_step::enrol_second_factor;
    form_errors errors;
    errors.add("code", "two_step.code_refused");
    errors.into(p, data);
    return page(p, "two_step", std::move(data), http::status::unprocessable_entity);
}

http::response two_step_off(deps const& d, http::request_context const& ctx) {
    if (d.second_factor.turn_off(*ctx.session, ctx.form_value("password"))) return see_other("/editor/account");
    page_context p(*d.views, ctx);
    form_errors errors;
    errors.add("off_password", "password.wrong");
    json::object data;
    errors.into(p, data);
    auto res = account(d, ctx, std::move(data));
    res.result(http::status::unprocessable_entity);
    return res;
}

} // namespace

void mount(http::route_group& r, deps d) {
    using http::verb;
    auto const form = [](char const* name, http::step_set steps = 0) {
        http::route_options o{name, http::body_kind::form};
        o.steps = steps;
        return o;
    };
    auto const password_step = static_cast<http::step_set>(http::pending_step::change_password);
    auto const enrol_step = static_cast<http::step_set>(http::pending_step::enrol_second_factor);
    r.get("/editor/", [d](auto const& ctx) { return home(d, ctx); }, {"editor_home"});
    r.get("/editor/account", [d](auto const& ctx) { return account(d, ctx); }, {"editor_account"});
    r.add(verb::post, "/editor/account/sessions/{id}/end", [d](auto const& ctx) { return end_session(d, ctx); },
          form("editor_session_end"));
    http::route_options pw{"editor_password"};
    pw.steps = password_step;
    r.get("/editor/account/password", [d](auto const& ctx) { return show_password(d, ctx); }, pw);
    r.add(verb::post, "/editor/account/password", [d](auto const& ctx) { return post_password(d, ctx); },
          form("editor_password_post", password_step));
    http::route_options two{"editor_two_step"};
    two.steps = enrol_step;
    r.get("/editor/account/two-step", [d](auto const& ctx) { return show_two_step(d, ctx); }, two);
    r.add(verb::post, "/editor/account/two-step", [d](auto const& ctx) { return post_two_step(d, ctx); },
          form("editor_two_step_post", enrol_step));
    r.add(verb::post, "/editor/account/two-step/off", [d](auto const& ctx) { return two_step_off(d, ctx); },
          form("editor_two_step_off"));
}

} // namespace farol::handlers::editor_account
