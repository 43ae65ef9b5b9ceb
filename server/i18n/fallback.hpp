#pragma once
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace farol::i18n {

// Content language -> the languages to try after it, in order.
using fallback_map = std::map<std::string, std::vector<std::string>, std::less<>>;

// Parses "ht:fr es:pt-BR" or "ht:fr,en"; throws std::invalid_argument naming the bad entry.
fallback_map parse_fallbacks(std::string_view spec);

// Languages to try, in order, for content requested in lang: lang, its fallbacks, then default_language; no repeats.
std::vector<std::string> fallback_chain(std::string_view lang, fallback_map const& map,
                                        std::string_view default_language);

} // namespace farol::i18n
