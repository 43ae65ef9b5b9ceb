#include "http/security_headers.hpp"

namespace farol::http {

security_headers::security_headers(security_policy policy) {
    if (policy.hsts) hsts_ = "max-age=" + std::to_string(policy.hsts_max_age) + "; includeSubDomains";
}

void security_headers::apply(response& res) const {
    auto const set_default = [&res](std::string_view name, std::string_view value) {
        if (res.find(name) == res.end()) res.set(name, value);
    };
    set_default("Content-Security-Policy", default_csp);
    set_default("X-Content-Type-Options", "nosniff");
    set_default("Referrer-Policy", "no-referrer");
    set_default("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
                                      "interest-cohort=(), browsing-topics=()");
    set_default("Cross-Origin-Opener-Policy", "same-origin");
    if (!hsts_.empty()) res.set(field::strict_transport_security, hsts_);
    // Readers get no cookies, ever: nothing on the public side may set one.
    res.erase(field::set_cookie);
}

} // namespace farol::http
