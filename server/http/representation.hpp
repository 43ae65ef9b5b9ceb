#pragma once
#include "http/body.hpp"
#include "http/request_context.hpp"

#include <optional>
#include <string_view>
#include <utility>
#include <string>

namespace farol::http {

// One resource's bytes, encoded once ahead of time, with a strong ETag per encoding.
struct representation {
    struct encoded {
        shared_bytes bytes;
        std::string etag;
    };
    std::string content_type;
    std::string cache_control;
    std::string content_disposition; // empty: none
    encoded identity;
    std::optional<encoded> gzip;
    std::optional<encoded> br;
    int br_quality = 0; // brotli quality of `br`; 11 is the best ratio
};

constexpr int best_brotli_quality = 11;

// Compresses (gzip and brotli) when the type is textual and it pays off; the ETag is the content hash.
// A lower brotli quality (with gzip at level 1) builds much faster (4: ~50x) for ~15% more bytes; the
// ETags say which bytes these are.
representation make_representation(shared_bytes bytes, std::string content_type, std::string cache_control,
                                   int brotli_quality = best_brotli_quality);

// The variant to send for an Accept-Encoding value, and its Content-Encoding ("" for identity).
std::pair<representation::encoded const&, std::string_view> choose_variant(representation const& rep,
                                                                           std::string_view accept_encoding);

// Answers GET/HEAD for a representation: encoding by Accept-Encoding, If-None-Match -> 304,
// one byte range -> 206 (If-Range honoured), unsatisfiable -> 416. Its headers are prebuilt lines
// (payload::head_lines), not Beast fields: return the response as it is.
response serve(request_context const& ctx, representation const& rep);

} // namespace farol::http
