#include "schedule/zone.hpp"

#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

namespace farol::schedule {
namespace {

namespace chr = std::chrono;

date::local_seconds to_date(wall_time w) { return date::local_seconds(w.time_since_epoch()); }
wall_time from_date(date::local_seconds w) { return wall_time(w.time_since_epoch()); }

// Names that the OS database resolves but that are not IANA zones (the host's own setting).
bool host_alias(std::string_view name) { return name == "localtime" || name == "posixrules"; }

// Only the characters IANA names use, so no path tricks reach the database lookup.
bool plausible_name(std::string_view name) {
    if (name.empty() || name.size() > 64 || name.front() == '/' || name.find("..") != name.npos) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '_' ||
               c == '-' || c == '+';
    });
}

// Exactly `n` ASCII digits as a number, or -1.
int digits(std::string_view s) {
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return -1;
        v = v * 10 + (c - '0');
    }
    return v;
}

} // namespace

zone::zone() : tz_(date::locate_zone("Etc/UTC")) {}

std::string_view zone::name() const { return tz_->name(); }

std::optional<zone> find_zone(std::string_view name) {
    if (!plausible_name(name) || host_alias(name)) return std::nullopt;
    auto const& zones = date::get_tzdb().zones;
    // A plain search: date::locate_zone throws on a miss, and ~600 names cost nothing.
    auto it = std::find_if(zones.begin(), zones.end(), [&](date::time_zone const& z) { return z.name() == name; });
    if (it == zones.end()) return std::nullopt;
    return zone(&*it);
}

std::vector<std::string> zone_names() {
    std::vector<std::string> out;
    for (auto const& z : date::get_tzdb().zones)
        if (!host_alias(z.name())) out.push_back(z.name());
    std::sort(out.begin(), out.end());
    return out;
}

local_reading to_local(zone const& z, instant t) {
    auto const info = z.tz().get_info(t);
    return {wall_time(t.time_since_epoch() + info.offset), info.abbrev, info.offset};
}

std::string format_wall(wall_time w) {
    auto const day = chr::floor<chr::days>(w);
    chr::year_month_day const ymd{day};
    auto const minutes = chr::duration_cast<chr::minutes>(w - day).count();
    return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()), minutes / 60, minutes % 60);
}

std::string format_offset(chr::seconds offset) {
    auto const total = std::abs(offset.count());
    char const sign = offset.count() < 0 ? '-' : '+';
    if (total % 60 != 0) return fmt::format("{}{:02}:{:02}:{:02}", sign, total / 3600, total / 60 % 60, total % 60);
    return fmt::format("{}{:02}:{:02}", sign, total / 3600, total / 60 % 60);
}

std::string format_local(zone const& z, instant t) {
    auto const r = to_local(z, t);
    return fmt::format("{} {} (UTC{})", format_wall(r.wall), r.abbreviation, format_offset(r.offset));
}

wall_resolution to_utc(zone const& z, wall_time w) {
    auto const info = z.tz().get_info(to_date(w));
    wall_resolution out;
    auto const local = w.time_since_epoch();
    switch (info.result) {
    case date::local_info::unique:
        out.earlier = out.later = instant(local - info.first.offset);
        break;
    case date::local_info::ambiguous:
        out.kind = wall_kind::ambiguous;
        out.earlier = instant(local - info.first.offset);
        out.later = instant(local - info.second.offset);
        break;
    case date::local_info::nonexistent:
        out.kind = wall_kind::nonexistent;
        out.earlier = out.later = info.second.begin;
        out.gap_from = from_date(date::local_seconds(info.second.begin.time_since_epoch() + info.first.offset));
        out.gap_until = from_date(date::local_seconds(info.second.begin.time_since_epoch() + info.second.offset));
        break;
    }
    return out;
}

std::optional<chr::year_month_day> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int const y = digits(text.substr(0, 4)), m = digits(text.substr(5, 2)), d = digits(text.substr(8, 2));
    if (y < 1970 || y > latest_year || m < 0 || d < 0) return std::nullopt;
    chr::year_month_day const ymd{chr::year(y), chr::month(static_cast<unsigned>(m)), chr::day(static_cast<unsigned>(d))};
    if (!ymd.ok()) return std::nullopt;
    return ymd;
}

std::optional<chr::minutes> parse_time_of_day(std::string_view text) {
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    int const h = digits(text.substr(0, 2)), m = digits(text.substr(3, 2));
    if (h < 0 || h > 23 || m < 0 || m > 59) return std::nullopt;
    return chr::hours(h) + chr::minutes(m);
}

wall_time make_wall(chr::year_month_day day, chr::minutes time_of_day) {
    return wall_time(chr::local_days{day}) + time_of_day;
}

} // namespace farol::schedule
