#pragma once
#include "http/body.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace farol::http {

struct security_policy {
    bool hsts = false; // only when the public URL is https
    std::uint32_t hsts_max_age = 31536000;
};

// Headers every response carries; a handler that set one on purpose (an embed's frame-ancestors) keeps it.
class security_headers {
public:
    explicit security_headers(security_policy policy);

    // Appends, in wire form, each of these headers that `res` does not already set.
    void append(response const& res, std::string& out) const;

    static constexpr char const* default_csp =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        "connect-src 'self'; manifest-src 'self'; worker-src 'self'; form-action 'self'; base-uri 'none'; "
        "frame-ancestors 'none'";

private:
    std::array<std::pair<std::string_view, std::string>, 6> headers_;
    std::size_t count_ = 0;
    std::string block_; // all of them, for the usual response that sets none
};

} // namespace farol::http
