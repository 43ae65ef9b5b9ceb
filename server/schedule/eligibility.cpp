#include "schedule/eligibility.hpp"

#include <date/tz.h>

#include <algorithm>

namespace farol::schedule {
namespace {

namespace chr = std::chrono;

bool has_rules(entry const& e) { return e.days != every_day || e.hours.has_value(); }

bool rules_met(slot const& s, entry const& e, instant t) {
    auto const wall = to_local(s.tz, t).wall;
    auto day = chr::floor<chr::days>(wall);
    int const hour = static_cast<int>(chr::duration_cast<chr::hours>(wall - day).count());
    if (e.hours) {
        if (!e.hours->contains(hour)) return false;
        // The small hours of a range crossing midnight belong to the evening it started.
        if (e.hours->crosses_midnight() && hour < e.hours->until) day -= chr::days(1);
    }
    return (e.days & day_bit(chr::weekday(day))) != 0;
}

bool in_window(entry const& e, instant t) { return (!e.from || t >= *e.from) && (!e.until || t < *e.until); }

// The next instant after t at which the local hour can change: a local hour start or an offset change.
instant next_local_tick(slot const& s, instant t) {
    auto const info = s.tz.tz().get_info(t);
    auto const local = (t.time_since_epoch() + info.offset).count();
    auto const into_hour = ((local % 3600) + 3600) % 3600;
    return std::min(t + chr::seconds(3600 - into_hour), info.end);
}

} // namespace

bool eligible(slot const& s, entry const& e, std::string_view language, instant t) {
    if (e.weight <= 0 || !e.languages.contains(language)) return false;
    if (!in_window(e, t)) return false;
    return !has_rules(e) || rules_met(s, e, t);
}

instant next_change(slot const& s, entry const& e, std::string_view language, instant t, instant limit) {
    if (e.weight <= 0 || !e.languages.contains(language)) return limit; // never eligible
    bool const now = eligible(s, e, language, t);
    for (auto c = t; c < limit;) {
        auto next = limit;
        if (e.from && *e.from > c) next = std::min(next, *e.from);
        if (e.until && *e.until > c) next = std::min(next, *e.until);
        if (has_rules(e)) next = std::min(next, next_local_tick(s, c));
        if (next >= limit) break;
        if (eligible(s, e, language, next) != now) return next;
        c = next;
    }
    return limit;
}

} // namespace farol::schedule
