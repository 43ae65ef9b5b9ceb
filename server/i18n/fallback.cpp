#include "i18n/fallback.hpp"

#include "i18n/language_tag.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <stdexcept>

namespace farol::i18n {

namespace {

std::invalid_argument bad(std::string_view entry, std::string_view reason) {
    return std::invalid_argument("fallback entry \"" + std::string(entry) + "\": " + std::string(reason));
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The next space-separated word of s, removed from s.
std::string_view next_word(std::string_view& s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    std::size_t end = 0;
    while (end < s.size() && !is_space(s[end])) ++end;
    auto const word = s.substr(0, end);
    s.remove_prefix(end);
    return word;
}

bool contains(std::vector<std::string> const& tags, std::string_view tag) {
    return std::any_of(tags.begin(), tags.end(), [&](std::string const& t) { return util::iequals(t, tag); });
}

} // namespace

fallback_map parse_fallbacks(std::string_view spec) {
    fallback_map map;
    for (auto entry = next_word(spec); !entry.empty(); entry = next_word(spec)) {
        auto const colon = entry.find(':');
        if (colon == std::string_view::npos) throw bad(entry, "expected lang:fallback[,fallback...]");
        auto const lang = entry.substr(0, colon);
        if (!valid_language_tag(lang)) throw bad(entry, "\"" + std::string(lang) + "\" is not a language tag");
        if (std::any_of(map.begin(), map.end(), [&](auto const& e) { return util::iequals(e.first, lang); }))
            throw bad(entry, "\"" + std::string(lang) + "\" is given more than once");
        std::vector<std::string> fallbacks;
        for (auto const fallback : util::split(entry.substr(colon + 1), ',')) {
            if (!valid_language_tag(fallback))
                throw bad(entry, "\"" + std::string(fallback) + "\" is not a language tag");
            if (util::iequals(fallback, lang)) throw bad(entry, "a language cannot fall back to itself");
            if (!contains(fallbacks, fallback)) fallbacks.emplace_back(fallback);
        }
        map.emplace(lang, std::move(fallbacks));
    }
    return map;
}

std::vector<std::string> fallback_chain(std::string_view lang, fallback_map const& map,
                                        std::string_view default_language) {
    std::vector<std::string> chain{std::string(lang)};
    if (auto const it = map.find(lang); it != map.end())
        for (auto const& fallback : it->second)
            if (!contains(chain, fallback)) chain.push_back(fallback);
    if (!contains(chain, default_language)) chain.emplace_back(default_language);
    return chain;
}

} // namespace farol::i18n
