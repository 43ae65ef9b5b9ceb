#include "schedule/pick.hpp"

#include "schedule/eligibility.hpp"

#include <algorithm>
#include <stdexcept>

namespace farol::schedule {

std::optional<std::string> pick_result::campaign() const {
    if (campaigns.empty()) return std::nullopt;
    return campaigns.front();
}

pick_result pick(rotation_walk& walk, slot const& s, std::span<entry const> entries, std::string_view language,
                 instant time, std::size_t count) {
    if (!valid_period(s.period)) throw std::invalid_argument("schedule::pick: invalid period for slot " + s.id);
    pick_result out;
    out.period_start = instant(std::chrono::seconds(period_index(s, time) * s.period.count()));
    out.next_boundary = out.period_start + s.period;
    for (auto const& e : entries) out.next_boundary = next_change(s, e, language, time, out.next_boundary);
    for (auto const i : walk.order(time)) {
        if (out.campaigns.size() == count) break;
        auto const& slug = entries[i].campaign;
        if (std::find(out.campaigns.begin(), out.campaigns.end(), slug) != out.campaigns.end()) continue;
        out.entries.push_back(i);
        out.campaigns.push_back(slug);
    }
    return out;
}

pick_result pick(slot const& s, std::span<entry const> entries, std::string_view language, instant time,
                 std::size_t count) {
    if (!valid_period(s.period)) throw std::invalid_argument("schedule::pick: invalid period for slot " + s.id);
    rotation_walk walk(s, entries, language);
    return pick(walk, s, entries, language, time, count);
}

} // namespace farol::schedule
