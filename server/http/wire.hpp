#pragma once
#include "http/body.hpp"

#include <string>
#include <string_view>

namespace farol::http {

// A response head as sent: status line, Beast's fields, the payload's prebuilt lines, then
// whatever the caller adds, then the blank line. Written into one buffer a connection reuses.
void append_status_line(response const& res, std::string& out);
void append_fields(response const& res, std::string& out);
void append_field(std::string_view name, std::string_view value, std::string& out);

// Status line, fields, prebuilt lines and the blank line: the whole head of `res`.
void append_head(response const& res, std::string& out);

} // namespace farol::http
