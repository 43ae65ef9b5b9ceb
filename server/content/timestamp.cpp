#include "content/timestamp.hpp"

#include <cstdint>
#include <cstdio>
#include <limits>

namespace farol::content {

namespace {

using std::chrono::system_clock;

// Reads exactly n digits at s[pos]; -1 if any is not a digit.
int digits(std::string_view s, std::size_t pos, std::size_t n) {
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (i >= s.size() || s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

bool separators_ok(std::string_view s) {
    return s.size() >= 20 && s[4] == '-' && s[7] == '-' && s[10] == 'T' && s[13] == ':' && s[16] == ':' &&
           s.back() == 'Z';
}

// Nanoseconds of ".ddd" between offset 19 and the final 'Z'; -1 if malformed.
std::int64_t fraction_ns(std::string_view s) {
    std::string_view const frac = s.substr(19, s.size() - 20);
    if (frac.empty()) return 0;
    if (frac.size() < 2 || frac.size() > 10 || frac[0] != '.') return -1;
    int const v = digits(frac, 1, frac.size() - 1);
    if (v < 0) return -1;
    std::int64_t ns = v;
    for (std::size_t i = frac.size() - 1; i < 9; ++i) ns *= 10;
    return ns;
}

} // namespace

std::optional<system_clock::time_point> parse_utc_timestamp(std::string_view s) {
    using namespace std::chrono;
    if (!separators_ok(s)) return std::nullopt;
    int const y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2);
    int const h = digits(s, 11, 2), mi = digits(s, 14, 2), se = digits(s, 17, 2);
    std::int64_t const ns = fraction_ns(s);
    if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || se < 0 || ns < 0) return std::nullopt;
    if (h > 23 || mi > 59 || se > 59) return std::nullopt;
    year_month_day const date{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
    if (!date.ok()) return std::nullopt;
    std::int64_t const secs = sys_days(date).time_since_epoch().count() * 86400 + h * 3600 + mi * 60 + se;
    // system_clock counts nanoseconds in 64 bits: about 1678..2262.
    constexpr std::int64_t limit = std::numeric_limits<system_clock::rep>::max() / 1'000'000'000 - 1;
    if (secs > limit || secs < -limit) return std::nullopt;
    return system_clock::time_point(duration_cast<system_clock::duration>(seconds(secs) + nanoseconds(ns)));
}

std::string format_utc_timestamp(system_clock::time_point t) {
    using namespace std::chrono;
    auto const ns = duration_cast<nanoseconds>(t.time_since_epoch());
    auto const day_start = floor<days>(ns);
    year_month_day const date{sys_days(day_start)};
    hh_mm_ss const time{floor<seconds>(ns - day_start)};
    std::int64_t frac = (ns - floor<seconds>(ns)).count();
    char buf[48];
    int n = std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d", static_cast<int>(date.year()),
                          static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                          static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                          static_cast<int>(time.seconds().count()));
    std::string out(buf, static_cast<std::size_t>(n));
    if (frac != 0) {
        std::snprintf(buf, sizeof buf, ".%09lld", static_cast<long long>(frac));
        std::string f(buf);
        while (f.back() == '0') f.pop_back();
        out += f;
    }
    return out + "Z";
}

} // namespace farol::content
