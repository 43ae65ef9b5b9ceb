#include "http/date.hpp"

#include <ctime>

namespace farol::http {

std::string format_http_date(util::clock::time_point t) {
    std::time_t secs = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    static constexpr char const* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr char const* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char buf[40];
    std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT", days[tm.tm_wday], tm.tm_mday,
                  months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
    return buf;
}

std::string const& http_date_now(util::clock const& clock) {
    thread_local std::time_t cached_second = -1;
    thread_local std::string cached;
    auto const now = clock.now();
    auto const second = std::chrono::system_clock::to_time_t(now);
    if (second != cached_second) {
        cached = format_http_date(now);
        cached_second = second;
    }
    return cached;
}

} // namespace farol::http
