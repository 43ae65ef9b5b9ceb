#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace farol::util {

// Best-ratio encodings, computed once at build time of a snapshot, never per request.
std::string gzip_compress(std::string_view bytes, int level = 9);
std::string brotli_compress(std::string_view bytes, int quality = 11);

// Compressors keep scratch memory per thread between calls (up to a few MB); a long-lived thread
// that is done compressing for now gives it back with this.
void release_compression_scratch();

// For tests and tools: decompress, or nullopt on corrupt input.
std::optional<std::string> gzip_decompress(std::string_view bytes);
std::optional<std::string> brotli_decompress(std::string_view bytes);

} // namespace farol::util
