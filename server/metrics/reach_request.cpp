#include "metrics/reach_request.hpp"

#include "schedule/zone.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace farol::metrics {

namespace {

// The comma-separated items of `list`, each without surrounding spaces; empty items dropped.
std::vector<std::string> items_of(std::string_view list) {
    std::vector<std::string> out;
    while (!list.empty()) {
        auto const comma = list.find(',');
        auto item = list.substr(0, comma);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
        if (!item.empty()) out.emplace_back(item);
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    }
    return out;
}

std::optional<request_error> read_dims(std::string_view by, std::vector<store::reach_dim>& out) {
    for (auto const& name : items_of(by)) {
        auto const d = store::parse_reach_dim(name);
        if (!d) return request_error{"by", request_problem::unknown_dimension, name};
        if (std::find(out.begin(), out.end(), *d) != out.end())
            return request_error{"by", request_problem::repeated_dimension, name};
        out.push_back(*d);
    }
    return std::nullopt;
}

std::optional<request_error> read_events(std::string_view events, std::vector<std::string>& out) {
    auto names = items_of(events);
    if (names.empty()) names = {"view"};
    out.clear();
    for (auto const& name : names) {
        if (std::find(std::begin(event_names), std::end(event_names), name) == std::end(event_names))
            return request_error{"event", request_problem::unknown_event, name};
        if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
    }
    return std::nullopt;
}

} // namespace

std::string format_day(std::chrono::year_month_day day) {
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                       static_cast<unsigned>(day.day()));
}

int days_between(std::chrono::year_month_day from, std::chrono::year_month_day to) {
    return static_cast<int>((std::chrono::sys_days(to) - std::chrono::sys_days(from)).count()) + 1;
}

std::variant<report_request, request_error> parse_request(std::string_view from, std::string_view to,
                                                          std::string_view by, std::string_view events) {
    report_request r;
    auto const first = schedule::parse_date(from);
    if (!first) return request_error{"from", request_problem::bad_date, std::string(from)};
    auto const last = schedule::parse_date(to);
    if (!last) return request_error{"to", request_problem::bad_date, std::string(to)};
    r.from = *first;
    r.to = *last;
    auto const days = days_between(r.from, r.to);
    if (days < 1) return request_error{"from", request_problem::from_after_to, std::string(from)};
    if (days > max_report_days) return request_error{"to", request_problem::too_long, std::to_string(days)};
    if (auto e = read_dims(by, r.by)) return *e;
    if (auto e = read_events(events, r.events)) return *e;
    return r;
}

std::string describe(request_error const& e, std::string_view flag_prefix) {
    auto const flag = std::string(flag_prefix) + e.field;
    switch (e.problem) {
    case request_problem::bad_date: return fmt::format("{} {:?} is not a date (YYYY-MM-DD)", flag, e.value);
    case request_problem::from_after_to: return fmt::format("{} {} is after the last day", flag, e.value);
    case request_problem::too_long:
        return fmt::format("{}: the range spans {} days, more than {}", flag, e.value, max_report_days);
    case request_problem::unknown_dimension:
        return fmt::format("{}: {:?} is not a dimension (day, campaign, language, event, source, device)", flag, e.value);
    case request_problem::repeated_dimension: return fmt::format("{}: {} is named twice", flag, e.value);
    case request_problem::unknown_event:
        return fmt::format("{}: {:?} is not an event (view, preview, download, share, widget_impression, widget_click)",
                           flag, e.value);
    }
    return flag + " is not valid";
}

store::reach_selection selection_of(report_request const& r) {
    return {format_day(r.from), format_day(r.to), r.by, r.events, r.source};
}

} // namespace farol::metrics
