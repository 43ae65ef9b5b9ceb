#pragma once

#include "http/response.hpp"

#include <string>
#include <string_view>

namespace farol::test {

// A header of a response: one the handler set as a Beast field, or one of a served representation's
// prebuilt lines (payload::head_lines), which Beast's fields do not see. "" when it has neither.
inline std::string response_header(http::response const& res, std::string_view name) {
    if (res.find(name) != res.end()) return std::string(res[name]);
    auto const& lines = res.body().head_lines;
    auto const at = lines.find(std::string(name) + ": ");
    if (at == std::string::npos) return {};
    auto const from = at + name.size() + 2;
    return lines.substr(from, lines.find("\r\n", from) - from);
}

} // namespace farol::test
