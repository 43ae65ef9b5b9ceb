#include "handlers/editor_sign_in.hpp"

#include "editor/device.hpp"
#include "editor/sessions.hpp"
#include "editor/sign_in.hpp"
#include "handlers/editor_common.hpp"
#include "http/response.hpp"
#include "view/editor_views.hpp"

namespace farol::handlers::editor_sign_in {

namespace json = boost::json;
using namespace editor_ui;

namespace {

// Throttled and busy answers say when to come back (RFC 9110 §10.2.3).
http::response wait_page(page_context const& p, std::string_view name, json::object data, std::string_view key,
                         editor::sign_in_outcome const& o) {
    auto const status = o.kind == editor::sign_in_outcome::busy ? http::status::service_unavailable
                                                                : http::status::too_many_requests;
    data["notice"] = p.views.text(p.lang, key, {{"seconds", std::to_string(o.retry_after.count())}});
    auto res = page(p, name, std::move(data), status);
    res.set(http::field::retry_after, std::to_string(o.retry_after.count()));
    return res;
}

http::response signed_in(editor::sessions& sessions, http::request_context const& ctx, editor::sign_in_outcome const& o,
                         std::string_view next) {
    if (ctx.session) sessions.end(*ctx.session); // whatever came before is not carried over
    auto const device = editor::coarse_device(ctx.header(http::field::user_agent));
    auto started = sessions.start(o.user, device, o.kind == editor::sign_in_outcome::second_factor_needed);
    auto res = see_other(o.kind == editor::sign_in_outcome::second_factor_needed ? "/editor/sign-in/code"
                                                                                 : safe_next(next));
    res.set(http::field::set_cookie, started.set_cookie);
    return res;
}

http::response show_sign_in(deps const& d, http::request_context const& ctx) {
    page_context p(*d.views, ctx);
    if (ctx.session && ctx.session->step == http::pending_step::none) return see_other("/editor/");
    auto const next = ctx.query_param("next").value_or("/editor/");
    json::object data{{"next", safe_next(next)}};
    if (ctx.query_param("signed_out")) data["notice"] = p.text("sign_in.signed_out");
    return page(p, "sign_in", std::move(data));
}

http::response post_sign_in(deps const& d, http::request_context const& ctx) {
    page_context p(*d.views, ctx);
    auto const name = ctx.form_value("name");
    auto const next = safe_next(ctx.form_value("next"));
    json::object data{{"next", next}, {"name", name}};
    auto const o = d.sign_in.check_password(name, ctx.form_value("password"), ctx.client);
    switch (o.kind) {
    case editor::sign_in_outcome::signed_in:
    case editor::sign_in_outcome::second_factor_needed: return signed_in(d.sessions, ctx, o, next);
    case editor::sign_in_outcome::throttled: return wait_page(p, "sign_in", std::move(data), "sign_in.throttled", o);
    case editor::sign_in_outcome::busy: return wait_page(p, "sign_in", std::move(data), "sign_in.busy", o);
    case editor::sign_in_outcome::refused: break;
    }
    form_errors errors;
    errors.add("name", "sign_in.refused");
    errors.into(p, data);
    return page(p, "sign_in", std::move(data), http::status::unprocessable_entity);
}

http::response show_code(deps const& d, http::request_context const& ctx) {
    page_context p(*d.views, ctx);
    return page(p, "sign_in_code", {});
}

http::response post_code(deps const& d, http::request_context const& ctx) {
    page_context p(*d.views, ctx);
    auto const o = d.sign_in.check_code(*ctx.session, ctx.form_value("code"), ctx.client);
    if (o.kind == editor::sign_in_outcome::signed_in) {
        auto started = d.sessions.renew(*ctx.session, editor::coarse_device(ctx.header(http::field::user_agent)));
        auto res = see_other("/editor/");
        res.set(http::field::set_cookie, started.set_cookie);
        return res;
    }
    if (o.kind == editor::sign_in_outcome::throttled || o.kind == editor::sign_in_outcome::busy)
        return wait_page(p, "sign_in_code", {}, "sign_in.throttled", o);
    json::object data;
    form_errors errors;
    errors.add("code", "sign_in.code_refused");
    errors.into(p, data);
    return page(p, "sign_in_code", std::move(data), http::status::unprocessable_entity);
}

http::response sign_out(deps const& d, http::request_context const& ctx) {
    d.sessions.sign_out(*ctx.session);
    auto res = see_other("/editor/sign-in?signed_out=1");
    res.set(http::field::set_cookie, d.sessions.clearing_cookie());
    return res;
}

} // namespace

void mount(http::route_group& r, deps d) {
    auto const anonymous = [](char const* name, http::body_kind body = http::body_kind::none) {
        http::route_options o{name, body};
        o.anonymous = true;
        o.steps = http::every_step;
        return o;
    };
    r.get("/editor/sign-in", [d](auto const& ctx) { return show_sign_in(d, ctx); }, anonymous("editor_sign_in"));
    r.add(http::verb::post, "/editor/sign-in", [d](auto const& ctx) { return post_sign_in(d, ctx); },
          anonymous("editor_sign_in_post", http::body_kind::form));
    http::route_options code{"editor_sign_in_code"};
    code.steps = static_cast<http::step_set>(http::pending_step::second_factor);
    r.get("/editor/sign-in/code", [d](auto const& ctx) { return show_code(d, ctx); }, code);
    code.name = "editor_sign_in_code_post";
    code.body = http::body_kind::form;
    r.add(http::verb::post, "/editor/sign-in/code", [d](auto const& ctx) { return post_code(d, ctx); }, code);
    http::route_options out{"editor_sign_out", http::body_kind::form};
    out.steps = http::every_step;
    r.add(http::verb::post, "/editor/sign-out", [d](auto const& ctx) { return sign_out(d, ctx); }, out);
}

} // namespace farol::handlers::editor_sign_in
