#include "handlers/window_fields.hpp"

#include "schedule/zone.hpp"
#include "view/editor_views.hpp"

namespace farol::handlers::editor_ui {

namespace json = boost::json;

namespace {

editor::time_field time_field_of(http::request_context const& ctx, std::string const& name) {
    return {std::string(ctx.form_value(name + "_date")), std::string(ctx.form_value(name + "_time")),
            std::string(ctx.form_value(name + "_choice"))};
}

json::array zone_options(std::string const& selected) {
    static auto const names = schedule::zone_names();
    json::array out;
    out.reserve(names.size());
    for (auto const& n : names) out.push_back(json::object{{"name", n}, {"selected", n == selected}});
    return out;
}

json::array choices_for(std::string const& field, std::vector<editor::ambiguity> const& twice) {
    json::array out;
    for (auto const& a : twice)
        if (a.field == field) {
            out.push_back(json::object{{"field", field}, {"value", "earlier"}, {"label", a.earlier}});
            out.push_back(json::object{{"field", field}, {"value", "later"}, {"label", a.later}});
        }
    return out;
}

} // namespace

editor::window_form read_window_form(http::request_context const& ctx) {
    return {time_field_of(ctx, "from"), time_field_of(ctx, "until"), std::string(ctx.form_value("zone"))};
}

editor::window_form window_form_of(content::publish_window const& w, std::string const& zone) {
    editor::window_form f;
    f.zone = zone;
    if (auto const z = schedule::find_zone(zone)) {
        std::tie(f.from.date, f.from.time) = editor::wall_fields(w.from, *z);
        std::tie(f.until.date, f.until.time) = editor::wall_fields(w.until, *z);
    }
    return f;
}

void window_view(page_context const& p, editor::window_form const& form, std::vector<editor::ambiguity> const& twice,
                 content::time_point now, json::object& data) {
    data["zone_options"] = zone_options(form.zone);
    data["from_date"] = form.from.date;
    data["from_time"] = form.from.time;
    data["until_date"] = form.until.date;
    data["until_time"] = form.until.time;
    data["from_choices"] = choices_for("from", twice);
    data["until_choices"] = choices_for("until", twice);
    if (auto const z = schedule::find_zone(form.zone)) {
        auto const there = schedule::format_local(*z, std::chrono::floor<std::chrono::seconds>(now));
        data["zone_now"] = p.views.text(p.lang, "schedule.zone_now", {{"zone", std::string(z->name())}, {"now", there}});
    }
}

void add_problems(form_errors& errors, std::vector<editor::field_problem> const& problems) {
    for (auto const& pr : problems) errors.add(pr.field, pr.key, pr.detail);
}

std::string local_text(std::optional<content::time_point> t, std::string const& zone, std::string const& none) {
    auto const z = schedule::find_zone(zone);
    if (!t || !z) return none;
    return schedule::format_local(*z, std::chrono::ceil<std::chrono::seconds>(*t));
}

} // namespace farol::handlers::editor_ui
