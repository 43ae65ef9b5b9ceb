#include "util/hash.hpp"

#include <sodium.h>

namespace farol::util {

std::string to_hex(std::string_view bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char c : bytes) {
        out.push_back(digits[c >> 4]);
        out.push_back(digits[c & 15]);
    }
    return out;
}

std::string sha256_hex(std::string_view bytes) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<unsigned char const*>(bytes.data()), bytes.size());
    return to_hex({reinterpret_cast<char const*>(digest), sizeof digest});
}

std::string content_hash(std::string_view bytes) {
    unsigned char digest[8];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<unsigned char const*>(bytes.data()), bytes.size(),
                       nullptr, 0);
    return to_hex({reinterpret_cast<char const*>(digest), sizeof digest});
}

} // namespace farol::util
