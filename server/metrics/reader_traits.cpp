#include "metrics/reader_traits.hpp"

#include "metrics/agent_words.hpp"
#include "util/strings.hpp"

#include <boost/url/parse.hpp>

#include <algorithm>
#include <array>
#include <initializer_list>

namespace farol::metrics {

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_letters(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return lower(c) >= 'a' && lower(c) <= 'z'; });
}

} // namespace

device_class classify_device(std::string_view user_agent, std::string_view sec_ch_ua_mobile) {
    if (util::trim(sec_ch_ua_mobile) == "?1") return device_class::phone;
    return device_of_user_agent(user_agent);
}

device_class classify_device(device_class from_user_agent, std::string_view sec_ch_ua_mobile) {
    return util::trim(sec_ch_ua_mobile) == "?1" ? device_class::phone : from_user_agent;
}

namespace {

device_class device_of(agent_word_set const& has) {
    if (has[word("ipad")]) return device_class::tablet;
    for (auto w : {word("iphone"), word("ipod"), word("opera mini"), word("opera mobi"), word("kaios"),
                   word("windows phone"), word("blackberry"), word("bb10")})
        if (has[w]) return device_class::phone;
    for (auto w : {word("kindle"), word("silk/"), word("playbook"), word("tablet")})
        if (has[w]) return device_class::tablet;
    bool const mobi = has[word("mobi")];
    if (has[word("android")] && !mobi) return device_class::tablet;
    return mobi ? device_class::phone : device_class::desktop;
}

bool is_preview(agent_word_set const& has) {
    for (auto i = first_preview_word; i < agent_words.size(); ++i)
        if (has[i]) return true;
    return false;
}

} // namespace

device_class device_of_user_agent(std::string_view user_agent) { return device_of(find_agent_words(user_agent)); }

bool is_link_preview(std::string_view user_agent) { return is_preview(find_agent_words(user_agent)); }

user_agent_class read_user_agent(std::string_view user_agent) {
    auto const has = find_agent_words(user_agent);
    return {is_preview(has), device_of(has)};
}

namespace {

// Whether a comma-separated list (parameters after ';' ignored) has an item whose token is one of words.
bool lists_any(std::string_view header, std::initializer_list<std::string_view> words) {
    if (header.empty()) return false; // nearly every request: none of these headers is sent
    for (auto item : util::pieces(header, ',')) {
        auto const token = util::trim(item.substr(0, item.find(';')));
        for (auto w : words)
            if (util::iequals(token, w)) return true;
    }
    return false;
}

} // namespace

bool is_prefetch(std::string_view sec_purpose, std::string_view purpose, std::string_view x_purpose,
                 std::string_view x_moz) {
    if (sec_purpose.empty() && purpose.empty() && x_purpose.empty() && x_moz.empty()) return false; // the usual case
    return lists_any(sec_purpose, {"prefetch", "prerender"}) || lists_any(purpose, {"prefetch", "prerender"}) ||
           lists_any(x_purpose, {"preview", "prefetch"}) || lists_any(x_moz, {"prefetch"});
}

bool counts_as_download(bool is_get, std::string_view range_header) {
    if (!is_get) return false;
    auto const header = util::trim(range_header);
    if (header.empty()) return true;
    auto const eq = header.find('=');
    if (eq == std::string_view::npos || !util::iequals(util::trim(header.substr(0, eq)), "bytes")) return true;
    std::string_view first;
    for (auto spec : util::pieces(header.substr(eq + 1), ','))
        if (!spec.empty()) { first = spec; break; } // RFC 9110 §5.6.1: empty list elements are ignored
    auto const dash = first.find('-');
    if (dash == std::string_view::npos) return true; // malformed: the whole file is sent
    auto const from = util::trim(first.substr(0, dash));
    auto const to = util::trim(first.substr(dash + 1));
    if (from.empty()) return !is_digits(to); // a suffix range is a tail; "bytes=-" is malformed
    if (!is_digits(from) || (!to.empty() && !is_digits(to))) return true;
    bool const starts_at_zero = from.find_first_not_of('0') == std::string_view::npos;
    if (starts_at_zero) return true;
    // "bytes=5-2" (last before first) is malformed too: the server ignores it and sends everything.
    auto const unpadded = [](std::string_view d) { return d.substr(std::min(d.find_first_not_of('0'), d.size())); };
    auto const a = unpadded(from), b = unpadded(to); // compared as digit strings: no overflow
    return !to.empty() && (b.size() < a.size() || (b.size() == a.size() && b < a));
}

