#include "i18n/negotiate.hpp"

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
    std::string_view tag;
    int weight; // thousandths, so that "0.5" and "0.500" compare equal
};

// RFC 9110 qvalue: ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ).
std::optional<int> parse_qvalue(std::string_view v) {
    if (v.empty() || v.size() > 5 || (v[0] != '0' && v[0] != '1')) return std::nullopt;
    int weight = (v[0] - '0') * 1000;
    if (v.size() == 1) return weight;
    if (v[1] != '.') return std::nullopt;
    int scale = 100;
    for (char c : v.substr(2)) {
        if (c < '0' || c > '9') return std::nullopt;
        weight += (c - '0') * scale;
        scale /= 10;
    }
    if (weight > 1000) return std::nullopt;
    return weight;
}

// One list member: language-range [ OWS ";" OWS "q=" qvalue ]; nullopt when malformed or '*'.
std::optional<range> parse_range(std::string_view member) {
    auto const semicolon = member.find(';');
    auto const tag = util::trim(member.substr(0, semicolon));
    if (tag.size() > max_tag_size || !valid_language_tag(tag)) return std::nullopt;
    if (semicolon == std::string_view::npos) return range{tag, 1000};
    auto const param = util::trim(member.substr(semicolon + 1));
    if (param.size() < 2 || (param[0] != 'q' && param[0] != 'Q') || param[1] != '=') return std::nullopt;
    auto const weight = parse_qvalue(param.substr(2));
    if (!weight) return std::nullopt;
    return range{tag, *weight};
}

// The acceptable ranges, best first; equal weights keep the header's order.
std::vector<range> parse_header(std::string_view header) {
    std::vector<range> out;
    std::size_t seen = 0;
    while (!header.empty() && seen < max_entries) {
        auto const comma = header.find(',');
        auto const member = util::trim(header.substr(0, comma));
        header.remove_prefix(comma == std::string_view::npos ? header.size() : comma + 1);
        if (member.empty()) continue; // RFC 9110 5.6.1: empty list elements do not count
        ++seen;
        if (auto r = parse_range(member); r && r->weight > 0) out.push_back(*r);
    }
    std::stable_sort(out.begin(), out.end(), [](range const& a, range const& b) { return a.weight > b.weight; });
    return out;
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

// First the reader's most preferred language that some available tag shares (pt-PT -> pt-BR before en), since
// ICU alone demotes each later entry and gives up after about ten; then ICU's whole-list choice, which also
// accepts related languages (ca -> es).
std::optional<std::string> best_match(std::vector<range> const& ranges, std::vector<std::string> const& available) {
    std::vector<icu::Locale> desired;
    for (auto const& r : ranges) {
        auto locale = detail::locale_for(r.tag);
        if (!locale.isBogus() && *locale.getLanguage() != '\0') desired.push_back(std::move(locale));
    }
    auto const* cache = desired.empty() ? nullptr : matcher_for(available);
    if (!cache) return std::nullopt;
    UErrorCode ec = U_ZERO_ERROR;
    for (auto const& locale : desired) {
        auto const result = cache->matcher->getBestMatchResult(locale, ec);
        auto const* match = result.getSupportedLocale();
        if (U_SUCCESS(ec) && match && std::string_view(match->getLanguage()) == locale.getLanguage())
            return supported(*cache, result, available);
    }
    icu::Locale::RangeIterator<std::vector<icu::Locale>::const_iterator> it(desired.begin(), desired.end());
    auto const result = cache->matcher->getBestMatchResult(it, ec);
    if (U_FAILURE(ec)) return std::nullopt;
    return supported(*cache, result, available);
}

} // namespace

std::optional<std::string> negotiate(std::string_view accept_language, std::vector<std::string> const& available) {
    try {
        return best_match(parse_header(accept_language), available);
    } catch (std::exception const&) {
        return std::nullopt; // only allocation can fail here; a missing language choice is no reason to fail
    }
}

} // namespace farol::i18n
