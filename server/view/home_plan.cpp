#include "view/home_plan.hpp"

#include "schedule/pick.hpp"
#include "schedule/plan.hpp"

#include <algorithm>

namespace farol::view {

namespace {

content::rotation_slot const* find_slot(content::library const& lib, std::string_view name) {
    for (auto const& s : lib.slots)
        if (s.name == name) return &s;
    return nullptr;
}

content::campaign const* find_published(std::vector<content::campaign const*> const& published, std::string_view slug) {
    auto const it = std::find_if(published.begin(), published.end(), [&](auto const* c) { return c->slug == slug; });
    return it == published.end() ? nullptr : *it;
}

// The slot's pick for this language, or nullopt when none of its entries can show in it.
std::optional<schedule::pick_result> pick_for(content::library const& lib, std::string_view name,
                                              std::string_view language, schedule::instant t, std::size_t count) {
    auto const* stored = find_slot(lib, name);
    if (!stored) return std::nullopt;
    auto const s = schedule::slot_of(*stored);
    if (!s) return std::nullopt;
    auto const entries = schedule::entries_for(*stored, lib, language);
    bool const any = std::any_of(entries.begin(), entries.end(), [](auto const& e) { return !e.languages.empty(); });
    if (!any) return std::nullopt;
    return schedule::pick(*s, entries, language, t, count);
}

void note_boundary(home_plan& plan, schedule::instant boundary) {
    content::time_point const t = boundary;
    if (!plan.changes_at || t < *plan.changes_at) plan.changes_at = t;
}

} // namespace

home_plan plan_home(content::library const& lib, std::vector<content::campaign const*> const& published,
                    std::string_view language, content::time_point now) {
    home_plan plan;
    auto const t = std::chrono::floor<std::chrono::seconds>(now);
    if (auto const hero = pick_for(lib, "home-featured", language, t, 1)) {
        note_boundary(plan, hero->next_boundary);
        if (auto const slug = hero->campaign()) plan.featured = find_published(published, *slug);
    }
    auto const* list_slot = find_slot(lib, "home-list");
    auto const size = list_slot ? static_cast<std::size_t>(std::max(1, list_slot->list_size)) : 0;
    if (auto const list = pick_for(lib, "home-list", language, t, size + 1)) {
        note_boundary(plan, list->next_boundary);
        for (auto const& slug : list->campaigns) {
            auto const* c = find_published(published, slug);
            if (c && c != plan.featured && plan.campaigns.size() < size) plan.campaigns.push_back(c);
        }
    }
    if (plan.campaigns.empty())
        for (auto const* c : published)
            if (c != plan.featured) plan.campaigns.push_back(c);
    return plan;
}

slot_plan plan_slot(content::library const& lib, std::vector<content::campaign const*> const& published,
                    std::string_view slot, std::string_view language, content::time_point now, std::size_t count) {
    slot_plan plan;
    auto const picked = pick_for(lib, slot, language, std::chrono::floor<std::chrono::seconds>(now), count);
    if (!picked) return plan;
    plan.changes_at = content::time_point(picked->next_boundary);
    for (auto const& slug : picked->campaigns)
        if (auto const* c = find_published(published, slug); c && plan.campaigns.size() < count) plan.campaigns.push_back(c);
    return plan;
}

} // namespace farol::view
