#include "editor/totp.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <liboath/oath.h>
#include <sodium.h>

#include <array>
#include <cstdlib>
#include <memory>
#include <stdexcept>

namespace farol::editor {

namespace {

// liboath wants oath_init() once per process before any other call; a function-local static is
// initialised exactly once even when several threads arrive together.
void ensure_oath() {
    static int const rc = oath_init();
    if (rc != OATH_OK) throw std::runtime_error(std::string("liboath: ") + oath_strerror(rc));
}

std::string percent_encoded(std::string_view s) {
    return boost::urls::encode(s, boost::urls::unreserved_chars);
}

// The code with inner spaces removed if it is then exactly totp_digits ASCII digits, else nullopt.
std::optional<std::string> clean_code(std::string_view code) {
    std::string out;
    for (char c : code) {
        if (c == ' ') continue;
        if (c < '0' || c > '9') return std::nullopt;
        out.push_back(c);
    }
    if (out.size() != totp_digits) return std::nullopt;
    return out;
}

} // namespace

std::string new_totp_secret() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    std::string secret(20, '\0');
    randombytes_buf(secret.data(), secret.size());
    return secret;
}

std::string base32(std::string_view bytes) {
    ensure_oath();
    char* raw = nullptr;
    std::size_t length = 0;
    int const rc = oath_base32_encode(bytes.data(), bytes.size(), &raw, &length);
    std::unique_ptr<char, decltype(&std::free)> owned(raw, &std::free);
    if (rc != OATH_OK) throw std::runtime_error(std::string("base32: ") + oath_strerror(rc));
    std::string out(raw, length);
    out.erase(out.find_last_not_of('=') + 1);
    return out;
}

std::string otpauth_uri(std::string_view issuer, std::string_view account, std::string_view secret) {
    auto const encoded_issuer = percent_encoded(issuer);
    return "otpauth://totp/" + encoded_issuer + ":" + percent_encoded(account) + "?secret=" + base32(secret) +
           "&issuer=" + encoded_issuer + "&algorithm=SHA1&digits=" + std::to_string(totp_digits) +
           "&period=" + std::to_string(totp_period_seconds);
}

std::int64_t totp_step(std::chrono::system_clock::time_point t) {
    auto const seconds = std::chrono::floor<std::chrono::seconds>(t.time_since_epoch()).count();
    auto const step = seconds / totp_period_seconds;
    return (seconds % totp_period_seconds < 0) ? step - 1 : step; // floor, also before 1970
}

std::string totp_code(std::string_view secret, std::int64_t step, unsigned digits) {
    if (digits < 6 || digits > 8) throw std::invalid_argument("a TOTP code has 6, 7 or 8 digits");
    if (step < 0) throw std::invalid_argument("a TOTP time step cannot be negative");
    ensure_oath();
    std::array<char, 9> out{};
    int const rc = oath_hotp_generate(secret.data(), secret.size(), static_cast<std::uint64_t>(step), digits,
                                      false, OATH_HOTP_DYNAMIC_TRUNCATION, out.data());
    if (rc != OATH_OK) throw std::runtime_error(std::string("HOTP: ") + oath_strerror(rc));
    return std::string(out.data(), digits);
}

std::optional<std::int64_t> verify_totp(std::string_view secret, std::string_view code,
                                        std::chrono::system_clock::time_point now, std::int64_t last_used_step) {
    auto const typed = clean_code(code);
    if (!typed) return std::nullopt;
    auto const current = totp_step(now);
    std::optional<std::int64_t> matched;
    // All three steps are always computed and compared in constant time, so timing tells nothing.
    for (std::int64_t step = current - 1; step <= current + 1; ++step) {
        if (step < 0) continue;
        auto const expected = totp_code(secret, step, totp_digits);
        bool const equal = sodium_memcmp(expected.data(), typed->data(), totp_digits) == 0;
        if (equal && step > last_used_step && !matched) matched = step;
    }
    return matched;
}

} // namespace farol::editor
