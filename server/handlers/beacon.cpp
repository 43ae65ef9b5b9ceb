#include "handlers/beacon.hpp"

#include "http/response.hpp"
#include "metrics/reach_recorder.hpp"
#include "partners/registry.hpp"
#include "util/strings.hpp"
#include "view/page_renderer.hpp"

#include <boost/url/parse.hpp>

namespace farol::handlers::beacon {

namespace {

// GIF89a, 1x1, one transparent pixel: the smallest image every browser decodes.
constexpr unsigned char pixel[] = {0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00,
                                   0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0x21, 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00,
                                   0x00, 0x2c, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02,
                                   0x44, 0x01, 0x00, 0x3b};

// The ?src= of the page that loaded the beacon, when the Referer is one of this site's pages.
std::string page_source(std::string_view referer, std::string_view own_host) {
    auto const url = boost::urls::parse_uri(util::trim(referer));
    if (!url || !util::iequals(url->encoded_host(), own_host)) return {};
    auto const params = url->params();
    auto const it = params.find("src");
    return it == params.end() ? std::string() : std::string((*it).value);
}

// The page a view beacon stands for must be one the site serves now.
bool known_page(published::site const& s, std::string_view lang, std::string_view slug) {
    if (!s.has_language(lang)) return false;
    return s.page(slug.empty() ? view::home_path(lang) : view::campaign_path(lang, slug)) != nullptr;
}

// A card's impression: its partner must be enabled and the card one the site serves now.
metrics::reach_verdict impression(http::request_context const& ctx, deps const& d, std::string_view lang,
                                  std::string_view slug) {
    auto const partner = ctx.query_param("p").value_or("");
    auto const set = d.partners ? d.partners->current() : nullptr;
    if (!set || !set->enabled(partner) || !d.site.current()->card(lang, slug)) return metrics::reach_verdict::unknown;
    return d.reach->record(ctx, metrics::event_kind::widget_impression, slug, lang, "partner:" + std::string(partner));
}

metrics::reach_verdict judge(http::request_context const& ctx, deps const& d) {
    if (!d.reach || d.reach->counts_at_origin()) return metrics::reach_verdict::not_here; // pages count themselves
    auto const event = ctx.query_param("e").value_or("");
    if (event != "view" && event != "widget_impression") return metrics::reach_verdict::unknown;
    auto const fetch_site = ctx.header("sec-fetch-site");
    if (!fetch_site.empty() && fetch_site != "same-origin") return metrics::reach_verdict::cross_site;
    auto const lang = ctx.query_param("l").value_or("");
    auto const slug = ctx.query_param("c").value_or("");
    if (event == "widget_impression") return impression(ctx, d, lang, slug);
    if (!known_page(*d.site.current(), lang, slug)) return metrics::reach_verdict::unknown;
    return d.reach->record(ctx, metrics::event_kind::view, slug, lang,
                           page_source(ctx.header(http::field::referer), d.own_host));
}

} // namespace

void mount(http::route_group& r, deps d) {
    r.get("/b", [d](http::request_context const& ctx) {
        auto const verdict = judge(ctx, d);
        bool const image = ctx.header("sec-fetch-dest") == "image";
        auto res = image ? http::make_bytes(http::status::ok, {nullptr, {reinterpret_cast<char const*>(pixel), sizeof pixel}},
                                            "image/gif")
                         : http::make_empty(http::status::no_content);
        res.set(http::field::cache_control, "no-store");
        res.set("Farol-Reach", metrics::to_string(verdict));
        return res;
    }, {.name = "beacon"});
}

} // namespace farol::handlers::beacon
