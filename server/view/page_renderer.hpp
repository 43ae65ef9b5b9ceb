#pragma once
#include "content/model.hpp"
#include "i18n/fallback.hpp"
#include "view/templates.hpp"

#include <boost/json/object.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace farol::published {
class static_assets;
}
namespace farol::i18n {
class catalogs;
}

namespace farol::view {


struct site_options {
    std::string public_url; // absolute, no trailing slash: canonical, hreflang and share links
    std::string exit_url;   // where the quick-exit control leaves for
    i18n::fallback_map fallbacks;
    // metrics.count_at = beacon: home and campaign pages carry a 1x1 /b image that counts the view,
    // so readers served by a cache in front are counted too.
    bool beacon = false;
};

// Who a page is drawn for: readers (the Site), or an editor previewing it, which must not count as
// reach: a preview carries no beacon, and its share button is inert (no href).
enum class audience { readers, preview };

// A search hit as the page shows it (the store's hit, without the store).
struct search_result {
    std::string slug, language, title, snippet;
};

// Turns content into HTML pages in one UI language. Used by the Site build for every page, and
// per request only for search results. Thread-safe.
class page_renderer {
public:
    page_renderer(std::shared_ptr<templates const> views, std::shared_ptr<i18n::catalogs const> catalogs,
                  std::shared_ptr<published::static_assets const> assets, site_options options);
    ~page_renderer();

    // `featured`: the hero campaign (home-featured slot), which has a text in lang; null for none.
    std::string home(std::string_view lang, std::vector<content::campaign const*> const& published,
                     content::library const& lib, content::campaign const* featured = nullptr,
                     audience for_whom = audience::readers) const;
    std::string campaign(std::string_view lang, content::campaign const& c, content::library const& lib,
                         audience for_whom = audience::readers) const;
    // Where the campaign page's "Share on WhatsApp" leads once /<lang>/c/<slug>/share/whatsapp has
    // counted the click: wa.me with the page's title and its URL tagged ?src=whatsapp.
    std::string whatsapp_share(std::string_view lang, content::campaign const& c) const;
    std::string error(std::string_view lang, unsigned status, content::library const& lib) const;
    std::string search(std::string_view lang, std::string_view query, std::vector<search_result> const& results,
                       std::string const& message, content::library const& lib) const;
    std::string sitemap(std::vector<content::campaign const*> const& published) const;
    // A partner widget's card for campaign c in lang (templates/embed.mustache): title, summary, the
    // first hotline and links to the campaign page, with published::embed_card's holes left open.
    std::string embed_card(std::string_view lang, content::campaign const& c, content::library const& lib) const;
    // The card's CSP script-src and style-src sources: its inline script and style by SHA-256
    // (CSP Level 3 hash sources), so the card needs no 'unsafe-inline' and no second request.
    std::string const& embed_script_source() const { return embed_.script_source; }
    std::string const& embed_style_source() const { return embed_.style_source; }
    std::string robots() const;

    i18n::catalogs const& catalogs() const { return *catalogs_; }
    // Unique to this renderer in the process: its templates, catalogs, assets and options are fixed,
    // so equal content drawn by the same renderer gives equal pages.
    std::uint64_t identity() const { return identity_; }
    site_options const& options() const { return options_; }
    // The translation shown for lang: lang itself, else along the fallback chain, else any.
    content::translation const& pick_translation(content::campaign const& c, std::string_view lang) const;
    // The languages to try for lang, in order (configured chain, then the default).
    std::vector<std::string> chain(std::string_view lang) const;

private:
    struct page_meta;
    boost::json::object layout(std::string_view lang, page_meta const& meta, content::library const& lib) const;
    boost::json::array hotlines(std::string_view lang, std::vector<std::string> const& ids,
                                content::library const& lib) const;
    boost::json::array materials(std::string_view lang, content::campaign const& c) const;
    std::string url(std::string_view path) const { return options_.public_url + std::string(path); }
    boost::json::object share_image(std::string_view lang) const;

    std::shared_ptr<templates const> views_;
    std::shared_ptr<i18n::catalogs const> catalogs_;
    std::shared_ptr<published::static_assets const> assets_;
    site_options options_;
    std::uint64_t identity_;
    // lang -> {{t.*}} tree, converted for Mustache once instead of for every page
    std::map<std::string, std::shared_ptr<templates::shared_data const>, std::less<>> strings_;
    // lang -> og:image url, type, width, height and alt; absent when the site has no card at all
    std::map<std::string, boost::json::object, std::less<>> share_images_;
    std::string render(std::string_view name, std::string_view lang, boost::json::object const& d) const;
    struct embed_inlines {
        std::string style, script;               // static/css/embed.css and static/js/embed.js, inlined
        std::string style_source, script_source; // "'sha256-<base64>'"
    };
    static embed_inlines load_embed_inlines(published::static_assets const& assets);
    embed_inlines embed_;
};

// "/pt-BR/c/<slug>" and friends: the one place page paths are spelled.
std::string home_path(std::string_view lang);
std::string campaign_path(std::string_view lang, std::string_view slug);
std::string search_path(std::string_view lang);
// "/pt-BR/c/<slug>/share/whatsapp": counts a share-link click, then sends the reader on.
std::string share_path(std::string_view lang, std::string_view slug, std::string_view network);
// "/b?e=view&l=pt-BR" for a home page, "/b?e=view&c=<slug>&l=pt-BR" for a campaign page.
std::string beacon_path(std::string_view lang, std::string_view slug);
std::string material_path(content::material_file const& f);
// "/oembed?url=<page_url, percent-encoded>&format=json": the oEmbed endpoint's URL for a page (oEmbed 1.0 §4).
std::string oembed_path(std::string_view page_url);

} // namespace farol::view
