#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace farol::util {

bool iequals(std::string_view a, std::string_view b);
std::string to_lower(std::string_view s);
std::string_view trim(std::string_view s);
// Splits on `sep`, trimming each piece; empty pieces are kept.
std::vector<std::string_view> split(std::string_view s, char sep);
bool starts_with(std::string_view s, std::string_view prefix);

} // namespace farol::util

namespace farol::util {
// The text with every invalid UTF-8 sequence replaced by U+FFFD, so it can be echoed into a page.
std::string to_valid_utf8(std::string_view s);
} // namespace farol::util
