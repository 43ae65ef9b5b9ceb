#include "editor/partner_admin.hpp"

#include "store/schedule_store.hpp"
#include "util/strings.hpp"
#include "util/utf8.hpp"

#include <algorithm>

namespace farol::editor {

namespace {

constexpr std::size_t max_name = 120;   // code points
constexpr std::size_t max_origins = 20; // frame-ancestors stays short

std::int64_t ns(util::clock const& c) { return c.now().time_since_epoch().count(); }

bool has_control(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

void check_name(std::string const& name, std::vector<partner_problem>& out) {
    if (name.empty()) out.push_back({"name", "partner.error.name_empty", {}});
    else if (util::find_invalid_utf8(name) != std::string::npos || has_control(name) ||
             util::code_points(name) > max_name)
        out.push_back({"name", "partner.error.name_invalid", std::to_string(max_name)});
}

// The normalized, distinct origins; a problem for the first one that is not an origin.
std::vector<std::string> check_origins(std::vector<std::string> const& typed, std::vector<partner_problem>& out) {
    std::vector<std::string> origins;
    for (auto const& raw : typed) {
        auto const text = util::trim(raw);
        if (text.empty()) continue;
        auto const o = partners::normalize_origin(text);
        if (!o) {
            out.push_back({"origins", "partner.error.origin", util::to_valid_utf8(text)});
            return origins;
        }
        if (std::find(origins.begin(), origins.end(), *o) == origins.end()) origins.push_back(*o);
    }
    if (origins.size() > max_origins) out.push_back({"origins", "partner.error.too_many_origins", std::to_string(max_origins)});
    return origins;
}

} // namespace

std::vector<partner_problem> partner_admin::check(partner_input const& in, bool new_id, partners::partner& out) const {
    std::vector<partner_problem> problems;
    if (new_id && partners::id_problem(in.id)) problems.push_back({"id", "partner.error.id", util::to_valid_utf8(in.id)});
    out.id = in.id;
    out.name = std::string(util::trim(in.name));
    check_name(out.name, problems);
    out.origins = check_origins(in.origins, problems);
    out.default_slot = std::string(util::trim(in.default_slot));
    if (out.default_slot.empty()) out.default_slot = "widget-default";
    if (!slots_.find(out.default_slot))
        problems.push_back({"default_slot", "partner.error.slot", util::to_valid_utf8(out.default_slot)});
    out.default_language = std::string(util::trim(in.default_language));
    if (!out.default_language.empty() &&
        std::find(languages_.begin(), languages_.end(), out.default_language) == languages_.end())
        problems.push_back({"default_language", "partner.error.language", util::to_valid_utf8(out.default_language)});
    return problems;
}

std::vector<std::string> partner_admin::slot_names() const {
    std::vector<std::string> out;
    for (auto const& s : slots_.slots()) out.push_back(s.name);
    return out;
}

partner_change partner_admin::add(std::string_view actor, partner_input const& in) {
    partner_change change;
    change.problems = check(in, true, change.saved);
    if (change.problems.empty() && store_.find(in.id))
        change.problems.push_back({"id", "partner.error.id_taken", in.id});
    if (!change.problems.empty()) {
        change.kind = partner_change::invalid;
        return change;
    }
    try {
        store_.insert(change.saved, ns(clock_));
    } catch (store::partner_taken const&) { // added by someone else since find()
        change.kind = partner_change::invalid;
        change.problems.push_back({"id", "partner.error.id_taken", in.id});
        return change;
    }
    audit_.record(actor, "partner.add", "partner:" + change.saved.id);
    changed();
    return change;
}

partner_change partner_admin::update(std::string_view actor, partner_input const& in) {
    partner_change change;
    auto const before = store_.find(in.id);
    if (!before) {
        change.kind = partner_change::not_found;
        return change;
    }
    change.problems = check(in, false, change.saved);
    change.saved.enabled = before->enabled;
    if (!change.problems.empty()) {
        change.kind = partner_change::invalid;
        return change;
    }
    if (!store_.update(change.saved, ns(clock_))) {
        change.kind = partner_change::not_found;
        return change;
    }
    audit_.record(actor, "partner.update", "partner:" + change.saved.id);
    changed();
    return change;
}

bool partner_admin::set_enabled(std::string_view actor, std::string_view id, bool enabled) {
    if (!store_.set_enabled(id, enabled, ns(clock_))) return false;
    audit_.record(actor, enabled ? "partner.enable" : "partner.disable", "partner:" + std::string(id));
    changed();
    return true;
}

bool partner_admin::link(std::string_view actor, std::int64_t user_id, std::string_view user_name,
                         std::string_view partner_id) {
    if (!store_.find(partner_id) || !store_.link(user_id, std::string(partner_id))) return false;
    audit_.record(actor, "user.partner", "user:" + std::string(user_name) + " partner:" + std::string(partner_id));
    return true;
}

void partner_admin::unlink(std::string_view actor, std::int64_t user_id, std::string_view user_name) {
    auto const was = store_.partner_of(user_id);
    if (!was || !store_.link(user_id, std::nullopt)) return;
    audit_.record(actor, "user.partner", "user:" + std::string(user_name) + " partner:none (was " + *was + ")");
}

void partner_admin::changed() const {
    if (on_change_) on_change_();
}

} // namespace farol::editor
