#include "handlers/search.hpp"

#include "http/http_error.hpp"
#include "http/response.hpp"
#include "i18n/catalogs.hpp"
#include "metrics/reach_recorder.hpp"
#include "store/search.hpp"
#include "util/strings.hpp"
#include "util/utf8.hpp"
#include "view/page_renderer.hpp"

namespace farol::handlers::search {

namespace {

struct outcome {
    std::vector<view::search_result> results;
    std::string message;
};

outcome run_query(deps const& d, view::page_renderer const& pages, published::site const& s, std::string const& lang,
                  std::string const& query) {
    auto const& cat = pages.catalogs();
    if (util::trim(query).empty()) return {{}, cat.text(lang, "search.empty")};
    if (query.size() > max_query_bytes) return {{}, cat.text(lang, "search.too_long")};
    outcome out;
    for (auto& hit : d.index.find(lang, query, max_results)) {
        // The index knows every text; the Site knows which are public right now (windows included).
        if (!s.has_text(hit.slug, hit.language)) continue;
        out.results.push_back({std::move(hit.slug), std::move(hit.language), std::move(hit.title), std::move(hit.snippet)});
    }
    auto const n = static_cast<std::int64_t>(out.results.size());
    out.message = n == 0 ? cat.text(lang, "search.none", {{"query", query}})
                         : cat.plural(lang, "search.results", n, {{"query", query}});
    return out;
}

} // namespace

void mount(http::route_group& r, deps d) {
    r.get("/{lang}/search", [d](http::request_context const& ctx) {
        auto const snapshot = d.site.snapshot();
        auto const& lang = ctx.params[0];
        auto const pages = d.pages();
        if (!pages || !snapshot->source || !snapshot->has_language(lang))
            throw http::http_error(http::status::not_found, "No such page.");
        auto const query = util::to_valid_utf8(ctx.query_param("q").value_or(""));
        auto const found = run_query(d, *pages, *snapshot, lang, query);
        auto html = pages->search(lang, query, found.results, found.message, *snapshot->source);
        auto res = http::make_text(http::status::ok, std::move(html), "text/html; charset=utf-8");
        // A search can say more about its reader than any page: keep it off the phone's disk.
        res.set(http::field::cache_control, "no-store");
        res.set(http::field::content_language, lang);
        if (d.reach) d.reach->page_view(ctx, "", lang, false); // never cached: counted here in both modes
        return res;
    }, {.name = "search", .blocking = true});
}

} // namespace farol::handlers::search
