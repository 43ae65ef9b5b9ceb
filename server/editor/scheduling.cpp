#include "editor/scheduling.hpp"

#include "content/text_rules.hpp"
#include "schedule/rotation.hpp"
#include "store/account_store.hpp"

#include <algorithm>
#include <bitset>

namespace farol::editor {

namespace {

bool windows_meet(content::publish_window const& a, content::publish_window const& b) {
    return (!a.until || !b.from || *b.from < *a.until) && (!b.until || !a.from || *a.from < *b.until);
}

// The hours of the week an entry runs (bit 24 * weekday + hour, Sunday 0), on the slot's clock: a
// range crossing midnight runs its early hours on the next day (schedule::entry's rule).
std::bitset<7 * 24> week_hours(content::rotation_entry const& e) {
    schedule::hour_range const r = e.hour_from && e.hour_until ? schedule::hour_range{*e.hour_from, *e.hour_until}
                                                                : schedule::hour_range{};
    std::bitset<7 * 24> out;
    for (int d = 0; d < 7; ++d) {
        if (!(e.days & (1 << d))) continue;
        for (int h = 0; h < 24; ++h) {
            if (!r.contains(h)) continue;
            int const day = r.crosses_midnight() && h < r.until ? (d + 1) % 7 : d;
            out.set(static_cast<std::size_t>(day * 24 + h));
        }
    }
    return out;
}

std::string slot_object(std::string_view slot) { return "slot:" + std::string(slot); }

} // namespace

std::vector<field_problem> scheduling::check_slot(slot_form const& form, content::rotation_slot& out) const {
    std::vector<field_problem> problems;
    if (!content::is_id(form.name) || form.name.size() > 40) problems.push_back({"name", "schedule.slot_name", {}});
    if (!schedule::find_zone(form.zone)) problems.push_back({"zone", "schedule.zone_unknown", form.zone});
    auto const minutes = read_int(form.period_minutes, 1, 1440);
    if (!minutes || !schedule::valid_period(std::chrono::minutes(*minutes)))
        problems.push_back({"period", "schedule.period_invalid", form.period_minutes});
    auto const size = read_int(form.list_size, 1, 50);
    if (!size) problems.push_back({"list_size", "schedule.list_size_invalid", form.list_size});
    out.name = form.name;
    out.zone = form.zone;
    out.period_seconds = minutes.value_or(60) * 60;
    out.list_size = size.value_or(1);
    return problems;
}

std::vector<field_problem> scheduling::create_slot(std::string_view actor, slot_form const& form) {
    content::rotation_slot s;
    auto problems = check_slot(form, s);
    if (!problems.empty()) return problems;
    try {
        store_.create_slot(s);
    } catch (store::name_taken const&) {
        return {{"name", "schedule.slot_taken", {}}};
    }
    audit_.record(actor, "slot.create", slot_object(s.name));
    return {};
}

std::vector<field_problem> scheduling::update_slot(std::string_view actor, slot_form const& form) {
    content::rotation_slot s;
    auto problems = check_slot(form, s);
    if (!problems.empty()) return problems;
    if (!store_.update_slot(s)) return {{"name", "schedule.slot_unknown", {}}};
    audit_.record(actor, "slot.update", slot_object(s.name));
    republish_();
    return {};
}

bool scheduling::delete_slot(std::string_view actor, std::string_view name) {
    if (!store_.delete_slot(name)) return false;
    audit_.record(actor, "slot.delete", slot_object(name));
    republish_();
    return true;
}

std::optional<std::string> scheduling::own_zone(std::int64_t user_id) const {
    auto own = accounts_.zone(user_id);
    if (own && !schedule::find_zone(*own)) return std::nullopt; // a tzdata update removed it
    return own;
}

std::string scheduling::zone_for(std::int64_t user_id) const { return own_zone(user_id).value_or(site_zone_); }

bool scheduling::set_user_zone(std::string_view actor, std::int64_t user_id, std::string const& zone) {
    if (!zone.empty() && !schedule::find_zone(zone)) return false;
    accounts_.set_zone(user_id, zone.empty() ? std::nullopt : std::optional(zone));
    audit_.record(actor, "account.zone", "user:" + std::string(actor) + " " + (zone.empty() ? "site" : zone));
    return true;
}

std::vector<std::string> scheduling::languages_of(content::rotation_entry const& e) const {
    if (!e.all_languages) return e.languages;
    std::vector<std::string> out;
    if (auto const c = campaigns_.find(e.campaign))
        for (auto const& t : c->translations)
            if (t.published) out.push_back(t.language);
    return out.empty() ? languages_ : out;
}

std::optional<std::string> scheduling::overlapping_override(content::rotation_slot const& slot,
                                                          content::rotation_entry const& e) const {
    if (e.priority != 2) return std::nullopt;
    auto const mine = languages_of(e);
    for (auto const& other : slot.entries) {
        if (other.priority != 2 || !windows_meet(e.window, other.window)) continue;
        if ((week_hours(other) & week_hours(e)).none()) continue;
        auto const theirs = languages_of(other);
        for (auto const& l : mine)
            if (std::find(theirs.begin(), theirs.end(), l) != theirs.end()) return other.campaign + " (" + l + ")";
    }
    return std::nullopt;
}

} // namespace farol::editor
