#include "editor/second_factor.hpp"

#include "editor/password_hasher.hpp"
#include "editor/qr_svg.hpp"
#include "editor/recovery_codes.hpp"
#include "editor/totp.hpp"

#include <sodium.h>

namespace farol::editor {

namespace {

constexpr std::string_view issuer = "Farol";
constexpr std::size_t secret_bytes = 20;

std::string to_hex(std::string_view bytes) {
    std::string out(bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), reinterpret_cast<unsigned char const*>(bytes.data()), bytes.size());
    out.pop_back();
    return out;
}

std::optional<std::string> from_hex(std::string_view hex) {
    std::string out(secret_bytes, '\0');
    std::size_t len = 0;
    if (hex.size() != secret_bytes * 2 ||
        sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), hex.data(), hex.size(), nullptr, &len,
                       nullptr) != 0 ||
        len != secret_bytes)
        return std::nullopt;
    return out;
}

enrolment enrolment_of(std::string const& secret, std::string_view account, std::string_view label) {
    return {to_hex(secret), base32(secret), qr_svg(otpauth_uri(issuer, account, secret), label)};
}

} // namespace

enrolment second_factor::begin(http::principal const& who, std::string_view qr_label) const {
    return enrolment_of(new_totp_secret(), who.name, qr_label);
}

std::optional<enrolment> second_factor::again(http::principal const& who, std::string_view secret_hex,
                                              std::string_view qr_label) const {
    auto secret = from_hex(secret_hex);
    if (!secret) return std::nullopt;
    return enrolment_of(*secret, who.name, qr_label);
}

std::optional<std::vector<std::string>> second_factor::confirm(http::principal const& who, std::string_view secret_hex,
                                                               std::string_view code) {
    auto const secret = from_hex(secret_hex);
    if (!secret) return std::nullopt;
    auto const step = verify_totp(*secret, code, clock_.now(), 0);
    if (!step) {
        audit_.record(who.name, "two_step.enable", "user:" + who.name, "failed");
        return std::nullopt;
    }
    auto codes = new_recovery_codes(10);
    std::vector<std::string> hashes;
    for (auto const& c : codes) hashes.push_back(hash_recovery_code(c));
    store_.enable_totp(who.user_id, *secret, hashes, *step, clock_.now().time_since_epoch().count());
    audit_.record(who.name, "two_step.enable", "user:" + who.name);
    return codes;
}

bool second_factor::turn_off(http::principal const& who, std::string_view password) {
    auto const user = store_.find(who.user_id);
    if (!user || hasher_.verify(user->password_hash, password).result != password_hasher::outcome::ok) {
        audit_.record(who.name, "two_step.disable", "user:" + who.name, "failed");
        return false;
    }
    store_.disable_totp(user->id, clock_.now().time_since_epoch().count());
    audit_.record(who.name, "two_step.disable", "user:" + who.name);
    return true;
}

} // namespace farol::editor
