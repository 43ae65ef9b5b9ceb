#include "schedule/rotation.hpp"

namespace farol::schedule {

bool valid_period(std::chrono::seconds period) {
    auto const s = period.count();
    return s >= 60 && s <= 86400 && 86400 % s == 0;
}

std::vector<entry_problem> check(entry const& e) {
    std::vector<entry_problem> out;
    if (e.campaign.empty()) out.push_back(entry_problem::empty_campaign);
    if (e.from && e.until && *e.until <= *e.from) out.push_back(entry_problem::window_order);
    if (e.weight < 0 || e.weight > 1000) out.push_back(entry_problem::weight_range);
    if (e.languages.empty()) out.push_back(entry_problem::no_languages);
    if ((e.days & every_day) == 0 || (e.days & ~every_day) != 0) out.push_back(entry_problem::no_days);
    if (e.hours) {
        auto const& h = *e.hours;
        bool const in_range = h.from >= 0 && h.from <= 23 && h.until >= 0 && h.until <= 24;
        if (!in_range || h.from == h.until % 24) out.push_back(entry_problem::hour_range);
    }
    return out;
}

} // namespace farol::schedule
