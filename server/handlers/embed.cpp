#include "handlers/embed.hpp"

#include "handlers/embed_request.hpp"
#include "http/conditional.hpp"
#include "http/dynamic_encoding.hpp"
#include "http/http_error.hpp"
#include "http/representation.hpp"
#include "http/response.hpp"
#include "metrics/reach_recorder.hpp"
#include "partners/registry.hpp"
#include "published/static_assets.hpp"
#include "util/hash.hpp"

#include <algorithm>
#include <optional>

namespace farol::handlers::embed {

namespace {

constexpr std::chrono::seconds card_max_age{300};

std::string freshness(published::site const& s, std::optional<content::time_point> rotates, content::time_point now) {
    auto age = card_max_age;
    auto const left = [&](content::time_point until) {
        return std::max(std::chrono::seconds(0), std::chrono::floor<std::chrono::seconds>(until - now));
    };
    if (rotates) age = std::min(age, left(*rotates));
    if (s.next_change) age = std::min(age, left(*s.next_change));
    return "public, max-age=" + std::to_string(age.count());
}

// The 1x1 image that counts the impression when a cache may serve the card (metrics.count_at = beacon).
std::string beacon_img(published::embed_card const& card, std::string_view lang, partners::partner const& p) {
    return "<img class=\"beacon\" src=\"/b?e=widget_impression&amp;c=" + card.campaign() + "&amp;l=" +
           std::string(lang) + "&amp;p=" + p.id + "\" alt=\"\" width=\"1\" height=\"1\">";
}

http::response serve_card(http::request_context const& ctx, published::site const& s, card_request const& req,
                          published::embed_card const& card, std::optional<content::time_point> rotates,
                          deps const& d) {
    bool const count_here = d.reach && req.partner && d.reach->counts_at_origin();
    std::string const beacon = req.partner && d.reach && !count_here ? beacon_img(card, req.lang, *req.partner) : "";
    std::string const source = req.partner ? "?src=partner:" + req.partner->id : "";
    auto const style = req.accent.empty() ? std::string() : "html[class]{--accent:#" + req.accent + "}";
    auto const accent_block = style.empty() ? std::string() : "<style>" + style + "</style>";
    auto body = card.fill({req.theme, accent_block, source, beacon});
    auto const etag = "\"" + util::content_hash(body).substr(0, 32) + "\"";
    auto const csp = card_policy(s, style, frame_ancestors(req));
    auto const cache = freshness(s, rotates, d.clock.now());
    if (http::evaluate_preconditions(ctx, etag) == http::precondition::not_modified) {
        auto res = http::make_empty(http::status::not_modified);
        res.set(http::field::etag, etag);
        res.set(http::field::cache_control, cache);
        return res;
    }
    auto res = http::make_text(http::status::ok, std::move(body), "text/html; charset=utf-8");
    res.set(http::field::etag, etag);
    res.set(http::field::cache_control, cache);
    res.set("Content-Security-Policy", csp);
    http::encode_dynamic(ctx, res);
    if (count_here) d.reach->record(ctx, metrics::event_kind::widget_impression, card.campaign(), req.lang,
                                    "partner:" + req.partner->id);
    return res;
}

http::response slot_card(http::request_context const& ctx, deps const& d) {
    auto const site = d.site.current();
    auto const partners = d.partners ? d.partners->current() : std::make_shared<partners::partner_set const>();
    auto const req = parse_card_request(ctx, *site, partners.get(), true);
    auto const& slot = ctx.params[0];
    auto const chosen = choose_campaign(*site, slot, req.lang);
    auto const* card = chosen ? site->card(req.lang, chosen->slug) : nullptr;
    if (!card) throw http::http_error(http::status::not_found, "Nothing is published for this slot and language.");
    return serve_card(ctx, *site, req, *card, chosen->changes_at, d);
}

http::response campaign_card(http::request_context const& ctx, deps const& d) {
    auto const site = d.site.current();
    auto const partners = d.partners ? d.partners->current() : std::make_shared<partners::partner_set const>();
    auto const req = parse_card_request(ctx, *site, partners.get(), false);
    auto const* card = site->card(req.lang, ctx.params[0]);
    if (!card) throw http::http_error(http::status::not_found, "No such campaign.");
    return serve_card(ctx, *site, req, *card, std::nullopt, d);
}

} // namespace

void mount(http::route_group& r, deps d) {
    r.get("/embed/c/{slug}", [d](http::request_context const& ctx) { return campaign_card(ctx, d); },
          {.name = "embed_campaign"});
    r.get("/embed/{slot}", [d](http::request_context const& ctx) { return slot_card(ctx, d); }, {.name = "embed_slot"});
}

void mount_script(http::route_group& r, std::shared_ptr<published::static_assets const> const& assets) {
    std::optional<http::representation> script;
    if (auto const* a = assets ? assets->find("js/widget.js") : nullptr) {
        script = a->rep;
        script->cache_control = "public, max-age=3600"; // a fixed URL partners paste: an hour's staleness at most
    }
    r.get("/widget.js", [script = std::move(script)](http::request_context const& ctx) {
        if (!script) throw http::http_error(http::status::not_found, "No such file.");
        auto res = http::serve(ctx, *script);
        res.set("Cross-Origin-Resource-Policy", "cross-origin");
        return res;
    }, {.name = "widget_script"});
}

} // namespace farol::handlers::embed
