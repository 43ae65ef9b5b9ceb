#include "handlers/pages.hpp"

#include "http/http_error.hpp"
#include "http/response.hpp"
#include "i18n/negotiate.hpp"
#include "metrics/reach_recorder.hpp"
#include "view/page_renderer.hpp"

#include <algorithm>
#include <chrono>

namespace farol::handlers::pages {

namespace {

// Pages stay fresh for a minute, a page that rotates until its rotation moves, and neither past the
// site's next scheduled change; "" keeps the page's own minute.
std::string freshness(published::site const& s, std::string_view path, content::time_point now) {
    constexpr std::chrono::seconds page_max_age{60};
    std::optional<content::time_point> until;
    if (auto const it = s.rotating.find(path); it != s.rotating.end()) until = it->second;
    auto const age = published::fresh_for(s, now, page_max_age, until);
    return age == page_max_age ? std::string() : "public, max-age=" + std::to_string(age.count());
}

http::response serve_page(http::request_context const& ctx, published::site const& s, util::clock const& clock,
                          std::string const& path) {
    auto const* rep = s.page(path);
    if (!rep) throw http::http_error(http::status::not_found, "No such page.");
    return http::serve(ctx, *rep, freshness(s, path, clock.now()));
}

// Counts a share-link click and sends the reader to the network with the page's text and link.
http::response share(http::request_context const& ctx, published::site const& s, metrics::reach_recorder* reach) {
    auto const& lang = ctx.params[0];
    auto const& slug = ctx.params[1];
    auto const it = s.whatsapp_shares.find(view::campaign_path(lang, slug));
    if (ctx.params[2] != "whatsapp" || it == s.whatsapp_shares.end())
        throw http::http_error(http::status::not_found, "No such page.");
    if (reach) reach->record(ctx, metrics::event_kind::share, slug, lang, ctx.query_param("src").value_or(""));
    auto res = http::make_redirect(http::status::see_other, it->second);
    res.set(http::field::cache_control, "no-store"); // each click must reach the origin to be counted
    return res;
}

} // namespace

void mount(http::route_group& r, deps d) {
    auto& site = d.site;
    auto& clock = d.clock;
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
    auto* reach = d.reach;
    r.get("/{lang}/", [&site, &clock, reach](http::request_context const& ctx) {
        auto res = serve_page(ctx, *site.current(), clock, view::home_path(ctx.params[0]));
        if (reach) reach->page_view(ctx, "", ctx.params[0], true);
        return res;
    }, {.name = "home"});
    r.get("/{lang}/c/{slug}", [&site, &clock, reach](http::request_context const& ctx) {
        auto res = serve_page(ctx, *site.current(), clock, view::campaign_path(ctx.params[0], ctx.params[1]));
        if (reach) reach->page_view(ctx, ctx.params[1], ctx.params[0], true);
        return res;
    }, {.name = "campaign"});
    r.get("/{lang}/c/{slug}/share/{network}", [&site, reach](http::request_context const& ctx) {
        return share(ctx, *site.current(), reach);
    }, {.name = "share"});
    r.get("/sitemap.xml", [&site, &clock](http::request_context const& ctx) {
        return serve_page(ctx, *site.current(), clock, "/sitemap.xml");
    }, {.name = "sitemap"});
    r.get("/robots.txt", [&site, &clock](http::request_context const& ctx) {
        return serve_page(ctx, *site.current(), clock, "/robots.txt");
    }, {.name = "robots"});
}

} // namespace farol::handlers::pages
