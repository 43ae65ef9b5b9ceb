#include "handlers/editor_schedule.hpp"

#include "editor/scheduling.hpp"
#include "handlers/editor_common.hpp"
#include "handlers/editor_site_preview.hpp"
#include "handlers/editor_slot.hpp"
#include "handlers/slot_views.hpp"
#include "handlers/window_fields.hpp"
#include "http/http_error.hpp"
#include "http/response.hpp"
#include "schedule/zone.hpp"
#include "view/editor_views.hpp"

namespace farol::handlers::editor_schedule {

namespace json = boost::json;
using namespace editor_ui;

namespace {

// The user's own zone to choose, the site's first (no zone of their own).
json::array my_zone_options(deps const& d, page_context const& p) {
    auto const own = d.scheduling.own_zone(p.ctx.session->user_id).value_or("");
    json::array out;
    auto const site = p.views.text(p.lang, "schedule.site_zone", {{"zone", d.scheduling.site_zone()}});
    out.push_back(json::object{{"name", ""}, {"label", site}, {"selected", own.empty()}});
    for (auto const& z : schedule::zone_names())
        out.push_back(json::object{{"name", z}, {"label", z}, {"selected", z == own}});
    return out;
}

http::response list(deps const& d, http::request_context const& ctx, json::object data = {},
                    http::status status = http::status::ok) {
    page_context p(*d.views, ctx);
    json::array rows;
    for (auto const& s : d.scheduling.slots())
        rows.push_back(json::object{{"name", s.name}, {"href", "/editor/schedule/" + s.name}, {"zone", s.zone},
                                    {"period", s.period_seconds / 60}, {"list_size", s.list_size},
                                    {"entries", s.entries.size()}, {"builtin", s.builtin}});
    data["slots"] = std::move(rows);
    data["my_zone_options"] = my_zone_options(d, p);
    if (auto const problem = d.scheduling.publish_problem()) data["publish_problem"] = *problem;
    if (!data.contains("new_zone")) data["new_zone"] = d.scheduling.site_zone();
    if (!data.contains("period_options")) data["period_options"] = period_options(3600);
    if (!data.contains("new_list_size")) data["new_list_size"] = 1;
    add_done_notice(p, "schedule", data);
    return page(p, "schedule", std::move(data), status);
}

editor::slot_form slot_form_of(http::request_context const& ctx, std::string name) {
    return {std::move(name), std::string(ctx.form_value("zone")), std::string(ctx.form_value("period")),
            std::string(ctx.form_value("list_size"))};
}

http::response create(deps const& d, http::request_context const& ctx) {
    auto const form = slot_form_of(ctx, std::string(ctx.form_value("name")));
    auto const problems = d.scheduling.create_slot(ctx.session->name, form);
    if (problems.empty()) return see_other("/editor/schedule/" + form.name);
    page_context p(*d.views, ctx);
    json::object data{{"new_name", form.name}, {"new_zone", form.zone}, {"new_list_size", form.list_size}};
    data["period_options"] = period_options(editor::read_int(form.period_minutes, 1, 1440).value_or(0) * 60);
    form_errors errors;
    add_problems(errors, problems);
    errors.into(p, data);
    return list(d, ctx, std::move(data), http::status::unprocessable_entity);
}

http::response settings(deps const& d, http::request_context const& ctx) {
    auto const problems = d.scheduling.update_slot(ctx.session->name, slot_form_of(ctx, ctx.params[0]));
    if (problems.empty()) return see_other("/editor/schedule/" + ctx.params[0] + "?done=settings");
    return editor_slot::refused(editor_slot::deps{d.views, d.scheduling, d.campaigns, d.clock, d.library}, ctx,
                                problems);
}

http::response my_zone(deps const& d, http::request_context const& ctx) {
    if (!d.scheduling.set_user_zone(ctx.session->name, ctx.session->user_id, std::string(ctx.form_value("zone")))) {
        page_context p(*d.views, ctx);
        form_errors errors;
        errors.add("my_zone", "schedule.zone_unknown", std::string(ctx.form_value("zone")));
        json::object data;
        errors.into(p, data);
        return list(d, ctx, std::move(data), http::status::unprocessable_entity);
    }
    return see_other("/editor/schedule?done=zone");
}

http::response remove(deps const& d, http::request_context const& ctx) {
    if (!d.scheduling.delete_slot(ctx.session->name, ctx.params[0]))
        throw http::http_error(http::status::not_found, page_context(*d.views, ctx).text("schedule.slot_unknown"));
    return see_other("/editor/schedule?done=deleted");
}

http::route_options admin_route(char const* name) {
    http::route_options o{name, http::body_kind::form};
    o.roles = http::only(http::role::admin);
    return o;
}

} // namespace

void mount(http::route_group& r, deps d) {
    r.get("/editor/schedule", [d](auto const& ctx) { return list(d, ctx); }, writers_route("editor_schedule"));
    r.add(http::verb::post, "/editor/schedule", [d](auto const& ctx) { return create(d, ctx); },
          admin_route("editor_slot_create"));
    r.add(http::verb::post, "/editor/schedule/zone", [d](auto const& ctx) { return my_zone(d, ctx); },
          writers_route("editor_schedule_zone", http::body_kind::form));
    r.add(http::verb::post, "/editor/schedule/{slot}/settings", [d](auto const& ctx) { return settings(d, ctx); },
          admin_route("editor_slot_settings"));
    r.add(http::verb::post, "/editor/schedule/{slot}/delete", [d](auto const& ctx) { return remove(d, ctx); },
          admin_route("editor_slot_delete"));
    editor_slot::mount(r, {d.views, d.scheduling, d.campaigns, d.clock, d.library});
    editor_site_preview::mount(r, {d.views, d.scheduling, d.clock, d.pages, d.library});
}

} // namespace farol::handlers::editor_schedule
