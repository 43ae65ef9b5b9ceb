// The entry and window half of editor::scheduling (scheduling.cpp holds the slots and the overlap rule).
#include "editor/scheduling.hpp"

#include "schedule/plan.hpp"

#include <algorithm>

namespace farol::editor {

namespace {

std::optional<int> priority_of(std::string_view p) {
    if (p == "fallback") return 0;
    if (p == "scheduled") return 1;
    if (p == "override") return 2;
    return std::nullopt;
}

void read_hours(entry_form const& form, content::rotation_entry& out, entry_result& r) {
    if (form.hour_from.empty() && form.hour_until.empty()) return;
    out.hour_from = read_int(form.hour_from, 0, 23);
    out.hour_until = read_int(form.hour_until, 1, 24);
    if (!out.hour_from || !out.hour_until || *out.hour_from == *out.hour_until % 24)
        r.problems.push_back({"hours", "schedule.hour_range", {}});
}

std::string entry_object(std::string_view slot, std::string_view campaign) {
    return "slot:" + std::string(slot) + "/" + std::string(campaign);
}

} // namespace

void scheduling::check_entry(entry_form const& form, content::rotation_entry& out, entry_result& r) const {
    auto const c = campaigns_.find(form.campaign);
    if (!c || c->archived) r.problems.push_back({"campaign", "schedule.campaign_unknown", form.campaign});
    out.campaign = form.campaign;
    auto w = read_window(form.window);
    r.problems.insert(r.problems.end(), w.problems.begin(), w.problems.end());
    r.ambiguous = std::move(w.ambiguous);
    out.window = w.window;
    out.all_languages = form.all_languages;
    for (auto const& l : form.languages)
        if (std::find(languages_.begin(), languages_.end(), l) != languages_.end()) out.languages.push_back(l);
    if (!out.all_languages && out.languages.empty()) r.problems.push_back({"languages", "schedule.no_languages", {}});
    auto const weight = read_int(form.weight, 0, 1000);
    if (!weight) r.problems.push_back({"weight", "schedule.weight_range", form.weight});
    out.weight = weight.value_or(1);
    auto const level = priority_of(form.priority);
    if (!level) r.problems.push_back({"priority", "schedule.priority_missing", {}});
    out.priority = level.value_or(1);
    out.days = 0;
    for (int d : form.days)
        if (d >= 0 && d <= 6) out.days |= 1 << d;
    if (out.days == 0) r.problems.push_back({"days", "schedule.no_days", {}});
    read_hours(form, out, r);
}

entry_result scheduling::add_entry(std::string_view actor, std::string_view slot_name, entry_form const& form) {
    entry_result r;
    auto const slot = store_.find(slot_name);
    if (!slot) {
        r.problems.push_back({"slot", "schedule.slot_unknown", {}});
        return r;
    }
    content::rotation_entry e;
    check_entry(form, e, r);
    if (r.problems.empty())
        if (auto const other = overlapping_override(*slot, e))
            r.problems.push_back({"priority", "schedule.override_overlap", *other});
    if (!r.problems.empty()) return r;
    auto const id = store_.add_entry(slot_name, e);
    if (!id) {
        r.problems.push_back({"campaign", "schedule.campaign_unknown", form.campaign});
        return r;
    }
    r.id = *id;
    audit_.record(actor, "slot.entry.add", entry_object(slot_name, e.campaign));
    republish_();
    return r;
}

bool scheduling::delete_entry(std::string_view actor, std::string_view slot_name, std::int64_t id) {
    auto const slot = store_.find(slot_name);
    if (!slot) return false;
    auto const it = std::find_if(slot->entries.begin(), slot->entries.end(), [&](auto const& e) { return e.id == id; });
    if (it == slot->entries.end() || !store_.delete_entry(slot_name, id)) return false;
    audit_.record(actor, "slot.entry.delete", entry_object(slot_name, it->campaign));
    republish_();
    return true;
}

window_result scheduling::set_campaign_window(std::string_view actor, std::string_view slug, window_form const& form) {
    auto r = read_window(form);
    if (!r.problems.empty()) return r;
    if (!store_.set_campaign_window(slug, r.window)) {
        r.problems.push_back({"from", "schedule.campaign_unknown", std::string(slug)});
        return r;
    }
    audit_.record(actor, "campaign.window", "campaign:" + std::string(slug));
    republish_();
    return r;
}

window_result scheduling::set_translation_window(std::string_view actor, std::string_view slug,
                                               std::string_view language, window_form const& form) {
    auto r = read_window(form);
    if (!r.problems.empty()) return r;
    if (!store_.set_translation_window(slug, language, r.window)) {
        r.problems.push_back({"from", "schedule.language_unknown", std::string(language)});
        return r;
    }
    audit_.record(actor, "translation.window", "campaign:" + std::string(slug) + "/" + std::string(language));
    republish_();
    return r;
}

} // namespace farol::editor
