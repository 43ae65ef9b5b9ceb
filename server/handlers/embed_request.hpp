#pragma once
#include "http/request_context.hpp"
#include "partners/partner.hpp"
#include "published/site.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace farol::handlers::embed {

// A widget card request's parameters, validated: each is safe to paste into the card as it is.
struct card_request {
    partners::partner const* partner = nullptr; // an enabled partner, or null when none was named
    std::string lang;                            // a UI language of the site
    std::string theme = "auto";                  // "auto", "light" or "dark"
    std::string accent;                          // "" or six lower-case hex digits
};

// Reads ?partner=, ?lang=, ?theme= and ?accent= (accent with or without its '#'). Throws http_error:
// 400 for a missing partner when `partner_required`, a bad theme or accent; 404 for an unknown or
// disabled partner or a language the site does not have. Without ?lang=, the partner's default
// language, else the site's.
card_request parse_card_request(http::request_context const& ctx, published::site const& s,
                                partners::partner_set const* partners, bool partner_required);

// The campaign a slot's card shows in `lang` and when that may change: the slot's pick, else the
// home-featured pick, else the first published campaign with a text in lang, else any with a card.
// Throws http_error 404 when the site has no such slot; nullopt when nothing is published at all.
struct chosen_campaign {
    std::string slug;
    std::optional<content::time_point> changes_at;
};
std::optional<chosen_campaign> choose_campaign(published::site const& s, std::string_view slot, std::string_view lang);

// CSP frame-ancestors sources: the partner's allowed origins ('none' when it has none); "*" for a
// partner-less campaign card, which oEmbed consumers frame on any site.
std::string frame_ancestors(card_request const& req);

// The card's Content-Security-Policy: its own inline script and style by hash, the accent <style>
// (`accent_style`, its content; "" for none) by hash too, images from the site, and frame-ancestors.
std::string card_policy(published::site const& s, std::string_view accent_style, std::string_view ancestors);

} // namespace farol::handlers::embed
