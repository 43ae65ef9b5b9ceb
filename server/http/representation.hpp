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
    int br_quality = 0; // the brotli quality asked for (0: none); 11 is the best ratio
    bool varies = false; // Vary: Accept-Encoding even when only identity is held (made per request)
};

constexpr int best_brotli_quality = 11;

// Compresses (gzip and brotli) when the type is textual and it pays off; the ETag is the content hash.
// Below the best brotli quality, gzip runs at level 1 (a fast build); brotli quality 0 means gzip
// only. The ETags say which bytes these are.
// `known_hash` is util::content_hash(bytes) when the caller computed it already.
representation make_representation(shared_bytes bytes, std::string content_type, std::string cache_control,
                                   int brotli_quality = best_brotli_quality, std::string_view known_hash = {});

// The variant to send for an Accept-Encoding value, and its Content-Encoding ("" for identity).
std::pair<representation::encoded const&, std::string_view> choose_variant(representation const& rep,
                                                                           std::string_view accept_encoding);

// A body made for this request (a filtered list) as a representation: a strong ETag of its bytes, and
// compressed only in the coding this reader prefers (brotli 5 or gzip 6, ETag suffixes "-br5" and
// "-gz6"), and not at all when the reader's If-None-Match already holds that ETag (serve() gives 304).
representation negotiated_representation(request_context const& ctx, std::string body, std::string content_type,
                                         std::string cache_control);

// A resource held only gzip-compressed (`gzip`; strong ETags "<hash>" and "<hash><gzip_suffix>") as
// a representation for this request: the held bytes when the reader takes gzip (RFC 9110 12.5.3),
// else inflated here, unless its If-None-Match already holds the identity ETag (a 304 sends none).
// Vary: Accept-Encoding either way. Throws std::runtime_error when the held bytes are not gzip.
representation gzip_held_representation(request_context const& ctx, shared_bytes gzip, std::string_view hash,
                                        std::string_view gzip_suffix, std::string content_type,
                                        std::string cache_control);

// Answers GET/HEAD for a representation: encoding by Accept-Encoding, If-None-Match -> 304,
// one byte range -> 206 (If-Range honoured), unsatisfiable -> 416. Its headers are prebuilt lines
// (payload::head_lines), not Beast fields: return the response as it is. A non-empty
// `cache_control` replaces the representation's own (a page whose freshness runs down).
response serve(request_context const& ctx, representation const& rep, std::string_view cache_control = {});

} // namespace farol::http
