#include "schedule/shares.hpp"

#include "schedule/timeline.hpp"

namespace farol::schedule {

double share_report::fraction(std::size_t entry) const {
    auto const total = (until - from).count();
    return total > 0 ? static_cast<double>(shown.at(entry).count()) / static_cast<double>(total) : 0.0;
}

share_report shares(slot const& s, std::span<entry const> entries, std::string_view language, instant from,
                    std::chrono::seconds span) {
    share_report out{from, from + span, std::vector<std::chrono::seconds>(entries.size()), {}};
    for (auto const& piece : timeline(s, entries, language, from, span))
        (piece.entry ? out.shown[*piece.entry] : out.unfilled) += piece.until - piece.from;
    return out;
}

} // namespace farol::schedule
