#include "schedule/pick.hpp"

#include "schedule/eligibility.hpp"
#include "schedule/weighted_cycle.hpp"

#include <algorithm>
#include <stdexcept>
#include <tuple>

namespace farol::schedule {
namespace {

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// One class's eligible entries in an order that does not depend on how the caller listed them.
std::vector<std::size_t> canonical(std::span<entry const> entries, std::vector<std::size_t> chosen) {
    std::sort(chosen.begin(), chosen.end(), [&](std::size_t a, std::size_t b) {
        return std::tie(entries[a].campaign, entries[a].weight, a) < std::tie(entries[b].campaign, entries[b].weight, b);
    });
    return chosen;
}

// The class's entries ordered by their next turn at or after period k (the first owns period k).
std::vector<std::size_t> by_next_turn(std::span<entry const> entries, std::vector<std::size_t> const& members,
                                      std::int64_t k) {
    std::vector<int> weights;
    for (auto i : members) weights.push_back(entries[i].weight);
    weighted_cycle const cycle(weights);
    std::vector<std::pair<std::int64_t, std::size_t>> turns; // (next turn, position in members)
    for (std::size_t m = 0; m < members.size(); ++m) turns.emplace_back(cycle.next_turn(m, k), m);
    std::sort(turns.begin(), turns.end());
    std::vector<std::size_t> out;
    for (auto const& [turn, m] : turns) out.push_back(members[m]);
    return out;
}

void append_class(std::span<entry const> entries, std::vector<std::size_t> const& members, std::int64_t k,
                  std::size_t count, pick_result& out) {
    for (auto i : by_next_turn(entries, canonical(entries, members), k)) {
        if (out.campaigns.size() == count) return;
        auto const& slug = entries[i].campaign;
        if (std::find(out.campaigns.begin(), out.campaigns.end(), slug) != out.campaigns.end()) continue;
        out.entries.push_back(i);
        out.campaigns.push_back(slug);
    }
}

} // namespace

std::optional<std::string> pick_result::campaign() const {
    if (campaigns.empty()) return std::nullopt;
    return campaigns.front();
}

pick_result pick(slot const& s, std::span<entry const> entries, std::string_view language, instant time,
                 std::size_t count) {
    if (!valid_period(s.period)) throw std::invalid_argument("schedule::pick: invalid period for slot " + s.id);
    auto const period = s.period.count();
    auto const k = floor_div(time.time_since_epoch().count(), period);
    pick_result out;
    out.period_start = instant(std::chrono::seconds(k * period));
    out.next_boundary = out.period_start + s.period;
    std::vector<std::size_t> classes[3];
    for (std::size_t i = 0; i < entries.size(); ++i) {
        out.next_boundary = next_change(s, entries[i], language, time, out.next_boundary);
        if (eligible(s, entries[i], language, time)) classes[static_cast<int>(entries[i].level)].push_back(i);
    }
    for (int c = 2; c >= 0 && out.campaigns.size() < count; --c)
        if (!classes[c].empty()) append_class(entries, classes[c], k, count, out);
    return out;
}

} // namespace farol::schedule
