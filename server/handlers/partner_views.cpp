#include "handlers/partner_views.hpp"

#include "http/response.hpp"
#include "i18n/format.hpp"
#include "util/strings.hpp"

#include <boost/json/array.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

namespace farol::handlers::editor_ui {

namespace json = boost::json;
// The snippet's values are already checked (ids, slots, tags); escaping keeps a future catalog text safe.
using http::html_escape;

embed_snippets snippets_of(partners::partner const& p, std::string_view public_url, std::string_view lang,
                           std::string_view link_text, std::string_view campaign_slug) {
    std::string const base(public_url);
    auto const l = html_escape(lang);
    embed_snippets out;
    out.script = "<div data-farol-slot=\"" + html_escape(p.default_slot) + "\" data-partner=\"" + p.id + "\" data-lang=\"" +
                 l + "\">\n  <a href=\"" + html_escape(base) + "/" + l + "/?src=partner:" + p.id + "\">" +
                 html_escape(link_text) + "</a>\n</div>\n<script src=\"" + html_escape(base) + "/widget.js\" async></script>";
    out.iframe = "<iframe src=\"" + html_escape(base) + "/embed/" + html_escape(p.default_slot) + "?partner=" + p.id +
                 "&amp;lang=" + l + "\"\n        title=\"Farol\" loading=\"lazy\" "
                 "style=\"border:0;width:100%;height:320px\"></iframe>";
    if (!campaign_slug.empty()) {
        auto const page = base + "/" + std::string(lang) + "/c/" + std::string(campaign_slug) + "?src=partner:" + p.id;
        out.oembed = base + "/oembed?url=" + boost::urls::encode(page, boost::urls::unreserved_chars) + "&format=json";
    }
    return out;
}

void add_partner_form(page_context const& p, partners::partner const& shown, std::vector<std::string> const& slots,
                      std::vector<std::string> const& languages, json::object& data) {
    std::string origins;
    for (auto const& o : shown.origins) origins += (origins.empty() ? "" : "\n") + o;
    json::array slot_options, language_options;
    for (auto const& s : slots) slot_options.push_back(json::object{{"value", s}, {"selected", s == shown.default_slot}});
    language_options.push_back(json::object{{"value", ""}, {"label", p.text("partners.site_language")},
                                            {"selected", shown.default_language.empty()}});
    for (auto const& tag : languages)
        language_options.push_back(json::object{{"value", tag},
                                                {"label", i18n::display_name(tag, p.lang) + " (" + tag + ")"},
                                                {"selected", tag == shown.default_language}});
    data["form"] = json::object{{"id", shown.id}, {"name", shown.name}, {"origins_text", origins},
                                {"slots", std::move(slot_options)}, {"languages", std::move(language_options)}};
}

} // namespace farol::handlers::editor_ui
