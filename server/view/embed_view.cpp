// The partner widget's card: one small self-contained document per campaign and language.
#include "view/page_renderer.hpp"

#include "i18n/catalogs.hpp"
#include "published/embed_card.hpp"
#include "published/static_assets.hpp"

#include <algorithm>
#include <stdexcept>

namespace farol::view {

namespace json = boost::json;

namespace {

// Campaign text pasted into the card may not carry the holes' marker byte (or any control byte).
std::string printable(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t') out += c;
    return out;
}

std::string asset_text(published::static_assets const& assets, std::string_view name) {
    auto const* a = assets.find(name);
    if (!a) return {}; // a bare card still links to its campaign; static/ ships both files
    std::string text(a->rep.identity.bytes.data);
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    return text;
}

} // namespace

page_renderer::embed_inlines page_renderer::load_embed_inlines(published::static_assets const& assets) {
    embed_inlines e;
    e.style = asset_text(assets, "css/embed.css");
    e.script = asset_text(assets, "js/embed.js");
    e.style_source = published::csp_hash_source(e.style);
    e.script_source = published::csp_hash_source(e.script);
    return e;
}

std::string page_renderer::embed_card(std::string_view lang, content::campaign const& c,
                                      content::library const& lib) const {
    auto const& tr = pick_translation(c, lang);
    json::object d;
    d["lang"] = lang;
    d["dir"] = catalogs_->rtl(lang) ? "rtl" : "ltr";
    d["content_lang"] = tr.language;
    d["content_dir"] = catalogs_->rtl(tr.language) ? "rtl" : "ltr";
    d["campaign_title"] = printable(tr.title);
    d["summary"] = printable(tr.summary);
    d["campaign_url"] = url(campaign_path(lang, c.slug));
    auto lines = hotlines(lang, c.hotlines, lib);
    if (!lines.empty()) {
        auto& h = lines.front().as_object();
        d["hotline"] = json::object{{"number", printable(h["number"].as_string())},
                                    {"label", printable(h["label"].as_string())}};
    }
    d["embed_style_html"] = embed_.style;
    d["embed_script_html"] = embed_.script;
    d["hole_theme_html"] = published::hole_theme;
    d["hole_accent_html"] = published::hole_accent;
    d["hole_source_html"] = published::hole_source;
    d["hole_beacon_html"] = published::hole_beacon;
    return render("embed", lang, d);
}

} // namespace farol::view
