#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace farol::util {

// Best-ratio encodings, computed once at build time of a snapshot, never per request.
std::string gzip_compress(std::string_view bytes, int level = 9);
std::string brotli_compress(std::string_view bytes, int quality = 11);

// For tests and tools: decompress, or nullopt on corrupt input.
std::optional<std::string> gzip_decompress(std::string_view bytes);
std::optional<std::string> brotli_decompress(std::string_view bytes);

} // namespace farol::util
