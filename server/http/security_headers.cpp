#include "http/security_headers.hpp"

#include "http/wire.hpp"

#include <boost/beast/core/string.hpp>

namespace farol::http {

security_headers::security_headers(security_policy policy) {
    auto const add = [this](std::string_view name, std::string value) {
        headers_[count_++] = {name, std::move(value)};
    };
    add("Content-Security-Policy", default_csp);
    add("X-Content-Type-Options", "nosniff");
    add("Referrer-Policy", "no-referrer");
    add("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
                              "interest-cohort=(), browsing-topics=()");
    add("Cross-Origin-Opener-Policy", "same-origin");
    if (policy.hsts) add("Strict-Transport-Security",
                         "max-age=" + std::to_string(policy.hsts_max_age) + "; includeSubDomains");
    for (std::size_t i = 0; i < count_; ++i) append_field(headers_[i].first, headers_[i].second, block_);
}

void security_headers::append(response const& res, std::string& out) const {
    // One pass over the (few) fields a handler set; prebuilt lines never carry these headers.
    unsigned overridden = 0;
    for (auto const& f : res.base())
        for (std::size_t i = 0; i < count_; ++i)
            if (boost::beast::iequals(f.name_string(), headers_[i].first)) overridden |= 1u << i;
    if (!overridden) {
        out += block_;
        return;
    }
    for (std::size_t i = 0; i < count_; ++i)
        if (!(overridden & (1u << i))) append_field(headers_[i].first, headers_[i].second, out);
}

} // namespace farol::http
