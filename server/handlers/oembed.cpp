#include "handlers/oembed.hpp"

#include "http/http_error.hpp"
#include "http/response.hpp"
#include "i18n/catalogs.hpp"
#include "partners/registry.hpp"
#include "util/strings.hpp"
#include "view/page_renderer.hpp"

#include <boost/json/serialize.hpp>
#include <boost/url/parse.hpp>

#include <algorithm>
#include <charconv>

namespace farol::handlers::oembed {

namespace {

constexpr int default_width = 480, default_height = 320;

// The page an oEmbed url names on this site: its language, campaign slug ("" for a home page) and partner.
struct page_ref {
    std::string lang, slug;
    partners::partner const* partner = nullptr;
};

int max_size(http::request_context const& ctx, std::string_view name, int fallback) {
    auto const v = ctx.query_param(name);
    if (!v || v->empty()) return fallback;
    int n = 0;
    auto const [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
    if (ec != std::errc() || end != v->data() + v->size() || n < 1)
        throw http::http_error(http::status::bad_request, std::string(name) + " must be a positive whole number of pixels.");
    return std::min(n, fallback);
}

bool same_origin(boost::urls::url_view a, boost::urls::url_view b) {
    return util::iequals(a.scheme(), b.scheme()) && util::iequals(a.encoded_host(), b.encoded_host()) &&
           a.port_number() == b.port_number();
}

page_ref resolve(std::string_view url, std::string_view public_url, published::site const& s,
                 partners::partner_set const& partners) {
    auto const not_ours = http::http_error(http::status::not_found, "url is not a campaign page of this site.");
    auto const page = boost::urls::parse_absolute_uri(url);
    auto const home = boost::urls::parse_absolute_uri(public_url);
    if (!page || !home || !same_origin(*page, *home)) throw not_ours;
    std::vector<std::string> segs(page->segments().begin(), page->segments().end());
    page_ref ref;
    auto const params = page->params();
    if (auto const it = params.find("src"); it != params.end()) {
        auto const src = std::string_view((*it).value);
        if (src.starts_with("partner:")) ref.partner = partners.enabled(src.substr(8));
    }
    if (segs.size() == 3 && segs[1] == "c" && s.page(view::campaign_path(segs[0], segs[2]))) {
        ref.lang = segs[0];
        ref.slug = segs[2];
    } else if (segs.size() == 2 && segs[1].empty() && s.has_language(segs[0]) && ref.partner) {
        ref.lang = segs[0]; // a partner's home link: its widget
    } else {
        throw not_ours;
    }
    return ref;
}

std::string embed_src(std::string_view public_url, page_ref const& ref) {
    std::string src(public_url);
    if (ref.slug.empty()) src += "/embed/" + ref.partner->default_slot + "?partner=" + ref.partner->id + "&lang=" + ref.lang;
    else src += "/embed/c/" + ref.slug + "?lang=" + ref.lang + (ref.partner ? "&partner=" + ref.partner->id : "");
    return src;
}

std::string title_of(view::page_renderer const& pages, published::site const& s, page_ref const& ref) {
    if (!ref.slug.empty() && s.source)
        for (auto const& c : s.source->campaigns)
            if (c.slug == ref.slug) return pages.pick_translation(c, ref.lang).title;
    return pages.catalogs().text(ref.lang, "home.title");
}

http::response answer(http::request_context const& ctx, deps const& d) {
    auto const format = ctx.query_param("format").value_or("json");
    if (format != "json") throw http::http_error(http::status::not_implemented, "Only format=json is offered.");
    auto const url = ctx.query_param("url").value_or("");
    if (url.empty()) throw http::http_error(http::status::bad_request, "url is required: the page to embed.");
    int const width = max_size(ctx, "maxwidth", default_width);
    int const height = max_size(ctx, "maxheight", default_height);
    auto const pages = d.pages();
    auto const site = d.site.current();
    auto const partners = d.partners ? d.partners->current() : std::make_shared<partners::partner_set const>();
    auto const& public_url = pages->options().public_url;
    auto const ref = resolve(url, public_url, *site, *partners);
    auto const title = title_of(*pages, *site, ref);
    auto const html = "<iframe src=\"" + http::html_escape(embed_src(public_url, ref)) + "\" width=\"" +
                      std::to_string(width) + "\" height=\"" + std::to_string(height) + "\" title=\"" +
                      http::html_escape(title) + "\" loading=\"lazy\" referrerpolicy=\"no-referrer\" style=\"border:0\"></iframe>";
    boost::json::object o{{"version", "1.0"}, {"type", "rich"}, {"title", title},
                          {"provider_name", pages->catalogs().text(ref.lang, "site.name")},
                          {"provider_url", public_url + "/"}, {"html", html},
                          {"width", width}, {"height", height}, {"cache_age", 3600}};
    auto res = http::make_json(http::status::ok, boost::json::serialize(o));
    res.set(http::field::cache_control, "public, max-age=3600");
    return res;
}

} // namespace

void mount(http::route_group& r, deps d) {
    r.get("/oembed", [d](http::request_context const& ctx) { return answer(ctx, d); }, {.name = "oembed"});
}

} // namespace farol::handlers::oembed
