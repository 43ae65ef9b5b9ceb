#include "editor/recovery_codes.hpp"

#include "util/hash.hpp"

#include <sodium.h>

#include <set>
#include <stdexcept>

namespace farol::editor {

namespace {

// Crockford's base32 alphabet in lower case: 32 symbols, 5 bits each.
constexpr std::string_view alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
static_assert(alphabet.size() == 32);

std::string one_code() {
    std::string code;
    for (std::size_t i = 0; i < recovery_code_length; ++i) {
        if (i == recovery_code_length / 2) code.push_back('-');
        code.push_back(alphabet[randombytes_uniform(static_cast<std::uint32_t>(alphabet.size()))]);
    }
    return code;
}

} // namespace

std::vector<std::string> new_recovery_codes(std::size_t n) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    std::vector<std::string> codes;
    std::set<std::string> seen; // a repeat among 2^50 is near impossible, but a list must never hold one
    while (codes.size() < n) {
        auto code = one_code();
        if (seen.insert(code).second) codes.push_back(std::move(code));
    }
    return codes;
}

std::string normalise_recovery_code(std::string_view code) {
    std::string out;
    out.reserve(code.size());
    for (char c : code) {
        if (c == ' ' || c == '-') continue;
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c == 'i' || c == 'l') c = '1';
        else if (c == 'o') c = '0';
        out.push_back(c);
    }
    return out;
}

std::string hash_recovery_code(std::string_view code) {
    auto const normal = normalise_recovery_code(code);
    unsigned char digest[crypto_generichash_BYTES];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<unsigned char const*>(normal.data()), normal.size(),
                       nullptr, 0);
    return util::to_hex({reinterpret_cast<char const*>(digest), sizeof digest});
}

} // namespace farol::editor
