#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace farol::content {

// RFC 3339 in UTC as bundles write it: YYYY-MM-DDTHH:MM:SS[.fraction]Z (1-9 fraction digits).
// nullopt for anything else, including impossible dates and times outside system_clock's range.
std::optional<std::chrono::system_clock::time_point> parse_utc_timestamp(std::string_view s);

// The inverse: whole seconds without a fraction, otherwise the shortest exact fraction.
std::string format_utc_timestamp(std::chrono::system_clock::time_point t);

} // namespace farol::content
