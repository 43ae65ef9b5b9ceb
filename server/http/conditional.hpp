#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace farol::http {

// If-None-Match uses weak comparison (RFC 9110 13.1.2); "*" matches any current representation.
bool if_none_match_matches(std::string_view header, std::string_view etag);

// If-Range needs a strong match against the current ETag (dates are not honoured: we never send Last-Modified).
bool if_range_matches(std::string_view header, std::string_view etag);

struct byte_range {
    std::uint64_t first;
    std::uint64_t last; // inclusive
    std::uint64_t length() const { return last - first + 1; }
};

struct range_result {
    enum kind_t { ignore, satisfiable, unsatisfiable } kind = ignore;
    byte_range range{};
};

// One "bytes=" range. Syntax errors and multi-range requests are ignored (a full 200 is valid).
range_result parse_range(std::string_view header, std::uint64_t size);

// The content coding to send: "br", "gzip" or "" (identity), from an Accept-Encoding header.
std::string_view choose_encoding(std::string_view accept_encoding, bool have_br, bool have_gzip);

} // namespace farol::http