namespace {

bool starts_with_ci(std::string_view s, std::string_view prefix_lower) {
    return s.size() >= prefix_lower.size() && util::iequals(s.substr(0, prefix_lower.size()), prefix_lower);
}

// host is domain or one of its subdomains ("l.facebook.com" is under "facebook.com"; "notfacebook.com" is not).
bool is_or_under(std::string_view host, std::string_view domain) {
    if (host.size() < domain.size() || !util::iequals(host.substr(host.size() - domain.size()), domain)) return false;
    return host.size() == domain.size() || host[host.size() - domain.size() - 1] == '.';
}

bool is_or_under_any(std::string_view host, std::initializer_list<std::string_view> domains) {
    return std::any_of(domains.begin(), domains.end(), [&](std::string_view d) { return is_or_under(host, d); });
}

// brand.<tld>, brand.com.<cc> or brand.co.<cc>, optionally after "www.": a search engine's national sites.
bool is_national_site(std::string_view host, std::string_view brand) {
    if (starts_with_ci(host, "www.")) host.remove_prefix(4);
    if (!starts_with_ci(host, brand) || host.size() <= brand.size() || host[brand.size()] != '.') return false;
    auto const rest = host.substr(brand.size() + 1);
    auto const dot = rest.find('.');
    auto const cc = dot == std::string_view::npos ? rest : rest.substr(dot + 1);
    if (dot != std::string_view::npos && !util::iequals(rest.substr(0, dot), "com") &&
        !util::iequals(rest.substr(0, dot), "co"))
        return false;
    return cc.size() >= 2 && cc.size() <= 3 && is_letters(cc);
}

bool is_search_engine(std::string_view host) {
    return is_national_site(host, "google") || is_national_site(host, "yandex") ||
           is_or_under_any(host, {"bing.com", "duckduckgo.com", "search.yahoo.com", "baidu.com", "ecosia.org",
                                  "search.brave.com", "startpage.com", "qwant.com",
                                  "com.google.android.googlequicksearchbox"});
}

// The host part of own_host ("example.org:8080" → "example.org", "[::1]:80" → "[::1]").
std::string_view host_only(std::string_view host_port) {
    if (host_port.starts_with('[')) return host_port.substr(0, host_port.find(']') + 1);
    return host_port.substr(0, host_port.find(':'));
}

std::string_view without_final_dot(std::string_view host) {
    if (host.ends_with('.')) host.remove_suffix(1);
    return host;
}

source_kind kind_of_host(std::string_view host) {
    if (is_or_under_any(host, {"whatsapp.com", "wa.me", "whatsapp.net"})) return source_kind::whatsapp;
    if (is_or_under_any(host, {"facebook.com", "fb.com", "fb.me", "messenger.com", "m.me"})) return source_kind::facebook;
    if (is_search_engine(host)) return source_kind::search;
    return source_kind::other;
}

bool is_partner_id(std::string_view id) {
    return !id.empty() && id.size() <= 40 && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

} // namespace

referer_facts read_referer(std::string_view referer, std::string_view own_host) {
    referer = util::trim(referer);
    if (referer.empty()) return {};
    auto const url = boost::urls::parse_uri(referer);
    if (!url || !url->has_authority()) return {};
    auto const encoded = url->encoded_host();
    auto const host = without_final_dot(std::string_view(encoded.data(), encoded.size()));
    if (host.empty()) return {};
    if (!util::iequals(host, without_final_dot(host_only(own_host)))) return {kind_of_host(host), false};
    auto const path = url->encoded_path();
    return {source_kind::direct, std::string_view(path.data(), path.size()).starts_with("/editor/")};
}

source categorize_source(std::string_view src_param, source_kind referer_kind,
                         std::function<bool(std::string_view)> const& is_partner) {
    if (src_param.empty()) return {referer_kind, {}};
    if (src_param.size() > 8 && util::iequals(src_param.substr(0, 8), "partner:")) { // the widget's links
        auto const id = util::to_lower(src_param.substr(8));
        if (is_partner_id(id) && is_partner && is_partner(id)) return {source_kind::partner, id};
    } else if (src_param.size() <= 40) {
        auto const id = util::to_lower(src_param);
        if (id == "qr") return {source_kind::qr, {}};
        if (id == "whatsapp") return {source_kind::whatsapp, {}};
        if (id == "facebook") return {source_kind::facebook, {}};
        if (is_partner_id(id) && is_partner && is_partner(id)) return {source_kind::partner, id};
    }
    return {referer_kind, {}};
}

source categorize_source(std::string_view src_param, std::string_view referer, std::string_view own_host,
                         std::function<bool(std::string_view)> const& is_partner) {
    return categorize_source(src_param, read_referer(referer, own_host).kind, is_partner);
}

bool from_editor_page(std::string_view referer, std::string_view own_host) {
    return read_referer(referer, own_host).editor_page;
}

std::string_view to_string(device_class d) {
    switch (d) {
    case device_class::phone: return "phone";
    case device_class::tablet: return "tablet";
    case device_class::desktop: return "desktop";
    }
    return "desktop";
}

std::string_view to_string(source_kind k) {
    switch (k) {
    case source_kind::direct: return "direct";
    case source_kind::partner: return "partner";
    case source_kind::qr: return "qr";
    case source_kind::whatsapp: return "whatsapp";
    case source_kind::facebook: return "facebook";
    case source_kind::search: return "search";
    case source_kind::other: return "other";
    }
    return "other";
}

} // namespace farol::metrics
