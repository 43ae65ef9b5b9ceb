#pragma once
#include "http/request_context.hpp"

#include <optional>

namespace farol::http {

// Checks the fields of a request head, once, before routing:
// - HTTP/1.1 without Host, more than one Host, or a Host that is not uri-host [":" port] → 400
//   (RFC 9112 §3.2);
// - a repeated singleton field that Farol acts on (Range, If-Range, If-Modified-Since,
//   If-Unmodified-Since, Content-Type, Authorization) → 400, since which copy counts would be a guess;
// - list-valued fields sent on several lines are joined into one comma-separated line, which means
//   the same (RFC 9110 §5.2-5.3), so every later lookup sees the whole list.
std::optional<request_error> check_and_join_fields(request& req);

// Every line of a field, in the order received, joined with `separator` (", " for a list field,
// "; " for Cookie); for fields Beast has no code for (X-Forwarded-For), by name.
std::string field_lines(request const& req, field f, std::string_view separator = ", ");
std::string field_lines(request const& req, std::string_view name, std::string_view separator = ", ");

} // namespace farol::http
