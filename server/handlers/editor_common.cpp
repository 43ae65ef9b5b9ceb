#include "handlers/editor_common.hpp"

#include "http/response.hpp"
#include "view/editor_views.hpp"

#include <ctime>

namespace farol::handlers::editor_ui {

namespace json = boost::json;

page_context::page_context(view::editor_views const& v, http::request_context const& c)
    : views(v), ctx(c), lang(v.language(c.header(http::field::accept_language))) {}

std::string page_context::text(std::string_view key) const { return views.text(lang, key); }

void form_errors::into(page_context const& p, json::object& data) const {
    json::array list;
    for (auto const& [field, key, detail] : items_) {
        auto message = p.views.text(p.lang, key, {{"detail", detail}});
        list.push_back(json::object{{"field", field}, {"message", message}});
        data[field + "_error"] = std::move(message);
    }
    data["has_errors"] = !items_.empty();
    data["errors"] = std::move(list);
}

void add_done_notice(page_context const& p, std::string_view prefix, json::object& data) {
    auto const done = p.ctx.query_param("done");
    if (!done) return;
    auto const key = std::string(prefix) + ".done." + std::string(*done);
    if (p.views.has_text(key)) data["notice"] = p.text(key);
}

http::response page(page_context const& p, std::string_view name, json::object data, http::status status) {
    if (auto const& who = p.ctx.session; who && who->step == http::pending_step::none) {
        data["user"] = json::object{{"name", who->name},
                                    {"role", p.text("role." + std::string(http::to_string(who->role)))},
                                    {"is_admin", who->role == http::role::admin},
                                    {"can_write", who->role == http::role::admin || who->role == http::role::editor},
                                    {"can_read_reach", who->role != http::role::partner}};
    }
    if (p.ctx.session) data["csrf"] = p.ctx.session->csrf_token;
    if (!data.contains("page_title")) data["page_title"] = p.text("title." + std::string(name));
    auto res = http::make_text(status, p.views.render(name, p.lang, std::move(data)), "text/html; charset=utf-8");
    res.set(http::field::content_language, p.lang);
    res.set(http::field::vary, "Accept-Language, Cookie");
    return res;
}

http::route_options writers_route(char const* name, http::body_kind body) {
    http::route_options o{name, body};
    o.roles = http::role::editor | http::role::admin;
    return o;
}

http::response see_other(std::string_view location) { return http::make_redirect(http::status::see_other, location); }

std::string display_time(std::int64_t ns) {
    std::time_t const t = static_cast<std::time_t>(ns / 1'000'000'000);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
    return buf;
}

std::string safe_next(std::string_view next) {
    bool const inside = next.starts_with("/editor/") && next.find("//") == std::string_view::npos &&
                        next.find('\\') == std::string_view::npos;
    for (char c : next)
        if (static_cast<unsigned char>(c) < 0x21 || c == 0x7f) return "/editor/";
    return inside ? std::string(next) : "/editor/";
}

namespace {
std::string_view refusal_key(std::string_view detail) {
    using namespace http::refusal;
    if (detail == cross_origin) return "error.cross_origin";
    if (detail == not_signed_in) return "error.not_signed_in";
    if (detail == stale_form) return "error.stale_form";
    if (detail == unfinished) return "error.unfinished";
    if (detail == role) return "error.role";
    return {};
}
} // namespace

std::function<http::response(http::request_context const&, http::status, std::string_view)>
error_renderer(std::shared_ptr<view::editor_views const> views) {
    return [views](http::request_context const& ctx, http::status s, std::string_view detail) {
        page_context p(*views, ctx);
        auto const code = static_cast<unsigned>(s);
        auto const key = refusal_key(detail);
        json::object data{{"status", std::to_string(code)},
                          {"title", p.text(code < 500 ? "error.client_title" : "error.server_title")},
                          {"detail", key.empty() ? std::string(detail) : p.text(key)},
                          {"sign_in", s == http::status::forbidden && key == "error.not_signed_in"}};
        return page(p, "error", std::move(data), s);
    };
}

} // namespace farol::handlers::editor_ui
