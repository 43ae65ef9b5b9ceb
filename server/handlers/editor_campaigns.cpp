#include "handlers/editor_campaigns.hpp"

#include "editor/campaigns.hpp"
#include "handlers/editor_campaign_materials.hpp"
#include "handlers/editor_common.hpp"
#include "handlers/editor_translations.hpp"
#include "http/http_error.hpp"
#include "http/response.hpp"
#include "view/editor_views.hpp"

#include <boost/json/value_from.hpp>

#include <algorithm>

namespace farol::handlers::editor_campaigns {

namespace json = boost::json;
using namespace editor_ui;

namespace {

std::string campaign_path(std::string_view slug) { return "/editor/campaigns/" + std::string(slug); }

// "published", "changes" (published, newer text saved), "draft" or "missing", for a language.
std::string state_of(store::campaign_entry const& c, std::string_view lang) {
    auto const* s = c.state(lang);
    if (!s) return "missing";
    if (!s->published) return "draft";
    return s->draft() ? "changes" : "published";
}

json::array languages_of(page_context const& p, editor::campaigns const& cs, store::campaign_entry const& c) {
    json::array out;
    for (auto const& lang : cs.languages()) {
        auto const state = state_of(c, lang);
        auto const* s = c.state(lang);
        out.push_back(json::object{{"language", lang},
                                   {"href", campaign_path(c.slug) + "/t/" + lang},
                                   {"state", state},
                                   {"state_label", p.text("state." + state)},
                                   {"outdated", s && s->outdated},
                                   {"default", lang == c.default_language}});
    }
    return out;
}

bool matches(store::campaign_entry const& c, http::request_context const& ctx) {
    auto const state = ctx.query_param("state").value_or("");
    auto const lang = ctx.query_param("language").value_or("");
    auto const tag = ctx.query_param("tag").value_or("");
    if (!tag.empty() && std::find(c.tags.begin(), c.tags.end(), tag) == c.tags.end()) return false;
    if (state == "archived") return c.archived;
    if (c.archived && !state.empty()) return false;
    if (lang.empty()) {
        if (state == "outdated") return std::any_of(c.translations.begin(), c.translations.end(), [](auto& t) { return t.outdated; });
        if (state == "draft") return std::any_of(c.translations.begin(), c.translations.end(), [](auto& t) { return t.draft(); });
        if (state == "published") return std::any_of(c.translations.begin(), c.translations.end(), [](auto& t) { return t.published.has_value(); });
        return true;
    }
    auto const* s = c.state(lang);
    if (state == "outdated") return s && s->outdated;
    if (state == "draft") return s && s->draft();
    if (state == "published") return s && s->published;
    if (state == "missing") return !s;
    return true;
}

json::array hotline_choices(deps const& d, std::vector<std::string> const& chosen) {
    json::array out;
    auto const site = d.site.snapshot();
    if (!site->source) return out;
    for (auto const& h : site->source->hotlines)
        out.push_back(json::object{{"id", h.id}, {"number", h.number},
                                   {"checked", std::find(chosen.begin(), chosen.end(), h.id) != chosen.end()}});
    return out;
}

json::array language_choices(editor::campaigns const& cs, std::string_view selected) {
    json::array out;
    for (auto const& l : cs.languages()) out.push_back(json::object{{"value", l}, {"selected", l == selected}});
    return out;
}

http::response list(deps const& d, http::request_context const& ctx, json::object data = {},
                    http::status status = http::status::ok) {
    page_context p(*d.views, ctx);
    json::array rows;
    for (auto const& c : d.campaigns.list()) {
        if (!matches(c, ctx)) continue;
        rows.push_back(json::object{{"slug", c.slug}, {"href", campaign_path(c.slug)}, {"archived", c.archived},
                                    {"tags", json::value_from(c.tags)}, {"languages", languages_of(p, d.campaigns, c)}});
    }
    data["campaigns"] = std::move(rows);
    data["language_options"] = language_choices(d.campaigns, ctx.query_param("language").value_or(""));
    data["site_languages"] = json::value_from(d.campaigns.languages());
    data["filter_tag"] = ctx.query_param("tag").value_or("");
    json::array states;
    auto const chosen = ctx.query_param("state").value_or("");
    for (char const* s : {"draft", "published", "outdated", "missing", "archived"})
        states.push_back(json::object{{"value", s}, {"label", p.text("state." + std::string(s))}, {"selected", chosen == s}});
    data["state_options"] = std::move(states);
    if (!data.contains("new_default_options")) data["new_default_options"] = language_choices(d.campaigns, d.campaigns.languages().front());
    return page(p, "campaigns", std::move(data), status);
}

editor::campaign_form form_of(http::request_context const& ctx, std::string slug) {
    editor::campaign_form f{std::move(slug), std::string(ctx.form_value("default_language")),
                            std::string(ctx.form_value("tags")), {}};
    for (auto const& [k, v] : ctx.form)
        if (k == "hotline") f.hotlines.push_back(v);
    return f;
}

http::response create(deps const& d, http::request_context const& ctx) {
    auto const form = form_of(ctx, std::string(ctx.form_value("slug")));
    auto const problems = d.campaigns.create(ctx.session->name, form);
    if (problems.empty()) return see_other(campaign_path(form.slug));
    page_context p(*d.views, ctx);
    json::object data{{"slug", form.slug}, {"tags", form.tags},
                      {"new_default_options", language_choices(d.campaigns, form.default_language)}};
    form_errors errors;
    for (auto const& pr : problems) errors.add(pr.field, pr.key);
    errors.into(p, data);
    return list(d, ctx, std::move(data), http::status::unprocessable_entity);
}

store::campaign_entry found(deps const& d, http::request_context const& ctx) {
    auto c = d.campaigns.find(ctx.params[0]);
    if (!c) throw http::http_error(http::status::not_found, page_context(*d.views, ctx).text("campaign.not_found"));
    return std::move(*c);
}

http::response show(deps const& d, http::request_context const& ctx, json::object data = {},
                    http::status status = http::status::ok) {
    page_context p(*d.views, ctx);
    auto const c = found(d, ctx);
    data["campaign"] = json::object{{"slug", c.slug}, {"href", campaign_path(c.slug)}, {"archived", c.archived}};
    if (!data.contains("tags")) data["tags"] = [&] { std::string t; for (auto const& x : c.tags) t += (t.empty() ? "" : " ") + x; return t; }();
    data["default_options"] = language_choices(d.campaigns, c.default_language);
    data["hotlines"] = hotline_choices(d, c.hotlines);
    data["languages"] = languages_of(p, d.campaigns, c);
    editor_campaign_materials::add_view(p, d.materials, c.slug, d.campaigns.languages(), data);
    add_done_notice(p, "campaign", data);
    return page(p, "campaign", std::move(data), status);
}

// The campaign page again, 422, with the form's problems.
http::response refused(deps const& d, http::request_context const& ctx, std::vector<editor::field_problem> const& problems) {
    page_context p(*d.views, ctx);
    json::object data{{"tags", std::string(ctx.form_value("tags"))}};
    form_errors errors;
    for (auto const& pr : problems) errors.add(pr.field, pr.key);
    errors.into(p, data);
    return show(d, ctx, std::move(data), http::status::unprocessable_entity);
}

http::response act(deps const& d, http::request_context const& ctx) {
    auto const c = found(d, ctx);
    auto const& action = ctx.params[1];
    auto const& actor = ctx.session->name;
    if (action == "metadata") {
        auto const problems = d.campaigns.set_metadata(actor, form_of(ctx, c.slug));
        if (!problems.empty()) return refused(d, ctx, problems);
    } else if (action == "attach") {
        auto const problems = editor_campaign_materials::attach(d.materials, ctx, c.slug);
        if (!problems.empty()) return refused(d, ctx, problems);
    } else if (action == "detach") {
        editor_campaign_materials::detach(d.materials, ctx, c.slug);
    } else if (action == "archive" || action == "unarchive") {
        d.campaigns.set_archived(actor, c.slug, action == "archive");
    } else if (action == "publish-all") {
        d.campaigns.publish_all(actor, c.slug);
    } else {
        throw http::http_error(http::status::not_found, page_context(*d.views, ctx).text("campaign.not_found"));
    }
    return see_other(campaign_path(c.slug) + "?done=" + action);
}

} // namespace

void mount(http::route_group& r, deps d) {
    r.get("/editor/campaigns", [d](auto const& ctx) { return list(d, ctx); }, writers_route("editor_campaigns"));
    r.add(http::verb::post, "/editor/campaigns", [d](auto const& ctx) { return create(d, ctx); },
          writers_route("editor_campaigns_create", http::body_kind::form));
    r.get("/editor/campaigns/{slug}", [d](auto const& ctx) { return show(d, ctx); }, writers_route("editor_campaign"));
    r.add(http::verb::post, "/editor/campaigns/{slug}/{action}", [d](auto const& ctx) { return act(d, ctx); },
          writers_route("editor_campaign_action", http::body_kind::form));
    editor_translations::mount(r, {d.views, d.campaigns, d.materials, d.site, d.pages});
}

} // namespace farol::handlers::editor_campaigns
