#include "published/share_card.hpp"
#include "published/static_assets.hpp"
#include "i18n/catalogs.hpp"
#include "i18n/format.hpp"
#include "view/catalog_data.hpp"
#include "view/page_meta.hpp"
#include "view/templates.hpp"

#include <boost/json/array.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/pchars.hpp>

#include <atomic>

namespace farol::view {

namespace json = boost::json;

namespace {

std::atomic<std::uint64_t> next_renderer_identity{1};

// Open Graph wants language_TERRITORY; these are the locales its consumers know.
std::string og_locale(std::string_view tag) {
    if (tag == "pt-BR") return "pt_BR";
    if (tag == "es") return "es_LA";
    if (tag == "en") return "en_US";
    if (tag == "fr") return "fr_FR";
    if (tag == "ht") return "ht_HT";
    if (tag == "ar") return "ar_AR";
    std::string out(tag);
    for (auto& ch : out)
        if (ch == '-') ch = '_';
    return out;
}


std::string file_format(content::material_file const& f) {
    auto const dot = f.file_name.rfind('.');
    std::string ext = dot == std::string::npos ? std::string() : f.file_name.substr(dot + 1);
    for (auto& ch : ext) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return ext;
}

} // namespace

std::string home_path(std::string_view lang) { return "/" + std::string(lang) + "/"; }
std::string campaign_path(std::string_view lang, std::string_view slug) {
    return "/" + std::string(lang) + "/c/" + std::string(slug);
}
std::string search_path(std::string_view lang) { return "/" + std::string(lang) + "/search"; }
std::string beacon_path(std::string_view lang, std::string_view slug) {
    auto out = std::string("/b?e=view");
    if (!slug.empty()) out.append("&c=").append(slug);
    return out.append("&l=").append(lang);
}
std::string share_path(std::string_view lang, std::string_view slug, std::string_view network) {
    return campaign_path(lang, slug) + "/share/" + std::string(network);
}
std::string material_path(content::material_file const& f) {
    return "/m/" + f.sha256.substr(0, 16) + "/" + boost::urls::encode(f.file_name, boost::urls::pchars);
}

page_renderer::page_renderer(std::shared_ptr<templates const> views, std::shared_ptr<i18n::catalogs const> catalogs,
                             std::shared_ptr<published::static_assets const> assets, site_options options)
    : views_(std::move(views)), catalogs_(std::move(catalogs)), assets_(std::move(assets)),
      options_(std::move(options)), identity_(next_renderer_identity.fetch_add(1)),
      embed_(load_embed_inlines(*assets_)) {
    while (!options_.public_url.empty() && options_.public_url.back() == '/') options_.public_url.pop_back();
    for (auto const& lang : catalogs_->languages()) {
        strings_.emplace(lang, templates::prepare(catalog_strings(*catalogs_, lang)));
        if (auto image = share_image(lang); !image.empty()) share_images_.emplace(lang, std::move(image));
    }
}

// og:image and its details; the alt text describes the card in the page's language.
json::object page_renderer::share_image(std::string_view lang) const {
    auto const card = published::find_share_card(*assets_, lang, catalogs_->default_language());
    if (!card) return {};
    return {{"url", url(assets_->url(card->asset))},
            {"type", card->type},
            {"width", std::to_string(card->size.width)},
            {"height", std::to_string(card->size.height)},
            {"alt", catalogs_->text(lang, "share.image_alt",
                                    {{"name", catalogs_->text(card->language, "site.name")},
                                     {"tagline", catalogs_->text(card->language, "site.tagline")}})}};
}

std::string page_renderer::render(std::string_view name, std::string_view lang, json::object const& d) const {
    return views_->render(name, d, {{"t", strings_.find(lang)->second.get()}});
}

page_renderer::~page_renderer() = default;

json::object page_renderer::layout(std::string_view lang, page_meta const& meta, content::library const& lib) const {
    json::object d;
    d["lang"] = lang;
    d["dir"] = catalogs_->rtl(lang) ? "rtl" : "ltr";
    d["page_title"] = meta.title + " · " + catalogs_->text(lang, "site.name");
    d["og_title"] = meta.title;
    d["description"] = meta.description;
    d["canonical"] = url(meta.canonical_path);
    d["noindex"] = meta.noindex;
    d["og_type"] = meta.og_type;
    d["og_locale"] = og_locale(lang);
    json::array alternates, og_alternates, switcher;
    for (auto const& a : meta.alternates) {
        alternates.push_back(json::object{{"hreflang", a.tag}, {"href", url(a.path)}});
        if (a.tag != lang) og_alternates.push_back(json::string(og_locale(a.tag)));
    }
    if (!meta.alternates.empty()) alternates.push_back(json::object{{"hreflang", "x-default"}, {"href", url(meta.x_default_path)}});
    for (auto const& s : meta.switcher)
        switcher.push_back(json::object{{"tag", s.tag}, {"href", s.path}, {"name", catalogs_->native_name(s.tag)},
                                        {"current", s.tag == lang}});
    d["alternates"] = std::move(alternates);
    d["og_locale_alternates"] = std::move(og_alternates);
    d["switcher_any"] = switcher.size() > 1;
    d["switcher"] = std::move(switcher);
    if (auto it = share_images_.find(lang); it != share_images_.end()) d["share_image"] = it->second;
    d["twitter_card"] = d.contains("share_image") ? "summary_large_image" : "summary";
    d["css_href"] = assets_->url("css/site.css");
    d["icon_href"] = assets_->url("img/icon.svg");
    d["touch_icon_href"] = assets_->url("img/apple-touch-icon.png");
    d["exit_js_href"] = assets_->url("js/exit.js");
    d["exit_href"] = options_.exit_url;
    d["home_href"] = home_path(lang);
    d["search_href"] = search_path(lang);
    // A page never promises help by phone without a number: with none of its own, it shows them all.
    std::vector<std::string> ids;
    if (meta.hotline_ids && !meta.hotline_ids->empty()) ids = *meta.hotline_ids;
    else
        for (auto const& h : lib.hotlines) ids.push_back(h.id);
    d["hotlines"] = hotlines(lang, ids, lib);
    return d;
}

json::array page_renderer::hotlines(std::string_view lang, std::vector<std::string> const& ids,
                                    content::library const& lib) const {
    auto in_lang = [&](std::map<std::string, std::string> const& m) {
        for (auto const& l : chain(lang))
            if (auto it = m.find(l); it != m.end()) return it->second;
        return m.empty() ? std::string() : m.begin()->second;
    };
    json::array out;
    for (auto const& id : ids) {
        for (auto const& h : lib.hotlines) {
            if (h.id != id) continue;
            out.push_back(json::object{{"number", h.number},
                                       {"label", in_lang(h.label)},
                                       {"description", in_lang(h.description)},
                                       {"call", catalogs_->text(lang, "hotlines.call", {{"number", h.number}})}});
        }
    }
    return out;
}

json::array page_renderer::materials(std::string_view lang, content::campaign const& c) const {
    json::array out;
    auto const order = chain(lang);
    for (auto const& m : c.materials) {
        content::material_file const* pick = nullptr;
        for (auto const& l : order) {
            for (auto const& f : m.files)
                if (!pick && f.language == l) pick = &f;
        }
        if (!pick && !m.files.empty()) pick = &m.files.front();
        if (!pick) continue;
        auto const kind = catalogs_->text(lang, "materials.kind." + m.kind);
        out.push_back(json::object{
            {"href", material_path(*pick)},
            {"type", pick->content_type},
            {"file_lang", pick->language},
            {"kind", kind},
            {"format", file_format(*pick)},
            {"size", i18n::format_size(lang, pick->size)},
            {"download_label", catalogs_->text(lang, "materials.download", {{"name", kind}})},
            {"language_note", catalogs_->text(lang, "materials.in_language",
                                              {{"language", catalogs_->has(pick->language) ? catalogs_->native_name(pick->language) : pick->language}})}});
    }
    return out;
}

std::vector<std::string> page_renderer::chain(std::string_view lang) const {
    return i18n::fallback_chain(lang, options_.fallbacks, catalogs_->default_language());
}

content::translation const& page_renderer::pick_translation(content::campaign const& c, std::string_view lang) const {
    for (auto const& l : chain(lang))
        if (auto const* t = c.find_translation(l)) return *t;
    if (auto const* t = c.find_translation(c.default_language)) return *t;
    return c.translations.front();
}

} // namespace farol::view
