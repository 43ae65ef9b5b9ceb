#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace farol::http {

using field_list = std::vector<std::pair<std::string, std::string>>;

// A Cookie header (RFC 6265 §4.2.1, "a=b; c=d") as name/value pairs in the order sent; quoted
// values are unquoted and pairs without a name or an '=' are skipped. Never throws on client input.
field_list parse_cookies(std::string_view header);

// An application/x-www-form-urlencoded body (WHATWG URL §5.1, through Boost.URL): '+' is a space,
// percent-escapes are decoded. nullopt when an escape is malformed, so the caller answers 400.
std::optional<field_list> parse_form(std::string_view body);

// The first value of `name`, if any.
std::optional<std::string_view> find_field(field_list const& fields, std::string_view name);

} // namespace farol::http
