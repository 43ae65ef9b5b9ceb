#include "schedule/shares.hpp"

#include "schedule/pick.hpp"
#include "schedule/timeline.hpp"

#include <algorithm>

namespace farol::schedule {

double share_report::fraction(std::size_t entry) const {
    auto const total = (until - from).count();
    return total > 0 ? static_cast<double>(shown.at(entry).count()) / static_cast<double>(total) : 0.0;
}

share_report tally(std::span<segment const> segments, std::size_t entries, instant from, instant until) {
    share_report out{from, until, std::vector<std::chrono::seconds>(entries), {}};
    for (auto const& piece : segments) (piece.entry ? out.shown[*piece.entry] : out.unfilled) += piece.until - piece.from;
    return out;
}

share_report shares(slot const& s, std::span<entry const> entries, std::string_view language, instant from,
                    std::chrono::seconds span, std::size_t count) {
    if (count <= 1) return tally(timeline(s, entries, language, from, span), entries.size(), from, from + span);
    share_report out{from, from + span, std::vector<std::chrono::seconds>(entries.size()), {}};
    rotation_walk walk(s, entries, language);
    for (auto t = from; t < out.until;) { // a list: every listed entry is shown for the whole piece
        auto const r = pick(walk, s, entries, language, t, count);
        auto const end = std::min(r.next_boundary, out.until);
        if (r.entries.empty()) out.unfilled += end - t;
        for (auto const i : r.entries) out.shown[i] += end - t;
        t = end;
    }
    return out;
}

} // namespace farol::schedule
