#include "editor/schedule_form.hpp"

#include <charconv>

namespace farol::editor {

namespace {

// One end of the window, or nullopt with a problem (or for an empty field).
std::optional<content::time_point> read_end(time_field const& f, std::string const& name, schedule::zone const& z,
                                            window_result& out) {
    if (f.date.empty() && f.time.empty()) return std::nullopt;
    auto const day = schedule::parse_date(f.date);
    auto const time = f.time.empty() ? std::optional(std::chrono::minutes(0)) : schedule::parse_time_of_day(f.time);
    if (f.date.empty()) out.problems.push_back({name, "schedule.time_without_date", {}});
    else if (!day) out.problems.push_back({name, "schedule.date_invalid", f.date});
    else if (!time) out.problems.push_back({name, "schedule.time_invalid", f.time});
    if (!day || !time) return std::nullopt;
    auto const r = schedule::to_utc(z, schedule::make_wall(*day, *time));
    switch (r.kind) {
    case schedule::wall_kind::unique:
        return r.earlier;
    case schedule::wall_kind::nonexistent:
        out.problems.push_back({name, "schedule.gap", schedule::format_wall(r.gap_from).substr(11) + "–" +
                                                          schedule::format_wall(r.gap_until).substr(11)});
        return std::nullopt;
    case schedule::wall_kind::ambiguous:
        if (f.choice == "earlier") return r.earlier;
        if (f.choice == "later") return r.later;
        out.problems.push_back({name, "schedule.ambiguous", {}});
        out.ambiguous.push_back({name, schedule::format_local(z, r.earlier), schedule::format_local(z, r.later)});
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace

window_result read_window(window_form const& form) {
    window_result out;
    auto const z = schedule::find_zone(form.zone);
    if (!z) {
        out.problems.push_back({"zone", "schedule.zone_unknown", form.zone});
        return out;
    }
    out.window.from = read_end(form.from, "from", *z, out);
    out.window.until = read_end(form.until, "until", *z, out);
    if (out.problems.empty() && out.window.from && out.window.until && *out.window.until <= *out.window.from)
        out.problems.push_back({"until", "schedule.window_order", {}});
    return out;
}

std::optional<int> read_int(std::string_view text, int low, int high) {
    int v = 0;
    auto const [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || v < low || v > high) return std::nullopt;
    return v;
}

std::pair<std::string, std::string> wall_fields(std::optional<content::time_point> t, schedule::zone const& zone) {
    if (!t) return {};
    auto const wall = schedule::format_wall(schedule::to_local(zone, std::chrono::floor<std::chrono::seconds>(*t)).wall);
    return {wall.substr(0, 10), wall.substr(11, 5)};
}

} // namespace farol::editor
