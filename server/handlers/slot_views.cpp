#include "handlers/slot_views.hpp"

#include "handlers/window_fields.hpp"
#include "schedule/plan.hpp"
#include "schedule/shares.hpp"
#include "schedule/timeline.hpp"
#include "view/editor_views.hpp"
#include "view/timeline_svg.hpp"

#include <fmt/format.h>

namespace farol::handlers::editor_ui {

namespace json = boost::json;

namespace {

constexpr std::chrono::hours week{24 * 7};
char const* const priority_names[] = {"fallback", "scheduled", "override"};

std::string days_text(page_context const& p, int days) {
    if (days == 0x7f) return p.text("schedule.every_day");
    std::string out;
    for (int d = 1; d <= 7; ++d) // Monday first, Sunday last
        if (days & (1 << (d % 7))) out += (out.empty() ? "" : " ") + p.text("schedule.day." + std::to_string(d % 7));
    return out;
}

std::string hours_text(content::rotation_entry const& e) {
    if (!e.hour_from || !e.hour_until) return "";
    return fmt::format("{:02}:00–{:02}:00", *e.hour_from, *e.hour_until % 24);
}

// Today's local midnight in the slot's zone, as an instant (a midnight a clock change skips: the change).
schedule::instant week_start(schedule::zone const& z, content::time_point now) {
    auto const local = schedule::to_local(z, std::chrono::floor<std::chrono::seconds>(now)).wall;
    return schedule::to_utc(z, std::chrono::floor<std::chrono::days>(local)).earlier;
}

json::array table_rows(schedule::zone const& z, content::rotation_slot const& slot,
                       std::vector<schedule::segment> const& segments, std::string const& nothing) {
    json::array rows;
    for (auto const& seg : segments)
        rows.push_back(json::object{{"from", schedule::format_wall(schedule::to_local(z, seg.from).wall)},
                                    {"until", schedule::format_wall(schedule::to_local(z, seg.until).wall)},
                                    {"campaign", seg.entry ? slot.entries[*seg.entry].campaign : nothing},
                                    {"empty", !seg.entry}});
    return rows;
}

json::object shares_of(page_context const& p, content::rotation_slot const& slot, schedule::share_report const& r) {
    json::array rows;
    for (std::size_t i = 0; i < slot.entries.size(); ++i) {
        auto const& e = slot.entries[i];
        rows.push_back(json::object{{"campaign", e.campaign}, {"weight", e.weight},
                                    {"priority", p.text(std::string("schedule.priority.") + priority_names[e.priority])},
                                    {"percent", fmt::format("{:.1f} %", 100.0 * r.fraction(i))},
                                    {"hours", fmt::format("{:.1f} h", static_cast<double>(r.shown[i].count()) / 3600)}});
    }
    auto const total = static_cast<double>((r.until - r.from).count());
    auto const unfilled = total > 0 ? 100.0 * static_cast<double>(r.unfilled.count()) / total : 0.0;
    return json::object{{"rows", std::move(rows)}, {"unfilled", fmt::format("{:.1f} %", unfilled)}};
}

} // namespace

json::array period_options(std::int64_t selected_seconds) {
    json::array out;
    for (int minutes : {1, 5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 480, 720, 1440})
        out.push_back(json::object{{"value", minutes}, {"selected", minutes * 60 == selected_seconds}});
    return out;
}

json::array entry_rows(page_context const& p, content::rotation_slot const& slot) {
    auto const open = p.text("schedule.open");
    json::array rows;
    for (auto const& e : slot.entries) {
        std::string langs;
        for (auto const& l : e.languages) langs += (langs.empty() ? "" : " ") + l;
        rows.push_back(json::object{
            {"id", e.id}, {"campaign", e.campaign},
            {"languages", e.all_languages ? p.text("schedule.all_languages") : langs},
            {"weight", e.weight}, {"priority", p.text(std::string("schedule.priority.") + priority_names[e.priority])},
            {"from", local_text(e.window.from, slot.zone, open)}, {"until", local_text(e.window.until, slot.zone, open)},
            {"days", days_text(p, e.days)}, {"hours", hours_text(e)},
            {"delete_href", "/editor/schedule/" + slot.name + "/entries/" + std::to_string(e.id) + "/delete"}});
    }
    return rows;
}

json::object plan_view(page_context const& p, content::rotation_slot const& slot, content::library const& lib,
                       std::vector<std::string> const& languages, content::time_point now) {
    auto const s = schedule::slot_of(slot);
    if (!s) return json::object{{"plan_error", p.text("schedule.slot_invalid")}};
    auto const from = week_start(s->tz, now);
    auto const nothing = p.text("schedule.nothing");
    std::vector<view::timeline_row> rows;
    json::array tables, shares;
    for (auto const& lang : languages) {
        auto const entries = schedule::entries_for(slot, lib, lang);
        auto segments = schedule::timeline(*s, entries, lang, from, week);
        tables.push_back(json::object{{"language", lang}, {"rows", table_rows(s->tz, slot, segments, nothing)}});
        auto const listed = static_cast<std::size_t>(std::max(1, slot.list_size));
        auto share = shares_of(p, slot, listed == 1 ? schedule::tally(segments, entries.size(), from, from + week)
                                                    : schedule::shares(*s, entries, lang, from, week, listed));
        share["language"] = lang;
        shares.push_back(std::move(share));
        rows.push_back({lang, std::move(segments)});
    }
    auto svg = view::timeline_svg(s->tz, from, week, rows, [&](std::size_t i) { return slot.entries[i].campaign; },
                                  {nothing, p.views.text(p.lang, "schedule.timeline_title", {{"slot", slot.name}})});
    return json::object{{"timeline_svg_html", std::move(svg)}, {"timeline_tables", std::move(tables)},
                        {"shares", std::move(shares)},
                        {"week_from", schedule::format_local(s->tz, from)}};
}

} // namespace farol::handlers::editor_ui
