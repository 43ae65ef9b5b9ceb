#pragma once
#include "http/request_context.hpp"

#include <cstdint>
#include <optional>
#include <string_view>

namespace farol::http {

// If-None-Match uses weak comparison (RFC 9110 13.1.2); "*" matches any current representation.
bool if_none_match_matches(std::string_view header, std::string_view etag);

// If-Match uses strong comparison over a list; "*" matches any current representation (RFC 9110 §13.1.1).
bool if_match_matches(std::string_view header, std::string_view etag);

// The outcome of RFC 9110 §13.2.2 steps 1-4 for the selected representation.
enum class precondition { proceed, not_modified, failed };

// Evaluates If-Match, then If-None-Match, in §13.2.2's order, against the selected representation's
// strong ETag. Farol sends no Last-Modified, so If-Unmodified-Since and If-Modified-Since are ignored
// (§13.1.3-4: no modification date). failed is a 412; not_modified a 304 (GET and HEAD only: If-None-Match
// on other methods fails). Step 5, If-Range, is range_applies().
precondition evaluate_preconditions(request_context const& ctx, std::string_view etag);

// Whether a Range header may be honoured: no If-Range, or an If-Range that strongly matches (§13.1.5).
bool range_applies(request_context const& ctx, std::string_view etag);

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
