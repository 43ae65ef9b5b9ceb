#include "app/schedule_command.hpp"

#include "content/timestamp.hpp"
#include "schedule/pick.hpp"
#include "schedule/plan.hpp"
#include "store/database.hpp"
#include "store/library_repository.hpp"

#include <algorithm>

namespace farol::app {

namespace {

char const* const priority_names[] = {"fallback", "scheduled", "override"};

// The moment asked for, or nullopt with the reason on err.
std::optional<schedule::instant> moment(schedule_command const& cmd, schedule::zone const& z, util::clock const& clock,
                                        std::ostream& err) {
    if (cmd.at == "now") return std::chrono::floor<std::chrono::seconds>(clock.now());
    if (auto const utc = content::parse_utc_timestamp(cmd.at)) return std::chrono::floor<std::chrono::seconds>(*utc);
    auto const space = cmd.at.find(' ');
    auto const day = schedule::parse_date(cmd.at.substr(0, space));
    auto const time = space == std::string::npos ? std::optional(std::chrono::minutes(0))
                                                 : schedule::parse_time_of_day(cmd.at.substr(space + 1));
    if (!day || !time) {
        err << "farol schedule show: --at " << cmd.at
            << " is not now, 2026-07-30T12:00:00Z or a local \"2026-07-30 09:00\"\n";
        return std::nullopt;
    }
    auto const r = schedule::to_utc(z, schedule::make_wall(*day, *time));
    if (r.kind == schedule::wall_kind::unique) return r.earlier;
    if (r.kind == schedule::wall_kind::nonexistent)
        err << "farol schedule show: " << cmd.at << " does not exist in " << z.name() << " (the clocks skip "
            << schedule::format_wall(r.gap_from) << " to " << schedule::format_wall(r.gap_until) << ")\n";
    else
        err << "farol schedule show: " << cmd.at << " happens twice in " << z.name() << ": give "
            << content::format_utc_timestamp(r.earlier) << " or " << content::format_utc_timestamp(r.later) << "\n";
    return std::nullopt;
}

std::string both(schedule::zone const& z, schedule::instant t) {
    return schedule::format_local(z, t) + " = " + content::format_utc_timestamp(t);
}

void print(std::ostream& out, content::rotation_slot const& stored, schedule::slot const& s, schedule::instant t,
           std::string const& language, schedule::pick_result const& r) {
    out << "slot " << stored.name << " (" << s.tz.name() << ", period " << s.period.count() / 60 << " min, "
        << stored.entries.size() << " entries)\n"
        << "at " << both(s.tz, t) << ", language " << language << "\n";
    if (r.entries.empty()) out << "pick: nothing eligible (the slot falls back)\n";
    for (auto const i : r.entries) {
        auto const& e = stored.entries[i];
        out << "pick: " << e.campaign << " (entry " << e.id << ", " << priority_names[std::clamp(e.priority, 0, 2)]
            << ", weight " << e.weight << ")\n";
    }
    out << "period from " << both(s.tz, r.period_start) << "\n"
        << "next boundary " << both(s.tz, r.next_boundary) << " (in " << (r.next_boundary - t).count() << " s)\n";
}

} // namespace

int run_schedule_command(config const& cfg, schedule_command const& cmd, util::clock const& clock, std::ostream& out,
                         std::ostream& err) {
    auto const db = store::database::open(database_file(cfg), clock);
    auto const lib = store::load_library(*db, store::library_detail::site);
    auto const it = std::find_if(lib.slots.begin(), lib.slots.end(), [&](auto const& s) { return s.name == cmd.slot; });
    if (it == lib.slots.end()) {
        err << "farol schedule show: there is no slot named " << cmd.slot << "\n";
        return 1;
    }
    auto const s = schedule::slot_of(*it);
    auto const languages = language_list(cfg);
    auto const language = cmd.language.empty() ? languages.front() : cmd.language;
    auto const z = cmd.zone.empty() ? (s ? std::optional(s->tz) : std::nullopt) : schedule::find_zone(cmd.zone);
    if (!s || !z || std::find(languages.begin(), languages.end(), language) == languages.end()) {
        err << "farol schedule show: " << (!s ? "the slot's zone or period is not valid here"
                                           : !z ? "--zone " + cmd.zone + " is not an IANA time zone"
                                                : "--lang " + language + " is not one of the site's languages")
            << "\n";
        return 2;
    }
    auto const t = moment(cmd, *z, clock, err);
    if (!t) return 2;
    auto const entries = schedule::entries_for(*it, lib, language);
    print(out, *it, *s, *t, language, schedule::pick(*s, entries, language, *t, static_cast<std::size_t>(it->list_size)));
    return 0;
}

} // namespace farol::app
