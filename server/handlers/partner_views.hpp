#pragma once
#include "handlers/editor_common.hpp"
#include "partners/partner.hpp"

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace farol::handlers::editor_ui {

// The three ways a partner embeds Farol (README, "Partner widgets and oEmbed"), for its page:
// - script: the div (data-farol-slot, data-partner, data-lang) holding a plain link to the home in
//   `lang` tagged ?src=partner:<id> (its text `link_text`), then the async /widget.js tag;
// - iframe: the iframe of /embed/<slot>?partner=<id>&lang=<lang>;
// - oembed: the oEmbed endpoint URL for `campaign_slug` tagged with the partner (empty when the
//   site publishes nothing).
// `public_url` is absolute without a trailing slash. Text, for a <textarea>: the template escapes it.
struct embed_snippets {
    std::string script, iframe, oembed;
};
embed_snippets snippets_of(partners::partner const& p, std::string_view public_url, std::string_view lang,
                           std::string_view link_text, std::string_view campaign_slug);

// The partner form's fields as template data: id, name, origins_text (one per line), the slot and
// language <option>s with the chosen one selected (language "" is the site's default).
void add_partner_form(page_context const& p, partners::partner const& shown, std::vector<std::string> const& slots,
                      std::vector<std::string> const& languages, boost::json::object& data);

} // namespace farol::handlers::editor_ui
