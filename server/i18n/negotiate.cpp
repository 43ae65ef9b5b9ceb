#include "i18n/negotiate.hpp"

#include "http/weighted_list.hpp"
#include "i18n/icu_support.hpp"
#include "i18n/language_tag.hpp"
#include "util/strings.hpp"

#include <unicode/localematcher.h>

#include <algorithm>

namespace farol::i18n {

namespace {

constexpr std::size_t max_entries = 32;  // a real browser sends a handful; the rest is noise or an attack
constexpr std::size_t max_tag_size = 64; // long enough for any real tag, short enough to keep ICU's work small

struct range {
    std::string_view tag; // a language range; "*" is the wildcard
    int weight;           // thousandths, so that "0.5" and "0.500" compare equal
};

// What the reader asked for: acceptable ranges best first (equal weights keep the header's order),
// and the ranges refused with q=0.
struct preferences {
    std::vector<range> wanted;
    std::vector<std::string_view> refused;
};

preferences parse_header(std::string_view header) {
    preferences out;
    std::size_t seen = 0;
    for (auto member : util::pieces(header, ',')) {
        if (member.empty()) continue; // RFC 9110 5.6.1: empty list elements do not count
        if (++seen > max_entries) break;
        auto const m = http::parse_weighted_member(member);
        if (!m || (m->value != "*" && (m->value.size() > max_tag_size || !valid_language_tag(m->value)))) continue;
        if (m->weight == 0) out.refused.push_back(m->value);
        else out.wanted.push_back({m->value, m->weight});
    }
    std::stable_sort(out.wanted.begin(), out.wanted.end(), [](range const& a, range const& b) { return a.weight > b.weight; });
    return out;
}

// RFC 4647 §3.3.1 basic filtering: the range is the tag, or a prefix of it ending where a subtag ends.
bool range_matches(std::string_view range, std::string_view tag) {
    if (range == "*") return true;
    return tag.size() >= range.size() && util::iequals(tag.substr(0, range.size()), range) &&
           (tag.size() == range.size() || tag[range.size()] == '-');
}

// Refused by a q=0 range naming it (pt-BR;q=0, or pt;q=0 for every Portuguese). "*;q=0" refuses only
// what nothing named, which is the wildcard steps' business.
bool refused(preferences const& p, std::string_view tag) {
    return std::any_of(p.refused.begin(), p.refused.end(),
                       [&](std::string_view r) { return r != "*" && range_matches(r, tag); });
}

// Named by some range of the header other than "*", accepted or refused.
bool named(preferences const& p, std::string_view tag) {
    auto const names = [&](std::string_view r) { return r != "*" && range_matches(r, tag); };
    return std::any_of(p.refused.begin(), p.refused.end(), names) ||
           std::any_of(p.wanted.begin(), p.wanted.end(), [&](range const& r) { return names(r.tag); });
}

// A matcher for one `available` list, kept per thread because building one costs milliseconds.
struct matcher_cache {
    std::vector<std::string> available;
    std::vector<std::size_t> index; // ICU's supported index -> index in available (bad tags are left out)
    std::optional<icu::LocaleMatcher> matcher;
};

matcher_cache const* matcher_for(std::vector<std::string> const& available) {
    thread_local matcher_cache cache;
    if (cache.matcher && cache.available == available) return &cache;
    cache.matcher.reset();
    cache.index.clear();
    icu::LocaleMatcher::Builder builder;
    for (std::size_t i = 0; i < available.size(); ++i) {
        auto const locale = detail::locale_for(available[i]);
        if (locale.isBogus() || available[i].empty()) continue;
        builder.addSupportedLocale(locale);
        cache.index.push_back(i);
    }
    builder.setNoDefaultLocale();
    UErrorCode ec = U_ZERO_ERROR;
    auto matcher = builder.build(ec);
    if (U_FAILURE(ec)) return nullptr;
    cache.matcher.emplace(std::move(matcher));
    cache.available = available;
    return &cache;
}

std::optional<std::string> supported(matcher_cache const& cache, icu::LocaleMatcher::Result const& result,
                                     std::vector<std::string> const& available) {
    auto const i = result.getSupportedIndex();
    if (i < 0 || static_cast<std::size_t>(i) >= cache.index.size()) return std::nullopt;
    return available[cache.index[static_cast<std::size_t>(i)]];
}

// "*" stands for every language the header does not name (RFC 9110 §12.5.4): the first of those
// available, in the site's order (the default first).
std::optional<std::string> any_unnamed(preferences const& p, std::vector<std::string> const& available) {
    for (auto const& tag : available)
        if (!named(p, tag) && !refused(p, tag)) return tag;
    return std::nullopt;
}

// Walks the ranges best first: a language some available tag shares (pt-PT -> pt-BR before en),
// since ICU alone demotes each later entry and gives up after about ten; "*" where it stands. Then
// ICU's whole-list choice, which also accepts related languages (ca -> es). Never a refused tag.
std::optional<std::string> best_match(preferences const& p, std::vector<std::string> const& available) {
    if (p.wanted.empty()) return std::nullopt;
    auto const* cache = matcher_for(available);
    if (!cache) return std::nullopt;
    std::vector<icu::Locale> desired;
    UErrorCode ec = U_ZERO_ERROR;
    for (auto const& r : p.wanted) {
        if (r.tag == "*") {
            if (auto tag = any_unnamed(p, available)) return tag;
            continue;
        }
        auto locale = detail::locale_for(r.tag);
        if (locale.isBogus() || *locale.getLanguage() == '\0') continue;
        auto const result = cache->matcher->getBestMatchResult(locale, ec);
        auto const* match = result.getSupportedLocale();
        if (U_SUCCESS(ec) && match && std::string_view(match->getLanguage()) == locale.getLanguage())
            if (auto tag = supported(*cache, result, available); tag && !refused(p, *tag)) return tag;
        desired.push_back(std::move(locale));
    }
    if (desired.empty()) return std::nullopt;
    icu::Locale::RangeIterator<std::vector<icu::Locale>::const_iterator> it(desired.begin(), desired.end());
    auto const result = cache->matcher->getBestMatchResult(it, ec);
    if (U_FAILURE(ec)) return std::nullopt;
    auto tag = supported(*cache, result, available);
    if (tag && refused(p, *tag)) return std::nullopt;
    return tag;
}

// When nothing matched, the caller serves its default; unless the reader refused it, then the first
// language they did not refuse.
std::optional<std::string> not_refused(preferences const& p, std::vector<std::string> const& available) {
    if (available.empty() || !refused(p, available.front())) return std::nullopt;
    for (auto const& tag : available)
        if (!refused(p, tag)) return tag;
    return std::nullopt;
}

} // namespace

std::optional<std::string> negotiate(std::string_view accept_language, std::vector<std::string> const& available) {
    try {
        auto const prefs = parse_header(accept_language);
        if (auto tag = best_match(prefs, available)) return tag;
        return not_refused(prefs, available);
    } catch (std::exception const&) {
        return std::nullopt; // only allocation can fail here; a missing language choice is no reason to fail
    }
}

} // namespace farol::i18n
