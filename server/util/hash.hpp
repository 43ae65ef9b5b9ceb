#pragma once
#include <string>
#include <string_view>

namespace farol::util {

// Lower-case hex SHA-256 of the bytes.
std::string sha256_hex(std::string_view bytes);

// A short content hash for URLs and ETags: 64-bit BLAKE2b as 16 hex digits (about twice as fast as
// SHA-256, which matters when thousands of pages are hashed at start-up).
std::string content_hash(std::string_view bytes);

std::string to_hex(std::string_view bytes);

} // namespace farol::util
