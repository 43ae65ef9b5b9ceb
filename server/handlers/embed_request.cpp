#include "handlers/embed_request.hpp"

#include "http/http_error.hpp"

#include <algorithm>

namespace farol::handlers::embed {

namespace {

bool hex_digit(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

std::string parse_accent(std::string_view v) {
    if (!v.empty() && v.front() == '#') v.remove_prefix(1);
    if (v.size() != 6 || !std::all_of(v.begin(), v.end(), hex_digit))
        throw http::http_error(http::status::bad_request, "accent must be a colour as six hex digits, like 1a73e8.");
    std::string out(v);
    for (auto& c : out)
        if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

partners::partner const* parse_partner(http::request_context const& ctx, partners::partner_set const* partners,
                                       bool required) {
    auto const id = ctx.query_param("partner").value_or("");
    if (id.empty()) {
        if (required) throw http::http_error(http::status::bad_request, "partner is required: the embed code names it.");
        return nullptr;
    }
    auto const* p = partners ? partners->enabled(id) : nullptr;
    if (!p) throw http::http_error(http::status::not_found, "No such partner.");
    return p;
}

} // namespace

card_request parse_card_request(http::request_context const& ctx, published::site const& s,
                                partners::partner_set const* partners, bool partner_required) {
    card_request req;
    req.partner = parse_partner(ctx, partners, partner_required);
    auto const lang = ctx.query_param("lang").value_or("");
    if (!lang.empty()) req.lang = lang;
    else if (req.partner && s.has_language(req.partner->default_language)) req.lang = req.partner->default_language;
    else req.lang = s.default_language;
    if (!s.has_language(req.lang)) throw http::http_error(http::status::not_found, "No such language.");
    auto const theme = ctx.query_param("theme").value_or("auto");
    if (theme != "auto" && theme != "light" && theme != "dark")
        throw http::http_error(http::status::bad_request, "theme must be auto, light or dark.");
    req.theme = theme;
    if (auto const accent = ctx.query_param("accent"); accent && !accent->empty()) req.accent = parse_accent(*accent);
    return req;
}

std::optional<chosen_campaign> choose_campaign(published::site const& s, std::string_view slot, std::string_view lang) {
    auto const& slots = s.source ? s.source->slots : std::vector<content::rotation_slot>{};
    if (std::none_of(slots.begin(), slots.end(), [&](auto const& x) { return x.name == slot; }))
        throw http::http_error(http::status::not_found, "No such slot.");
    for (auto const name : {slot, std::string_view("home-featured")})
        if (auto const* p = s.pick(name, lang); p && !p->campaigns.empty() && s.card(lang, p->campaigns.front()))
            return chosen_campaign{p->campaigns.front(), p->changes_at};
    if (!s.source) return std::nullopt;
    for (auto const& c : s.source->campaigns)
        if (s.has_text(c.slug, lang) && s.card(lang, c.slug)) return chosen_campaign{c.slug, std::nullopt};
    for (auto const& c : s.source->campaigns)
        if (s.card(lang, c.slug)) return chosen_campaign{c.slug, std::nullopt};
    return std::nullopt;
}

std::string frame_ancestors(card_request const& req) {
    if (!req.partner) return "*";
    if (req.partner->origins.empty()) return "'none'";
    std::string out;
    for (auto const& o : req.partner->origins) out += (out.empty() ? "" : " ") + o;
    return out;
}

std::string card_policy(published::site const& s, std::string_view accent_style, std::string_view ancestors) {
    std::string csp = "default-src 'none'; script-src " + s.card_script_source + "; style-src " + s.card_style_source;
    if (!accent_style.empty()) csp += " " + published::csp_hash_source(accent_style);
    csp += "; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors ";
    csp.append(ancestors);
    return csp;
}

} // namespace farol::handlers::embed
