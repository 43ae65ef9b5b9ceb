#include "view/page_renderer.hpp"

#include "i18n/catalogs.hpp"
#include "i18n/format.hpp"
#include "view/page_meta.hpp"
#include "view/templates.hpp"

#include <boost/json/array.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

namespace farol::view {

namespace json = boost::json;

namespace {

std::string error_key(unsigned status) {
    switch (status) {
    case 404: case 414: case 500: case 503: return std::to_string(status);
    default: return status >= 500 ? "500" : "400";
    }
}

} // namespace

std::string page_renderer::home(std::string_view lang, std::vector<content::campaign const*> const& published,
                                content::library const& lib, content::campaign const* featured, audience for_whom) const {
    page_meta meta;
    meta.title = catalogs_->text(lang, "home.title");
    meta.description = catalogs_->text(lang, "home.intro");
    meta.canonical_path = home_path(lang);
    for (auto const& l : catalogs_->languages()) {
        meta.alternates.push_back({l, home_path(l)});
        meta.switcher.push_back({l, home_path(l)});
    }
    auto d = layout(lang, meta, lib);
    auto const card = [&](content::campaign const& c) {
        auto const& tr = pick_translation(c, lang);
        return json::object{{"href", campaign_path(lang, c.slug)},
                            {"title", tr.title},
                            {"summary", tr.summary},
                            {"content_lang", tr.language},
                            {"content_dir", catalogs_->rtl(tr.language) ? "rtl" : "ltr"}};
    };
    json::array cards;
    for (auto const* c : published) cards.push_back(card(*c));
    d["campaigns"] = std::move(cards);
    if (featured) d["featured"] = card(*featured);
    if (options_.beacon && for_whom == audience::readers) d["beacon_src"] = beacon_path(lang, "");
    return render("home", lang, d);
}

std::string page_renderer::campaign(std::string_view lang, content::campaign const& c, content::library const& lib,
                                    audience for_whom) const {
    auto const& tr = pick_translation(c, lang);
    bool const fallback = tr.language != lang;
    page_meta meta;
    meta.title = tr.title;
    meta.description = tr.summary;
    meta.og_type = "article";
    // A fallback page duplicates another language's text: point search engines at the original.
    meta.canonical_path = campaign_path(fallback ? tr.language : std::string(lang), c.slug);
    meta.noindex = fallback;
    meta.x_default_path = campaign_path(c.default_language, c.slug);
    meta.hotline_ids = c.hotlines;
    for (auto const& l : catalogs_->languages()) {
        if (!c.find_translation(l)) continue;
        meta.alternates.push_back({l, campaign_path(l, c.slug)});
        meta.switcher.push_back({l, campaign_path(l, c.slug)});
    }
    auto d = layout(lang, meta, lib);
    d["campaign_title"] = tr.title;
    d["summary"] = tr.summary;
    d["body_html"] = tr.body_html;
    d["content_lang"] = tr.language;
    d["content_dir"] = catalogs_->rtl(tr.language) ? "rtl" : "ltr";
    if (fallback)
        d["fallback_notice"] = catalogs_->text(lang, "campaign.fallback_notice",
                                               {{"requested", catalogs_->native_name(lang)},
                                                {"shown", catalogs_->has(tr.language) ? catalogs_->native_name(tr.language) : tr.language}});
    auto files = materials(lang, c);
    d["materials_any"] = !files.empty();
    d["materials"] = std::move(files);
    d["whatsapp_href"] = share_path(lang, c.slug, "whatsapp");
    d["oembed_href"] = url(oembed_path(url(campaign_path(lang, c.slug))));
    if (for_whom == audience::preview) {
        d["preview"] = true; // the template draws the share button inert
        return render("campaign", lang, d);
    }
    if (options_.beacon) d["beacon_src"] = beacon_path(lang, c.slug);
    return render("campaign", lang, d);
}

std::string oembed_path(std::string_view page_url) {
    return "/oembed?url=" + boost::urls::encode(page_url, boost::urls::unreserved_chars) + "&format=json";
}

std::string page_renderer::whatsapp_share(std::string_view lang, content::campaign const& c) const {
    auto const& tr = pick_translation(c, lang);
    auto const link = url(campaign_path(lang, c.slug)) + "?src=whatsapp";
    auto const message = catalogs_->text(lang, "share.message", {{"title", tr.title}, {"url", link}});
    return "https://wa.me/?text=" + boost::urls::encode(message, boost::urls::unreserved_chars);
}

std::string page_renderer::error(std::string_view lang, unsigned status, content::library const& lib) const {
    page_meta meta;
    auto const key = error_key(status);
    meta.title = catalogs_->text(lang, "error." + key + ".title");
    meta.description = catalogs_->text(lang, "error." + key + ".text");
    meta.canonical_path = home_path(lang);
    meta.noindex = true;
    for (auto const& l : catalogs_->languages()) meta.switcher.push_back({l, home_path(l)});
    auto d = layout(lang, meta, lib);
    d["error_title"] = meta.title;
    d["error_text"] = meta.description;
    return render("error", lang, d);
}

std::string page_renderer::search(std::string_view lang, std::string_view query,
                                  std::vector<search_result> const& results, std::string const& message,
                                  content::library const& lib) const {
    page_meta meta;
    meta.title = catalogs_->text(lang, "search.title");
    meta.description = catalogs_->text(lang, "search.label");
    meta.canonical_path = search_path(lang);
    meta.noindex = true;
    for (auto const& l : catalogs_->languages()) meta.switcher.push_back({l, search_path(l)});
    auto d = layout(lang, meta, lib);
    d["query"] = query;
    d["message"] = message;
    json::array hits;
    for (auto const& r : results)
        hits.push_back(json::object{{"href", campaign_path(lang, r.slug)},
                                    {"title", r.title},
                                    {"snippet", r.snippet},
                                    {"content_lang", r.language},
                                    {"content_dir", catalogs_->rtl(r.language) ? "rtl" : "ltr"}});
    d["results_any"] = !hits.empty();
    d["results"] = std::move(hits);
    return render("search", lang, d);
}

std::string page_renderer::sitemap(std::vector<content::campaign const*> const& published) const {
    json::array urls;
    json::array home_alternates;
    for (auto const& l : catalogs_->languages())
        home_alternates.push_back(json::object{{"hreflang", l}, {"href", url(home_path(l))}});
    for (auto const& l : catalogs_->languages())
        urls.push_back(json::object{{"loc", url(home_path(l))}, {"alternates", home_alternates}});
    for (auto const* c : published) {
        json::array alternates;
        for (auto const& tr : c->translations)
            alternates.push_back(json::object{{"hreflang", tr.language}, {"href", url(campaign_path(tr.language, c->slug))}});
        for (auto const& tr : c->translations)
            urls.push_back(json::object{{"loc", url(campaign_path(tr.language, c->slug))}, {"alternates", alternates}});
    }
    return views_->render("sitemap", json::object{{"urls", std::move(urls)}});
}

std::string page_renderer::robots() const {
    return "User-agent: *\nDisallow: /*/search\n\nSitemap: " + url("/sitemap.xml") + "\n";
}

} // namespace farol::view
