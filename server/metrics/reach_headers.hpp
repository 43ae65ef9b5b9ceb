#pragma once
#include "http/request_context.hpp"

#include <string_view>

namespace farol::metrics {

// The request headers reach reads, found in one pass over the fields (most are never sent): each
// the first line of its field, as request_context::header gives it; an absent field is a view
// whose data() is null. Views into `req`: valid while it is.
struct reach_headers {
    std::string_view user_agent, referer, sec_ch_ua_mobile;
    std::string_view sec_purpose, purpose, x_purpose, x_moz; // the prefetch hints (reader_traits' is_prefetch)

    explicit reach_headers(http::request const& req);
    // Whether any prefetch hint was sent (then the request may be a prefetch, never a known repeat).
    bool has_prefetch_hint() const {
        return sec_purpose.data() || purpose.data() || x_purpose.data() || x_moz.data();
    }
};

} // namespace farol::metrics
