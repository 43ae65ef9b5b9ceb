#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace farol::editor {

// One-time recovery codes: the way back in for an editor who lost their authenticator. Each is 10
// characters of Crockford's base32 (lower-case digits and letters without i, l, o, u), so 50 random
// bits, shown as "xxxxx-xxxxx". Only their hashes are stored.

inline constexpr std::size_t recovery_code_length = 10; // characters, without the dash

// `n` new codes from libsodium's CSPRNG, each "xxxxx-xxxxx" for display, all distinct.
std::vector<std::string> new_recovery_codes(std::size_t n = 10);

// The code as typed, reduced to the form that was hashed: ASCII lower-case, spaces and dashes
// removed, and Crockford's look-alikes read as the digits they resemble (i and l → 1, o → 0).
// Other characters are kept, so a wrong code stays wrong. "ABCDE-FGHIJ" → "abcdefgh1j".
std::string normalise_recovery_code(std::string_view code);

// Lower-case hex (64 digits) of a 256-bit BLAKE2b (libsodium crypto_generichash) of the normalised
// code. No slow password hash: 50 random bits leave no dictionary to try, and stretching only buys a
// constant factor, which a guessable password needs and a random code does not.
std::string hash_recovery_code(std::string_view code);

} // namespace farol::editor
