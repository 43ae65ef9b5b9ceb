#include "handlers/api_v1.hpp"

#include "http/http_error.hpp"
#include "http/representation.hpp"
#include "i18n/language_tag.hpp"
#include "published/static_assets.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <algorithm>
#include <charconv>
#include <optional>

namespace farol::handlers::api_v1 {

namespace {

using std::chrono::seconds;

constexpr seconds document_max_age{60};
constexpr std::size_t default_per_page = 20, max_per_page = 100, max_page = 1'000'000, max_tag = 100;
constexpr char const* openapi_cache = "public, max-age=3600";

std::string cache_for(seconds age) { return "public, max-age=" + std::to_string(age.count()); }

// ?lang=: nullopt when absent; 400 when not shaped like a language tag; 404 when the site lacks it.
std::optional<std::string> language(http::request_context const& ctx, published::site const& s) {
    auto const v = ctx.query_param("lang");
    if (!v) return std::nullopt;
    if (!i18n::valid_language_tag(*v))
        throw http::http_error(http::status::bad_request, "lang must be a BCP 47 language tag, such as pt-BR.");
    if (!s.has_language(*v))
        throw http::http_error(http::status::not_found,
                               "This site has no language " + std::string(*v) + ": see /api/v1/languages.");
    return std::string(*v);
}

// A whole number in 1..max from the query, `fallback` when absent; 400 otherwise.
std::size_t count(http::request_context const& ctx, std::string_view name, std::size_t fallback, std::size_t max) {
    auto const v = ctx.query_param(name);
    if (!v) return fallback;
    std::size_t n = 0;
    auto const [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
    if (v->empty() || ec != std::errc() || end != v->data() + v->size() || n < 1 || n > max)
        throw http::http_error(http::status::bad_request,
                               std::string(name) + " must be a whole number from 1 to " + std::to_string(max) + ".");
    return n;
}

std::optional<std::string> tag(http::request_context const& ctx) {
    auto const v = ctx.query_param("tag");
    if (!v) return std::nullopt;
    if (v->empty() || v->size() > max_tag)
        throw http::http_error(http::status::bad_request, "tag must be 1 to 100 characters.");
    return std::string(*v);
}

// RFC 8288 Link: first, prev, next and last pages of the same list.
std::string links(std::string const& base, std::optional<std::string> const& lang, std::optional<std::string> const& tag,
                  std::size_t page, std::size_t pages, std::size_t per_page) {
    std::string query;
    if (lang) query += "lang=" + *lang + "&";
    if (tag) query += "tag=" + boost::urls::encode(*tag, boost::urls::unreserved_chars) + "&";
    auto const one = [&](std::size_t n, char const* rel) {
        return "<" + base + "/api/v1/campaigns?" + query + "page=" + std::to_string(n) + "&per_page=" +
               std::to_string(per_page) + ">; rel=\"" + rel + "\"";
    };
    std::string out = one(1, "first");
    if (page > 1) out += ", " + one(std::min(page - 1, pages), "prev");
    if (page < pages) out += ", " + one(page + 1, "next");
    return out + ", " + one(pages, "last");
}

http::response campaigns(http::request_context const& ctx, deps const& d) {
    auto const current = d.site.current();
    auto const& s = *current;
    auto const lang = language(ctx, s);
    auto const wanted = tag(ctx);
    auto const page = count(ctx, "page", 1, max_page);
    auto const per_page = count(ctx, "per_page", default_per_page, max_per_page);
    std::vector<std::string const*> hits;
    for (auto const& e : s.api.listing)
        if (auto const* summary = e.summary(lang.value_or("")); summary && (!wanted || e.tagged(*wanted)))
            hits.push_back(summary);
    auto const pages = std::max<std::size_t>(1, (hits.size() + per_page - 1) / per_page);
    // The summaries are JSON already (serialized at the build): the list only joins them.
    std::string body = "{\"campaigns\":[";
    for (auto i = (page - 1) * per_page; i < hits.size() && i < page * per_page; ++i) {
        if (body.back() != '[') body += ',';
        body += *hits[i];
    }
    boost::json::object totals{{"total", hits.size()}, {"page", page}, {"per_page", per_page}, {"pages", pages}};
    body += "]," + boost::json::serialize(totals).substr(1);
    auto const rep = http::negotiated_representation(ctx, std::move(body), "application/json",
                                                     cache_for(published::fresh_for(s, d.clock.now(), document_max_age)));
    auto res = http::serve(ctx, rep);
    res.set(http::field::link, links(s.api.public_url, lang, wanted, page, pages, per_page));
    return res;
}

http::response campaign(http::request_context const& ctx, deps const& d) {
    auto const current = d.site.current();
    auto const& s = *current;
    auto const lang = language(ctx, s);
    auto const& slug = ctx.params[0];
    auto const* doc = s.api_campaign(slug, lang.value_or(""));
    if (!doc) throw http::http_error(http::status::not_found, "No published campaign is called " + slug + ".");
    // Held gzip-only (published::api_document): a reader without gzip gets it inflated for this request.
    auto const rep = http::gzip_held_representation(ctx, doc->gzip, doc->content_hash(), doc->gzip_suffix(),
                                                    "application/json",
                                                    cache_for(published::fresh_for(s, d.clock.now(), document_max_age)));
    return http::serve(ctx, rep);
}

http::response slot(http::request_context const& ctx, deps const& d) {
    auto const current = d.site.current();
    auto const& s = *current;
    auto const lang = language(ctx, s).value_or(s.default_language);
    auto const& name = ctx.params[0];
    auto const* rep = s.api_slot(name, lang);
    if (!rep) throw http::http_error(http::status::not_found, "No slot is called " + name + ".");
    // Fresh until the rotation moves, so no cache shows a pick past its period.
    std::optional<content::time_point> until;
    if (auto const it = s.api.slot_changes.find(name + " " + lang); it != s.api.slot_changes.end()) until = it->second;
    return http::serve(ctx, *rep, cache_for(published::fresh_for(s, d.clock.now(), document_max_age, until)));
}

} // namespace

void mount(http::route_group& r, deps d) {
    r.get("/api/v1/campaigns", [d](http::request_context const& ctx) { return campaigns(ctx, d); },
          {.name = "api_campaigns"});
    r.get("/api/v1/campaigns/{slug}", [d](http::request_context const& ctx) { return campaign(ctx, d); },
          {.name = "api_campaign"});
    r.get("/api/v1/slots/{slot}", [d](http::request_context const& ctx) { return slot(ctx, d); }, {.name = "api_slot"});
    r.get("/api/v1/languages", [d](http::request_context const& ctx) {
        auto const current = d.site.current();
        return http::serve(ctx, current->api.languages,
                           cache_for(published::fresh_for(*current, d.clock.now(), document_max_age)));
    }, {.name = "api_languages"});
    std::optional<http::representation> openapi;
    if (auto const* a = d.assets ? d.assets->find("api/openapi.json") : nullptr) {
        openapi = a->rep; // shares the bytes; only the caching differs from /s/<hash>/ URLs
        openapi->cache_control = openapi_cache;
    }
    r.get("/api/v1/openapi.json", [openapi = std::move(openapi)](http::request_context const& ctx) {
        if (!openapi) throw http::http_error(http::status::not_found, "This server has no OpenAPI document.");
        return http::serve(ctx, *openapi);
    }, {.name = "api_openapi"});
}

} // namespace farol::handlers::api_v1
