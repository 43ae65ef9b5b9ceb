#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace farol::editor {

// Why a new password was refused; the editor shows the catalog message reason_key() names.
enum class password_reason { none, too_short, too_long, invalid_text, too_weak };

struct password_verdict {
    bool ok = false;
    int score = 0; // zxcvbn's 0-4; 0 when the text was refused before its strength was estimated
    password_reason reason = password_reason::none;
};

inline constexpr std::size_t min_password_code_points = 8;
inline constexpr std::size_t max_password_code_points = 128;
inline constexpr int min_password_score = 3;

// Judges a new password as OWASP ASVS 5.0 V6.2 and NIST SP 800-63B §3.1.1.2 ask: 8 to 128 Unicode
// code points (counted in its UTF-8, which must be well formed and hold no U+0000), no composition
// rules, and a zxcvbn score of at least 3. `user_inputs` (account name, e-mail, display name) are
// the estimator's user dictionary, so a password built from them scores low. Never throws on input.
password_verdict check_password(std::string_view password, std::vector<std::string> const& user_inputs);

// zxcvbn's score for an estimate of `entropy_bits` (guesses = 2^bits): 0 below 1e3 guesses, 1 below
// 1e6, 2 below 1e8, 3 below 1e10, else 4 (zxcvbn's guesses_to_score).
int zxcvbn_score(double entropy_bits);

// The catalog key of a reason's message: "password.too_short", "password.too_long",
// "password.invalid", "password.too_weak"; "" for none.
std::string_view reason_key(password_reason reason);

} // namespace farol::editor
