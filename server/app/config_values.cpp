#include "app/config_settings.hpp"
#include "http/trusted_proxies.hpp"
#include "i18n/fallback.hpp"
#include "schedule/zone.hpp"
#include "util/strings.hpp"

#include <boost/url/parse.hpp>

#include <arpa/inet.h>

#include <array>
#include <limits>

namespace farol::app::detail {

namespace {

struct unit {
    std::string_view suffix; // lower case
    std::uint64_t factor;
};

constexpr std::uint64_t kib = 1024;
constexpr std::uint64_t mib = 1024 * kib;
constexpr std::uint64_t gib = 1024 * mib;
constexpr std::array<unit, 1> plain_units{{{"", 1}}};
constexpr std::array<unit, 8> size_units{
    {{"", 1}, {"b", 1}, {"k", kib}, {"kib", kib}, {"m", mib}, {"mib", mib}, {"g", gib}, {"gib", gib}}};
constexpr std::array<unit, 5> duration_units{{{"", 1}, {"ms", 1}, {"s", 1000}, {"m", 60000}, {"h", 3600000}}};

std::span<unit const> units_of(kind k) {
    if (k == kind::size) return size_units;
    if (k == kind::duration) return duration_units;
    return plain_units;
}

// Digits, then an optional unit from `units`; no sign, no fraction, no overflow.
std::optional<std::uint64_t> parse_scaled(std::string_view text, std::span<unit const> units) {
    text = util::trim(text);
    auto const digits = std::min(text.find_first_not_of("0123456789"), text.size());
    if (digits == 0) return std::nullopt;
    std::uint64_t n = 0;
    for (char c : text.substr(0, digits)) {
        auto const d = static_cast<std::uint64_t>(c - '0');
        if (n > (std::numeric_limits<std::uint64_t>::max() - d) / 10) return std::nullopt;
        n = n * 10 + d;
    }
    auto const suffix = util::to_lower(util::trim(text.substr(digits)));
    for (auto const& u : units) {
        if (suffix != u.suffix) continue;
        if (n > std::numeric_limits<std::uint64_t>::max() / u.factor) return std::nullopt;
        return n * u.factor;
    }
    return std::nullopt;
}

// The largest unit that divides n exactly, so the text parses back to n ("8KiB", "30s").
std::string format_scaled(std::uint64_t n, kind k) {
    if (k == kind::size) {
        for (auto const& [suffix, factor] : {unit{"GiB", gib}, unit{"MiB", mib}, unit{"KiB", kib}}) {
            if (n != 0 && n % factor == 0) return std::to_string(n / factor) + std::string(suffix);
        }
    } else if (k == kind::duration) {
        for (auto const& [suffix, factor] : {unit{"h", 3600000}, unit{"m", 60000}, unit{"s", 1000}}) {
            if (n != 0 && n % factor == 0) return std::to_string(n / factor) + std::string(suffix);
        }
        return std::to_string(n) + "ms";
    }
    return std::to_string(n);
}

std::string number_reason(setting const& s, std::string_view text) {
    std::string range = format_scaled(s.min, s.type);
    range += s.max == std::numeric_limits<std::uint64_t>::max() ? " or more" : "-" + format_scaled(s.max, s.type);
    if (s.type == kind::size) range += "; bytes, or with k/KiB, m/MiB, g/GiB";
    if (s.type == kind::duration) range += "; milliseconds, or with ms, s, m, h";
    return show(text) + " is not " + std::string(s.noun) + " (" + range + ")";
}

bool is_ip_address(std::string const& text) {
    unsigned char buffer[16];
    return inet_pton(AF_INET, text.c_str(), buffer) == 1 || inet_pton(AF_INET6, text.c_str(), buffer) == 1;
}

// Empty, or scheme://host[:port][/path] with http(s), lower-cased scheme and host, no trailing '/'.
std::string normalize_url(std::string_view text, std::string& reason) {
    if (text.empty()) return {};
    auto const parsed = boost::urls::parse_absolute_uri(text);
    if (!parsed || (parsed->scheme_id() != boost::urls::scheme::http &&
                    parsed->scheme_id() != boost::urls::scheme::https) || parsed->encoded_host().empty()) {
        reason = show(text) + " is not an absolute http or https URL (e.g. https://farol.example.org)";
        return {};
    }
    if (parsed->has_userinfo()) reason = show(text) + " must not contain a user name or password";
    if (parsed->has_query()) reason = show(text) + " must not have a query (?...)";
    if (parsed->has_fragment()) reason = show(text) + " must not have a fragment (#...)";
    if (!reason.empty()) return {};
    std::string out = util::to_lower(parsed->scheme()) + "://" + util::to_lower(parsed->encoded_host_and_port());
    out += parsed->encoded_path();
    while (out.back() == '/') out.pop_back();
    return out;
}

// Space-separated BCP 47 tags of the simple shape Farol ships: "pt-BR", "es", "ht".
bool valid_language_list(std::string_view text) {
    auto const tags = util::split(text, ' ');
    bool any = false;
    for (auto tag : tags) {
        if (tag.empty()) continue;
        auto const dash = tag.find('-');
        auto const primary = tag.substr(0, dash);
        if (primary.size() < 2 || primary.size() > 3) return false;
        for (char c : primary)
            if (c < 'a' || c > 'z') return false;
        for (char c : tag.substr(primary.size()))
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
        if (tag.back() == '-') return false;
        any = true;
    }
    return any;
}

// Empty reason means valid; text settings come only from strings, never TOML numbers or booleans.
std::string check_text(setting const& s, std::string_view text, source_type src) {
    bool const is_string = src == source_type::text;
    switch (s.type) {
    case kind::address:
        if (is_string && is_ip_address(std::string(text))) return {};
        return show(text) + " is not an IPv4 or IPv6 address (e.g. 127.0.0.1, 0.0.0.0, ::)";
    case kind::path:
        if (is_string && !text.empty() && text.find('\0') == std::string_view::npos) return {};
        return show(text) + " is not a path (expected a non-empty string)";
    case kind::log:
        if (is_string && !text.empty() && text.find('\0') == std::string_view::npos) return {};
        return show(text) + " is not a log destination (-, stderr, off or a file path)";
    case kind::languages:
        if (is_string && valid_language_list(text)) return {};
        return show(text) + " is not a list of language tags (e.g. \"pt-BR es en\")";
    case kind::fallbacks:
        if (!is_string) return show(text) + " is not a list of fallbacks (e.g. \"ht:fr\")";
        try {
            i18n::parse_fallbacks(text);
            return {};
        } catch (std::invalid_argument const& e) {
            return show(text) + " is not a list of fallbacks (e.g. \"ht:fr es:pt-BR\"): " + e.what();
        }
    case kind::networks:
        if (!is_string) return show(text) + " is not a list of addresses (e.g. \"127.0.0.1 10.0.0.0/8\")";
        try {
            http::trusted_proxies::parse(text);
            return {};
        } catch (std::invalid_argument const& e) {
            return show(text) + " is not a list of addresses and CIDR ranges: " + e.what();
        }
    case kind::zone:
        if (is_string && schedule::find_zone(text)) return {};
        return show(text) + " is not an IANA time zone (e.g. America/Sao_Paulo, Europe/Lisbon, UTC)";
    case kind::count_mode:
        if (is_string && (text == "origin" || text == "beacon")) return {};
        return show(text) + " is not a counting mode (origin or beacon)";
    default:
        return is_string ? std::string() : show(text) + " is not a URL (expected a string)";
    }
}

} // namespace

std::string show(std::string_view text) {
    constexpr std::size_t cap = 60;
    bool quote = text.empty();
    std::string body;
    for (char c : text.substr(0, cap)) {
        auto const u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f) {
            constexpr char hex[] = "0123456789abcdef";
            body += "\\x";
            body += hex[u >> 4];
            body += hex[u & 15];
            quote = true;
        } else {
            quote = quote || c == ' ' || c == '"';
            body += c;
        }
    }
    if (text.size() > cap) body += "...";
    return quote ? '"' + body + '"' : body;
}

std::string error_message(origin const& from, std::string_view key, std::string_view reason) {
    std::string const head = std::string(key) + ": " + std::string(reason);
    if (from.text.empty()) return head;
    return from.is_position ? from.text + ": " + head : head + ", from " + from.text;
}

value parse(setting const& s, std::string_view text, source_type src, origin const& from) {
    auto const fail = [&](std::string const& reason) {
        return config_error(std::string(s.key), error_message(from, s.key, reason));
    };
    if (s.type == kind::integer || s.type == kind::size || s.type == kind::duration) {
        auto const n = parse_scaled(text, units_of(s.type));
        if (!n || *n < s.min || *n > s.max) throw fail(number_reason(s, text));
        return *n;
    }
    if (auto const reason = check_text(s, text, src); !reason.empty()) throw fail(reason);
    if (s.type != kind::url) return std::string(text);
    std::string reason;
    auto normalized = normalize_url(text, reason);
    if (!reason.empty()) throw fail(reason);
    return normalized;
}

std::string format(setting const& s, value const& v) {
    if (auto const* n = std::get_if<std::uint64_t>(&v)) return format_scaled(*n, s.type);
    return std::get<std::string>(v);
}

} // namespace farol::app::detail
