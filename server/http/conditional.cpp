#include "http/conditional.hpp"

#include "http/weighted_list.hpp"
#include "util/strings.hpp"

#include <algorithm>

#include <charconv>
#include <string>

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

} // namespace

bool if_none_match_matches(std::string_view header, std::string_view etag) {
    if (util::trim(header) == "*") return true;
    for (auto tag : util::pieces(header, ','))
        if (!tag.empty() && opaque(tag) == opaque(etag)) return true;
    return false;
}

bool if_match_matches(std::string_view header, std::string_view etag) {
    if (util::trim(header) == "*") return true;
    if (etag.substr(0, 2) == "W/") return false;
    for (auto tag : util::pieces(header, ','))
        if (tag == etag) return true; // a weak tag ("W/...") never equals a strong one
    return false;
}

precondition evaluate_preconditions(request_context const& ctx, std::string_view etag) {
    if (auto im = ctx.header(field::if_match); !im.empty() && !if_match_matches(im, etag)) return precondition::failed;
    if (auto inm = ctx.header(field::if_none_match); !inm.empty() && if_none_match_matches(inm, etag))
        return ctx.method == verb::get || ctx.method == verb::head ? precondition::not_modified : precondition::failed;
    return precondition::proceed;
}

bool range_applies(request_context const& ctx, std::string_view etag) {
    auto const if_range = ctx.header(field::if_range);
    return if_range.empty() || if_range_matches(if_range, etag);
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

namespace {

// Weights in thousandths; -1: the coding is not named.
struct coding_weights {
    int br = -1, gzip = -1, identity = -1, star = -1;
};

coding_weights parse_codings(std::string_view accept_encoding) {
    coding_weights w;
    for (auto item : util::pieces(accept_encoding, ',')) {
        auto const m = parse_weighted_member(item);
        if (!m) continue;
        auto const is = [&](std::string_view name) { return util::iequals(m->value, name); };
        int* slot = is("br") ? &w.br : is("gzip") || is("x-gzip") ? &w.gzip : is("identity") ? &w.identity
                  : m->value == "*" ? &w.star : nullptr;
        if (slot && *slot < 0) *slot = m->weight; // the first mention of a coding counts
    }
    return w;
}

// A browser sends the same Accept-Encoding on every request: parse each distinct value once per thread.
coding_weights const& cached_codings(std::string_view accept_encoding) {
    constexpr std::size_t max_cached = 256;
    thread_local std::string last_header;
    thread_local coding_weights last = parse_codings({});
    if (accept_encoding.size() > max_cached) {
        thread_local coding_weights uncached;
        return uncached = parse_codings(accept_encoding);
    }
    if (accept_encoding != last_header) {
        last = parse_codings(accept_encoding);
        last_header.assign(accept_encoding);
    }
    return last;
}

} // namespace

std::string_view choose_encoding(std::string_view accept_encoding, bool have_br, bool have_gzip) {
    auto const& w = cached_codings(accept_encoding);
    // "*" stands for every coding not named; a named q=0 stays refused (RFC 9110 §12.5.3).
    auto const weight = [&](int named) { return named >= 0 ? named : w.star >= 0 ? w.star : 0; };
    int const q_br = have_br ? weight(w.br) : 0;
    int const q_gzip = have_gzip ? weight(w.gzip) : 0;
    int const best = std::max(q_br, q_gzip);
    // Identity is acceptable unless excluded, but only an explicit higher weight prefers it to compression.
    if (best == 0 || best < w.identity) return "";
    return q_br >= q_gzip ? "br" : "gzip";
}

} // namespace farol::http
