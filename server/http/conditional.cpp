#include "http/conditional.hpp"

#include "util/strings.hpp"

#include <charconv>

namespace farol::http {

namespace {

std::string_view opaque(std::string_view tag) {
    if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
    return tag;
}

bool parse_u64(std::string_view s, std::uint64_t& out) {
    if (s.empty() || s.size() > 19) return false;
    auto const* end = s.data() + s.size();
    auto [p, ec] = std::from_chars(s.data(), end, out);
    return ec == std::errc{} && p == end;
}

double quality(std::string_view params) {
    // params is what follows the coding name, e.g. ";q=0.5"
    for (auto p : util::pieces(params, ';')) {
        if (p.size() > 2 && (p[0] == 'q' || p[0] == 'Q') && p[1] == '=') {
            double q = 0;
            auto [ptr, ec] = std::from_chars(p.data() + 2, p.data() + p.size(), q);
            if (ec != std::errc{} || ptr != p.data() + p.size() || q < 0 || q > 1) return 0;
            return q;
        }
    }
    return 1;
}

} // namespace

bool if_none_match_matches(std::string_view header, std::string_view etag) {
    if (util::trim(header) == "*") return true;
    for (auto tag : util::pieces(header, ','))
        if (!tag.empty() && opaque(tag) == opaque(etag)) return true;
    return false;
}

bool if_range_matches(std::string_view header, std::string_view etag) {
    header = util::trim(header);
    return header.substr(0, 2) != "W/" && etag.substr(0, 2) != "W/" && header == etag;
}

range_result parse_range(std::string_view header, std::uint64_t size) {
    header = util::trim(header);
    if (!util::iequals(header.substr(0, 6), "bytes=")) return {};
    std::string_view spec = util::trim(header.substr(6));
    if (spec.find(',') != std::string_view::npos) return {};
    auto const dash = spec.find('-');
    if (dash == std::string_view::npos) return {};
    auto const a = util::trim(spec.substr(0, dash));
    auto const b = util::trim(spec.substr(dash + 1));
    std::uint64_t first = 0, last = 0;
    if (a.empty()) { // suffix: the last N bytes
        if (!parse_u64(b, last)) return {};
        if (last == 0 || size == 0) return {range_result::unsatisfiable};
        std::uint64_t const n = last < size ? last : size;
        return {range_result::satisfiable, {size - n, size - 1}};
    }
    if (!parse_u64(a, first)) return {};
    if (b.empty()) last = size ? size - 1 : 0;
    else if (!parse_u64(b, last) || last < first) return {};
    if (first >= size) return {range_result::unsatisfiable};
    if (last >= size) last = size - 1;
    return {range_result::satisfiable, {first, last}};
}

std::string_view choose_encoding(std::string_view accept_encoding, bool have_br, bool have_gzip) {
    double q_br = 0, q_gzip = 0, q_star = -1;
    for (auto item : util::pieces(accept_encoding, ',')) {
        auto const semi = item.find(';');
        auto const name = util::trim(item.substr(0, semi));
        double const q = semi == std::string_view::npos ? 1.0 : quality(item.substr(semi));
        if (util::iequals(name, "br")) q_br = q;
        else if (util::iequals(name, "gzip") || util::iequals(name, "x-gzip")) q_gzip = q;
        else if (name == "*") q_star = q;
    }
    if (q_star >= 0) {
        if (q_br == 0 && accept_encoding.find("br") == std::string_view::npos) q_br = q_star;
        if (q_gzip == 0 && accept_encoding.find("gzip") == std::string_view::npos) q_gzip = q_star;
    }
    if (have_br && q_br > 0 && q_br >= q_gzip) return "br";
    if (have_gzip && q_gzip > 0) return "gzip";
    if (have_br && q_br > 0) return "br";
    return "";
}

} // namespace farol::http
