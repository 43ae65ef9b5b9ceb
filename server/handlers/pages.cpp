#include "handlers/pages.hpp"

#include "http/http_error.hpp"
#include "http/response.hpp"
#include "i18n/negotiate.hpp"
#include "view/page_renderer.hpp"

namespace farol::handlers::pages {

namespace {

http::response serve_page(http::request_context const& ctx, published::site const& s, std::string const& path) {
    auto const* rep = s.page(path);
    if (!rep) throw http::http_error(http::status::not_found, "No such page.");
    return http::serve(ctx, *rep);
}

} // namespace

void mount(http::route_group& r, deps d) {
    auto& site = d.site;
    r.get("/", [&site](http::request_context const& ctx) {
        auto const current = site.current();
        auto const& s = *current;
        auto lang = i18n::negotiate(ctx.header(http::field::accept_language), s.languages).value_or(s.default_language);
        auto res = http::make_redirect(http::status::found, view::home_path(lang));
        res.set(http::field::vary, "Accept-Language");
        res.set(http::field::cache_control, "no-cache");
        return res;
    }, {.name = "root"});
    r.get("/{lang}", [&site](http::request_context const& ctx) {
        if (!site.current()->has_language(ctx.params[0])) throw http::http_error(http::status::not_found, "No such page.");
        return http::make_redirect(http::status::moved_permanently, view::home_path(ctx.params[0]));
    }, {.name = "home_redirect"});
    r.get("/{lang}/", [&site](http::request_context const& ctx) {
        return serve_page(ctx, *site.current(), view::home_path(ctx.params[0]));
    }, {.name = "home"});
    r.get("/{lang}/c/{slug}", [&site](http::request_context const& ctx) {
        return serve_page(ctx, *site.current(), view::campaign_path(ctx.params[0], ctx.params[1]));
    }, {.name = "campaign"});
    r.get("/sitemap.xml", [&site](http::request_context const& ctx) {
        return serve_page(ctx, *site.current(), "/sitemap.xml");
    }, {.name = "sitemap"});
    r.get("/robots.txt", [&site](http::request_context const& ctx) {
        return serve_page(ctx, *site.current(), "/robots.txt");
    }, {.name = "robots"});
}

} // namespace farol::handlers::pages
