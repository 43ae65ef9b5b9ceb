#pragma once
#include "util/temp_file.hpp"

#include <cstdint>
#include <string>

namespace farol::http {

// Room a route's body limit leaves around its largest file for the multipart framing and the form's
// text fields, so a file of exactly the configured size still fits.
inline constexpr std::uint64_t multipart_overhead = 64 * 1024;

// One file part of a multipart/form-data body (RFC 7578), streamed to a temporary file in the data
// directory while it arrived; the file goes when this object does, unless a handler keeps its bytes.
struct uploaded_file {
    std::string field;         // the form field's name, e.g. "file"
    std::string client_name;   // the part's filename parameter (RFC 7578 §4.2), without any directory;
                               // untrusted: for display and the extension check only
    std::string declared_type; // the part's Content-Type as sent; untrusted, never used to decide the type
    util::temp_file file;
    std::uint64_t size = 0;    // bytes
};

} // namespace farol::http
