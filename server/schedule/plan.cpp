#include "schedule/plan.hpp"

#include <algorithm>

namespace farol::schedule {

namespace {

std::optional<instant> seconds_of(std::optional<content::time_point> t) {
    if (!t) return std::nullopt;
    // Stored times are whole seconds; a stray fraction rounds up so a window never opens early.
    return std::chrono::ceil<std::chrono::seconds>(*t);
}

content::campaign const* find_campaign(content::library const& lib, std::string_view slug) {
    auto const it = std::lower_bound(lib.campaigns.begin(), lib.campaigns.end(), slug,
                                     [](content::campaign const& c, std::string_view s) { return c.slug < s; });
    return it != lib.campaigns.end() && it->slug == slug ? &*it : nullptr;
}

bool offers(content::rotation_entry const& e, std::string_view language) {
    return e.all_languages || std::find(e.languages.begin(), e.languages.end(), language) != e.languages.end();
}

} // namespace

content::publish_window narrow(content::publish_window const& a, content::publish_window const& b) {
    content::publish_window out = a;
    if (b.from && (!out.from || *b.from > *out.from)) out.from = b.from;
    if (b.until && (!out.until || *b.until < *out.until)) out.until = b.until;
    return out;
}

std::optional<slot> slot_of(content::rotation_slot const& s) {
    auto const z = find_zone(s.zone);
    std::chrono::seconds const period{s.period_seconds};
    if (!z || !valid_period(period)) return std::nullopt;
    return slot{s.name, *z, period};
}

entry entry_of(content::rotation_entry const& e) {
    entry out;
    out.campaign = e.campaign;
    out.from = seconds_of(e.window.from);
    out.until = seconds_of(e.window.until);
    out.weight = e.weight;
    out.level = static_cast<priority>(std::clamp(e.priority, 0, 2));
    out.days = static_cast<day_set>(e.days & every_day);
    if (e.hour_from && e.hour_until) out.hours = hour_range{*e.hour_from, *e.hour_until};
    return out;
}

std::vector<entry> entries_for(content::rotation_slot const& s, content::library const& lib, std::string_view language) {
    std::vector<entry> out;
    out.reserve(s.entries.size());
    for (auto const& stored : s.entries) {
        auto e = entry_of(stored);
        auto const* c = find_campaign(lib, stored.campaign);
        auto const* t = c && offers(stored, language) ? c->find_translation(std::string(language)) : nullptr;
        auto const* shown_default = c ? c->find_translation(c->default_language) : nullptr;
        if (t && shown_default) { // the site hides a campaign whose default text is not public
            auto const w = narrow(narrow(narrow(stored.window, c->window), t->window), shown_default->window);
            e.from = seconds_of(w.from);
            e.until = seconds_of(w.until);
            bool const never = e.from && e.until && *e.from >= *e.until; // the windows do not meet
            if (!never) e.languages.emplace(language);
        }
        out.push_back(std::move(e));
    }
    return out;
}

} // namespace farol::schedule
