#pragma once
#include "util/clock.hpp"

#include <string>

namespace farol::http {

// IMF-fixdate (RFC 9110), e.g. "Mon, 23 Nov 2026 09:28:50 GMT".
std::string format_http_date(util::clock::time_point t);

// The same for "now", formatted at most once per second per thread.
std::string const& http_date_now(util::clock const& clock);

} // namespace farol::http
