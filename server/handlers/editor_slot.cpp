#include "handlers/editor_slot.hpp"

#include "editor/scheduling.hpp"
#include "handlers/editor_common.hpp"
#include "handlers/slot_views.hpp"
#include "handlers/window_fields.hpp"
#include "http/http_error.hpp"
#include "http/response.hpp"

#include <charconv>

namespace farol::handlers::editor_slot {

namespace json = boost::json;
using namespace editor_ui;

namespace {

content::rotation_slot found(deps const& d, http::request_context const& ctx) {
    auto s = d.scheduling.find(ctx.params[0]);
    if (!s) throw http::http_error(http::status::not_found, page_context(*d.views, ctx).text("schedule.slot_unknown"));
    return std::move(*s);
}

json::array campaign_options(deps const& d, std::string_view selected) {
    json::array out;
    for (auto const& c : d.campaigns.list())
        if (!c.archived) out.push_back(json::object{{"value", c.slug}, {"selected", c.slug == selected}});
    return out;
}

json::array language_boxes(deps const& d, editor::entry_form const& form) {
    json::array out;
    for (auto const& l : d.scheduling.languages())
        out.push_back(json::object{{"value", l}, {"checked", std::find(form.languages.begin(), form.languages.end(), l) !=
                                                                  form.languages.end()}});
    return out;
}

json::array day_boxes(page_context const& p, std::vector<int> const& days) {
    json::array out;
    for (int d = 1; d <= 7; ++d) // Monday first
        out.push_back(json::object{{"value", d % 7}, {"label", p.text("schedule.day." + std::to_string(d % 7))},
                                   {"checked", std::find(days.begin(), days.end(), d % 7) != days.end()}});
    return out;
}

json::array priority_options(page_context const& p, std::string_view selected) {
    json::array out;
    for (char const* v : {"scheduled", "override", "fallback"})
        out.push_back(json::object{{"value", v}, {"label", p.text(std::string("schedule.priority.") + v)},
                                   {"selected", selected == v}});
    return out;
}

// Dates start in the editor's own zone if they chose one, else the slot's (where its rules run).
editor::entry_form blank_form(deps const& d, http::request_context const& ctx, content::rotation_slot const& s) {
    editor::entry_form f;
    f.window.zone = d.scheduling.own_zone(ctx.session->user_id).value_or(s.zone);
    f.weight = "1";
    f.priority = "scheduled";
    f.days = {0, 1, 2, 3, 4, 5, 6};
    return f;
}

void form_view(deps const& d, page_context const& p, editor::entry_form const& f,
               std::vector<editor::ambiguity> const& twice, json::object& data) {
    data["campaign_options"] = campaign_options(d, f.campaign);
    data["all_languages"] = f.all_languages;
    data["language_boxes"] = language_boxes(d, f);
    data["weight"] = f.weight;
    data["priority_options"] = priority_options(p, f.priority);
    data["day_boxes"] = day_boxes(p, f.days);
    data["hour_from"] = f.hour_from;
    data["hour_until"] = f.hour_until;
    window_view(p, f.window, twice, d.clock.now(), data);
}

http::response show(deps const& d, http::request_context const& ctx, editor::entry_form const* entered,
                    editor::entry_result const* result, json::object data = {}) {
    page_context p(*d.views, ctx);
    auto const s = found(d, ctx);
    data["slot"] = json::object{{"name", s.name}, {"href", "/editor/schedule/" + s.name}, {"zone", s.zone},
                                {"period", s.period_seconds / 60}, {"list_size", s.list_size}, {"builtin", s.builtin}};
    data["period_options"] = period_options(s.period_seconds);
    data["entries"] = entry_rows(p, s);
    data["has_entries"] = !s.entries.empty();
    if (auto const problem = d.scheduling.publish_problem()) data["publish_problem"] = *problem;
    for (auto&& [k, v] : plan_view(p, s, d.library(), d.scheduling.languages(), d.clock.now())) data[k] = v;
    form_view(d, p, entered ? *entered : blank_form(d, ctx, s), result ? result->ambiguous : std::vector<editor::ambiguity>{},
              data);
    if (result) {
        form_errors errors;
        add_problems(errors, result->problems);
        errors.into(p, data);
    }
    add_done_notice(p, "schedule", data);
    auto const status = result || data.contains("has_errors") ? http::status::unprocessable_entity : http::status::ok;
    return page(p, "slot", std::move(data), status);
}

editor::entry_form entry_form_of(http::request_context const& ctx) {
    editor::entry_form f;
    f.campaign = ctx.form_value("campaign");
    f.window = read_window_form(ctx);
    f.all_languages = ctx.form_value("all_languages") != "0";
    f.weight = ctx.form_value("weight");
    f.priority = ctx.form_value("priority");
    f.hour_from = ctx.form_value("hour_from");
    f.hour_until = ctx.form_value("hour_until");
    for (auto const& [k, v] : ctx.form) {
        if (k == "language") f.languages.push_back(v);
        if (k == "day" && v.size() == 1 && v[0] >= '0' && v[0] <= '6') f.days.push_back(v[0] - '0');
    }
    return f;
}

http::response add(deps const& d, http::request_context const& ctx) {
    auto const form = entry_form_of(ctx);
    auto const r = d.scheduling.add_entry(ctx.session->name, ctx.params[0], form);
    if (r.problems.empty()) return see_other("/editor/schedule/" + ctx.params[0] + "?done=entry_added");
    return show(d, ctx, &form, &r);
}

http::response remove(deps const& d, http::request_context const& ctx) {
    std::int64_t id = 0;
    auto const& text = ctx.params[1];
    auto const [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    bool const parsed = ec == std::errc() && end == text.data() + text.size();
    if (!parsed || !d.scheduling.delete_entry(ctx.session->name, ctx.params[0], id))
        throw http::http_error(http::status::not_found, page_context(*d.views, ctx).text("schedule.entry_unknown"));
    return see_other("/editor/schedule/" + ctx.params[0] + "?done=entry_deleted");
}

} // namespace

http::response refused(deps const& d, http::request_context const& ctx,
                       std::vector<editor::field_problem> const& problems) {
    page_context p(*d.views, ctx);
    json::object data;
    form_errors errors;
    for (auto const& pr : problems) errors.add("slot_" + pr.field, pr.key, pr.detail); // the settings form's own ids
    errors.into(p, data);
    return show(d, ctx, nullptr, nullptr, std::move(data));
}

void mount(http::route_group& r, deps d) {
    r.get("/editor/schedule/{slot}", [d](auto const& ctx) { return show(d, ctx, nullptr, nullptr); },
          writers_route("editor_slot"));
    r.add(http::verb::post, "/editor/schedule/{slot}/entries", [d](auto const& ctx) { return add(d, ctx); },
          writers_route("editor_slot_entry_add", http::body_kind::form));
    r.add(http::verb::post, "/editor/schedule/{slot}/entries/{id}/delete",
          [d](auto const& ctx) { return remove(d, ctx); },
          writers_route("editor_slot_entry_delete", http::body_kind::form));
}

} // namespace farol::handlers::editor_slot
