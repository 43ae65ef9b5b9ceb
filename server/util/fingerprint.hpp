#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include <sodium.h>

namespace farol::util {

// A 128-bit BLAKE2b digest of a sequence of fields, each length-prefixed so that ("ab", "c") and
// ("a", "bc") differ: what a page was rendered from, compared between builds to skip rendering.
class fingerprint {
public:
    fingerprint();
    fingerprint& add(std::string_view field);
    fingerprint& add(std::uint64_t value);
    // The digest as 32 hex digits; the fingerprint takes no more fields after it.
    std::string hex();

private:
    crypto_generichash_state state_;
};

} // namespace farol::util
