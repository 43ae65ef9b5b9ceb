#include "handlers/editor_windows.hpp"

#include "editor/campaigns.hpp"
#include "editor/scheduling.hpp"
#include "handlers/editor_common.hpp"
#include "handlers/window_fields.hpp"
#include "http/http_error.hpp"
#include "http/response.hpp"

namespace farol::handlers::editor_windows {

namespace json = boost::json;
using namespace editor_ui;

namespace {

std::string path_of(std::string_view slug) { return "/editor/campaigns/" + std::string(slug) + "/window"; }

store::campaign_entry found(deps const& d, http::request_context const& ctx) {
    auto c = d.campaigns.find(ctx.params[0]);
    if (!c) throw http::http_error(http::status::not_found, page_context(*d.views, ctx).text("campaign.not_found"));
    return std::move(*c);
}

// The language the form is about ("" for the campaign itself); 404 for one it has no text in.
std::string language_of(deps const& d, http::request_context const& ctx, store::campaign_entry const& c,
                        std::string_view given) {
    if (given.empty()) return {};
    if (!c.state(given))
        throw http::http_error(http::status::not_found, page_context(*d.views, ctx).text("campaign.not_found"));
    return std::string(given);
}

json::array windows_of(page_context const& p, store::campaign_entry const& c, std::string const& zone) {
    auto const open = p.text("schedule.open");
    json::array rows;
    rows.push_back(json::object{{"label", p.text("schedule.whole_campaign")}, {"href", path_of(c.slug)},
                                {"from", local_text(c.window.from, zone, open)},
                                {"until", local_text(c.window.until, zone, open)}});
    for (auto const& t : c.translations)
        rows.push_back(json::object{{"label", t.language}, {"href", path_of(c.slug) + "?language=" + t.language},
                                    {"from", local_text(t.window.from, zone, open)},
                                    {"until", local_text(t.window.until, zone, open)}});
    return rows;
}

http::response show(deps const& d, http::request_context const& ctx, editor::window_form const* entered,
                    editor::window_result const* refused) {
    page_context p(*d.views, ctx);
    auto const c = found(d, ctx);
    auto const asked = entered ? ctx.form_value("language") : ctx.query_param("language").value_or("");
    auto const language = language_of(d, ctx, c, asked);
    auto const zone = d.scheduling.zone_for(ctx.session->user_id);
    content::publish_window stored = c.window;
    if (!language.empty()) stored = c.state(language)->window;
    auto const form = entered ? *entered : window_form_of(stored, zone);
    json::object data{{"slug", c.slug}, {"campaign_href", "/editor/campaigns/" + c.slug}, {"action", path_of(c.slug)},
                      {"language", language}, {"windows", windows_of(p, c, zone)}, {"zone_name", zone}};
    data["subject"] = language.empty() ? p.text("schedule.whole_campaign") : language;
    form_errors errors;
    if (refused) add_problems(errors, refused->problems);
    errors.into(p, data);
    window_view(p, form, refused ? refused->ambiguous : std::vector<editor::ambiguity>{}, d.clock.now(), data);
    return page(p, "window", std::move(data), refused ? http::status::unprocessable_entity : http::status::ok);
}

http::response save(deps const& d, http::request_context const& ctx) {
    auto const c = found(d, ctx);
    auto const language = language_of(d, ctx, c, ctx.form_value("language"));
    auto const form = read_window_form(ctx);
    auto const& actor = ctx.session->name;
    auto const r = language.empty() ? d.scheduling.set_campaign_window(actor, c.slug, form)
                                    : d.scheduling.set_translation_window(actor, c.slug, language, form);
    if (!r.problems.empty()) return show(d, ctx, &form, &r);
    return see_other("/editor/campaigns/" + c.slug + "?done=window");
}

} // namespace

void mount(http::route_group& r, deps d) {
    r.get("/editor/campaigns/{slug}/window", [d](auto const& ctx) { return show(d, ctx, nullptr, nullptr); },
          writers_route("editor_window"));
    r.add(http::verb::post, "/editor/campaigns/{slug}/window", [d](auto const& ctx) { return save(d, ctx); },
          writers_route("editor_window_save", http::body_kind::form));
}

} // namespace farol::handlers::editor_windows
