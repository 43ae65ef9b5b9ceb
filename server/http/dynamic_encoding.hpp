#pragma once
#include "http/body.hpp"
#include "http/request_context.hpp"

#include <cstddef>

namespace farol::http {

// Smaller bodies fit in a packet or two either way; compressing them saves no round trip.
constexpr std::size_t min_dynamic_compress = 1024;

// Compresses a body built for this request alone (search results, /metrics) with the reader's best
// coding from Accept-Encoding, at a fast level (brotli 5 or gzip 6: microseconds for a few KB), and
// adds Content-Encoding and Vary: Accept-Encoding. Left alone: bodies under min_dynamic_compress
// bytes, types that do not compress (mime.hpp), and responses already negotiated (a prepared
// representation's prebuilt lines, a Content-Encoding, or a Vary naming Accept-Encoding).
void encode_dynamic(request_context const& ctx, response& res);

} // namespace farol::http
