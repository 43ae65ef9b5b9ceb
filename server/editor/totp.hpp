#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace farol::editor {

// Time-based one-time passwords (RFC 6238) for the editor's second sign-in factor: HMAC-SHA1,
// 30-second steps counted from the Unix epoch (T0 = 0), 6 digits, as every authenticator app expects.

inline constexpr std::int64_t totp_period_seconds = 30;
inline constexpr unsigned totp_digits = 6;

// A new shared secret: 20 bytes (160 bits, the HMAC-SHA1 block size RFC 4226 §4 recommends) from
// libsodium's CSPRNG, returned raw, not encoded.
std::string new_totp_secret();

// RFC 4648 §6 base32 (upper-case A-Z2-7) without '=' padding, as otpauth URIs and manual entry
// want it: "foobar" → "MZXW6YTBOI".
std::string base32(std::string_view bytes);

// The Key Uri Format authenticator apps scan:
// otpauth://totp/Issuer:account?secret=BASE32&issuer=Issuer&algorithm=SHA1&digits=6&period=30.
// Issuer and account are percent-encoded (RFC 3986 unreserved characters stay), so a ':' or space in
// either cannot move the label's issuer/account split. `secret` is the raw secret, not base32.
std::string otpauth_uri(std::string_view issuer, std::string_view account, std::string_view secret);

// The time step (RFC 6238 §4.2: floor(unix seconds / 30)) a moment falls in.
std::int64_t totp_step(std::chrono::system_clock::time_point t);

// The code for one time step: HOTP (RFC 4226) of the raw secret with the step as counter, `digits`
// decimal digits with leading zeros. Throws std::invalid_argument if digits is not 6, 7 or 8 or the
// step is negative.
std::string totp_code(std::string_view secret, std::int64_t step, unsigned digits = totp_digits);

// Checks a 6-digit code typed at `now` against steps now-1, now and now+1 (±30 s of clock drift,
// RFC 6238 §5.2) and returns the step it matched. Spaces inside the code are ignored ("123 456");
// anything else but exactly 6 ASCII digits is refused. A step <= last_used_step is refused too, so
// a code seen once cannot be replayed (§5.2): the caller stores the returned step as the new
// last_used_step. nullopt when the code does not match.
std::optional<std::int64_t> verify_totp(std::string_view secret, std::string_view code,
                                        std::chrono::system_clock::time_point now, std::int64_t last_used_step);

} // namespace farol::editor
