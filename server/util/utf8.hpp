#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace farol::util {

// Well-formed UTF-8 as Unicode 15 §3.9 table 3-7 defines it: no overlongs, no surrogates, nothing
// above U+10FFFF. The one validator every module uses (bundles, search, request input).

// Length (1-4) of the well-formed sequence starting at s[i], or 0 if none starts there.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);

// Offset of the first byte that does not start a well-formed sequence, or npos.
std::size_t find_invalid_utf8(std::string_view s);

// The text with each byte that is not part of a well-formed sequence replaced by `replacement`
// (U+FFFD by default), so it can be echoed into a page or handed to a tokenizer.
std::string to_valid_utf8(std::string_view s, std::string_view replacement = "\xEF\xBF\xBD");

// Number of code points in valid UTF-8 (continuation bytes are not counted).
std::size_t code_points(std::string_view s);

} // namespace farol::util
