#pragma once
#include "http/body.hpp"
#include "http/request_context.hpp"

#include <optional>
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
// A lower brotli quality builds much faster (5: ~20x) for ~10% more bytes; its ETag says which it is.
representation make_representation(shared_bytes bytes, std::string content_type, std::string cache_control,
                                   int brotli_quality = best_brotli_quality);

// Answers GET/HEAD for a representation: encoding by Accept-Encoding, If-None-Match -> 304,
// one byte range -> 206 (If-Range honoured), unsatisfiable -> 416.
response serve(request_context const& ctx, representation const& rep);

} // namespace farol::http
