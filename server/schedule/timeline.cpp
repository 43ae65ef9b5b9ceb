#include "schedule/timeline.hpp"

#include "schedule/pick.hpp"

#include <algorithm>
#include <stdexcept>

namespace farol::schedule {

std::vector<segment> timeline(slot const& s, std::span<entry const> entries, std::string_view language, instant from,
                              std::chrono::seconds span) {
    // Checked up front so a bad slot fails the same way whatever the span.
    if (!valid_period(s.period)) throw std::invalid_argument("schedule::timeline: invalid period for slot " + s.id);
    std::vector<segment> out;
    auto const until = from + span;
    rotation_walk walk(s, entries, language);
    for (auto t = from; t < until;) {
        auto const r = pick(walk, s, entries, language, t);
        auto const end = std::min(r.next_boundary, until);
        auto const shown = r.entries.empty() ? std::nullopt : std::optional<std::size_t>(r.entries.front());
        if (!out.empty() && out.back().entry == shown)
            out.back().until = end;
        else
            out.push_back(segment{t, end, shown});
        t = end;
    }
    return out;
}

} // namespace farol::schedule
