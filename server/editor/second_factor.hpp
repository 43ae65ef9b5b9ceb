#pragma once
#include "editor/audit_log.hpp"
#include "http/access.hpp"
#include "store/account_store.hpp"
#include "util/clock.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace farol::editor {

class password_hasher;

// An enrolment in progress: the secret travels in the form (hex) until a code proves the app has it.
struct enrolment {
    std::string secret_hex; // for the form's hidden field
    std::string secret_base32; // for typing into an app by hand
    std::string qr_svg;     // the otpauth URI as an inline SVG QR code
};

// The optional second factor (RFC 6238 TOTP) and its ten recovery codes. Blocking: worker pool.
class second_factor {
public:
    second_factor(store::account_store& store, password_hasher& hasher, audit_log const& audit, util::clock const& clock)
        : store_(store), hasher_(hasher), audit_(audit), clock_(clock) {}

    enrolment begin(http::principal const& who, std::string_view qr_label) const;
    // Re-creates an enrolment from the form's secret, to show the same QR code again after a wrong
    // code; nullopt if the hex is not a secret.
    std::optional<enrolment> again(http::principal const& who, std::string_view secret_hex, std::string_view qr_label) const;
    // The code proves the app holds the secret: it is stored with ten fresh recovery codes, which are
    // returned to be shown once. nullopt for a wrong code or a malformed secret.
    std::optional<std::vector<std::string>> confirm(http::principal const& who, std::string_view secret_hex,
                                                    std::string_view code);
    // Turning it off asks for the password again. false: wrong password (or busy: hasher full).
    bool turn_off(http::principal const& who, std::string_view password);
    std::size_t recovery_codes_left(std::int64_t user_id) const { return store_.recovery_codes_left(user_id); }

private:
    store::account_store& store_;
    password_hasher& hasher_;
    audit_log const& audit_;
    util::clock const& clock_;
};

} // namespace farol::editor
