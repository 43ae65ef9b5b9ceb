#pragma once
#include "http/body.hpp"

#include <cstdint>

namespace farol::http {

struct security_policy {
    bool hsts = false; // only when the public URL is https
    std::uint32_t hsts_max_age = 31536000;
};

// Headers every response carries; a handler that set one on purpose (an embed's frame-ancestors) keeps it.
class security_headers {
public:
    explicit security_headers(security_policy policy);
    void apply(response& res) const;

    static constexpr char const* default_csp =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        "connect-src 'self'; manifest-src 'self'; worker-src 'self'; form-action 'self'; base-uri 'none'; "
        "frame-ancestors 'none'";

private:
    std::string hsts_;
};

} // namespace farol::http
