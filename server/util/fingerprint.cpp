#include "util/fingerprint.hpp"

#include "util/hash.hpp"

namespace farol::util {

namespace {
constexpr std::size_t digest_bytes = 16;
}

fingerprint::fingerprint() { crypto_generichash_init(&state_, nullptr, 0, digest_bytes); }

fingerprint& fingerprint::add(std::uint64_t value) {
    unsigned char bytes[8];
    for (int i = 0; i < 8; ++i) bytes[i] = static_cast<unsigned char>(value >> (8 * i));
    crypto_generichash_update(&state_, bytes, sizeof bytes);
    return *this;
}

fingerprint& fingerprint::add(std::string_view field) {
    add(static_cast<std::uint64_t>(field.size()));
    crypto_generichash_update(&state_, reinterpret_cast<unsigned char const*>(field.data()), field.size());
    return *this;
}

std::string fingerprint::hex() {
    unsigned char digest[digest_bytes];
    crypto_generichash_final(&state_, digest, sizeof digest);
    return to_hex({reinterpret_cast<char const*>(digest), sizeof digest});
}

} // namespace farol::util
