#include "handlers/editor_translations.hpp"

#include "editor/campaigns.hpp"
#include "editor/materials.hpp"
#include "editor/word_diff.hpp"
#include "handlers/editor_common.hpp"
#include "http/http_error.hpp"
#include "http/response.hpp"
#include "view/editor_views.hpp"
#include "view/page_renderer.hpp"

#include <charconv>

namespace farol::handlers::editor_translations {

namespace json = boost::json;
using namespace editor_ui;

namespace {

struct target {
    store::campaign_entry campaign;
    std::string language;
    std::string path; // /editor/campaigns/<slug>/t/<lang>
};

target target_of(deps const& d, http::request_context const& ctx) {
    auto c = d.campaigns.find(ctx.params[0]);
    if (!c || !d.campaigns.known_language(ctx.params[1]))
        throw http::http_error(http::status::not_found, page_context(*d.views, ctx).text("campaign.not_found"));
    return {std::move(*c), ctx.params[1], "/editor/campaigns/" + ctx.params[0] + "/t/" + ctx.params[1]};
}

json::object text_json(content::translation const& t) {
    return {{"title", t.title}, {"summary", t.summary}, {"body", t.body_markdown}};
}

std::int64_t number(std::string_view s) {
    std::int64_t n = 0;
    auto const [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    return ec == std::errc() && end == s.data() + s.size() && n >= 0 ? n : -1;
}

// "title body" as the user's words: "Title, Text (Markdown)".
std::string field_labels(page_context const& p, std::string_view fields) {
    std::string out;
    for (auto const* f : {"title", "summary", "body"}) {
        if (fields.find(f) == std::string_view::npos) continue;
        if (!out.empty()) out += ", ";
        out += p.text("translation.field_" + std::string(f));
    }
    return out;
}

http::response edit(deps const& d, http::request_context const& ctx, json::object data = {},
                    http::status status = http::status::ok) {
    page_context p(*d.views, ctx);
    auto const t = target_of(d, ctx);
    auto const& store = d.campaigns.store();
    auto const latest = store.revisions(t.campaign.slug, t.language);
    auto const* state = t.campaign.state(t.language);
    data["campaign"] = json::object{{"slug", t.campaign.slug}, {"href", "/editor/campaigns/" + t.campaign.slug}};
    data["language"] = t.language;
    data["path"] = t.path;
    data["is_default"] = t.language == t.campaign.default_language;
    data["published"] = state && state->published.has_value();
    data["draft"] = state && state->draft();
    data["outdated"] = state && state->outdated;
    if (!data.contains("text")) data["text"] = latest.empty() ? json::object{} : text_json(latest.front().text);
    if (!data.contains("base")) data["base"] = std::to_string(latest.empty() ? 0 : latest.front().revision);
    if (t.language != t.campaign.default_language) {
        auto const source = store.revisions(t.campaign.slug, t.campaign.default_language);
        if (!source.empty()) data["source"] = text_json(source.front().text);
        data["source_language"] = t.campaign.default_language;
    }
    add_done_notice(p, "translation", data);
    return page(p, "translation", std::move(data), status);
}

http::response save(deps const& d, http::request_context const& ctx) {
    auto const t = target_of(d, ctx);
    editor::translation_form form{t.language, std::string(ctx.form_value("title")), std::string(ctx.form_value("summary")),
                                  std::string(ctx.form_value("body")), number(ctx.form_value("base"))};
    auto const result = d.campaigns.save(ctx.session->name, t.campaign.slug, form);
    json::object mine{{"title", form.title}, {"summary", form.summary}, {"body", form.body}};
    page_context p(*d.views, ctx);
    if (!result.problems.empty()) {
        json::object data{{"text", mine}, {"base", std::to_string(form.base)}};
        form_errors errors;
        for (auto const& pr : result.problems) errors.add(pr.field, pr.key);
        errors.into(p, data);
        for (auto const& pr : result.problems)
            if (!pr.detail.empty()) data[pr.field + "_detail"] = pr.detail;
        return edit(d, ctx, std::move(data), http::status::unprocessable_entity);
    }
    if (result.kind == store::save_outcome::stale) {
        // Both texts, and the form now based on what was saved first: nothing is lost or overwritten.
        json::object data{{"text", mine}, {"base", std::to_string(result.latest.revision)},
                          {"conflict", json::object{{"theirs", text_json(result.latest.text)},
                                                    {"actor", result.latest.actor},
                                                    {"when", display_time(result.latest.at_ns)}}}};
        return edit(d, ctx, std::move(data), http::status::conflict);
    }
    return see_other(t.path + "?done=" + (result.kind == store::save_outcome::saved ? "saved" : "unchanged"));
}

http::response act(deps const& d, http::request_context const& ctx) {
    auto const t = target_of(d, ctx);
    auto const& action = ctx.params[2];
    auto const& actor = ctx.session->name;
    bool done = false;
    if (action == "publish") done = d.campaigns.publish(actor, t.campaign.slug, t.language);
    else if (action == "unpublish") done = d.campaigns.unpublish(actor, t.campaign.slug, t.language);
    else if (action == "confirm") {
        d.campaigns.confirm(actor, t.campaign.slug, t.language);
        done = true;
    } else throw http::http_error(http::status::not_found, page_context(*d.views, ctx).text("campaign.not_found"));
    return see_other(t.path + "?done=" + (done ? action : "nothing"));
}

http::response revisions(deps const& d, http::request_context const& ctx) {
    page_context p(*d.views, ctx);
    auto const t = target_of(d, ctx);
    auto const list = d.campaigns.store().revisions(t.campaign.slug, t.language);
    auto const a = number(ctx.query_param("a").value_or("")), b = number(ctx.query_param("b").value_or(""));
    json::array rows;
    for (auto const& r : list)
        rows.push_back(json::object{{"revision", std::to_string(r.revision)}, {"when", display_time(r.at_ns)},
                                    {"actor", r.actor}, {"fields", field_labels(p, r.fields)}, {"title", r.text.title},
                                    {"is_a", r.revision == a}, {"is_b", r.revision == b}});
    json::object data{{"path", t.path}, {"language", t.language}, {"revisions", std::move(rows)},
                      {"campaign", json::object{{"slug", t.campaign.slug}, {"href", "/editor/campaigns/" + t.campaign.slug}}},
                      {"base", std::to_string(list.empty() ? 0 : list.front().revision)}};
    auto const ra = d.campaigns.store().revision(t.campaign.slug, t.language, a);
    auto const rb = d.campaigns.store().revision(t.campaign.slug, t.language, b);
    if (ra && rb) {
        data["diff"] = json::object{
            {"a", std::to_string(a)}, {"b", std::to_string(b)},
            {"title_html", editor::diff_html(editor::word_diff(ra->text.title, rb->text.title))},
            {"summary_html", editor::diff_html(editor::word_diff(ra->text.summary, rb->text.summary))},
            {"body_html", editor::diff_html(editor::word_diff(ra->text.body_markdown, rb->text.body_markdown))}};
    }
    add_done_notice(p, "translation", data);
    return page(p, "revisions", std::move(data));
}

http::response restore(deps const& d, http::request_context const& ctx) {
    auto const t = target_of(d, ctx);
    auto const result = d.campaigns.restore(ctx.session->name, t.campaign.slug, t.language, number(ctx.params[2]),
                                            number(ctx.form_value("base")));
    page_context p(*d.views, ctx);
    if (!result.problems.empty()) throw http::http_error(http::status::not_found, p.text("revision.unknown"));
    if (result.kind == store::save_outcome::stale)
        throw http::http_error(http::status::conflict, p.text("translation.restore_stale"));
    return see_other(t.path + "/revisions?done=restored");
}

http::response preview(deps const& d, http::request_context const& ctx) {
    auto const t = target_of(d, ctx);
    auto const site = d.site.snapshot();
    auto const pages = d.pages();
    content::campaign c{t.campaign.slug, t.campaign.default_language, t.campaign.tags, t.campaign.hotlines, {}, {},
                        d.materials.materials_of(t.campaign.slug)};
    for (auto const& lang : d.campaigns.languages()) {
        auto const revs = d.campaigns.store().revisions(t.campaign.slug, lang);
        if (!revs.empty()) c.translations.push_back(revs.front().text);
    }
    if (!c.find_translation(t.language) || !c.find_translation(c.default_language) || !pages || !site->source)
        throw http::http_error(http::status::not_found, page_context(*d.views, ctx).text("translation.no_preview"));
    // An editor reading a draft is no reader: no beacon, and share and download links inert.
    return http::make_text(http::status::ok, pages->campaign(t.language, c, *site->source, view::audience::preview),
                           "text/html; charset=utf-8");
}

} // namespace

void mount(http::route_group& r, deps d) {
    auto const base = std::string("/editor/campaigns/{slug}/t/{lang}");
    r.get(base, [d](auto const& ctx) { return edit(d, ctx); }, writers_route("editor_translation"));
    r.add(http::verb::post, base, [d](auto const& ctx) { return save(d, ctx); },
          writers_route("editor_translation_save", http::body_kind::form));
    r.add(http::verb::post, base + "/{action}", [d](auto const& ctx) { return act(d, ctx); },
          writers_route("editor_translation_action", http::body_kind::form));
    r.get(base + "/revisions", [d](auto const& ctx) { return revisions(d, ctx); }, writers_route("editor_revisions"));
    r.add(http::verb::post, base + "/revisions/{n}/restore", [d](auto const& ctx) { return restore(d, ctx); },
          writers_route("editor_revision_restore", http::body_kind::form));
    r.get(base + "/preview", [d](auto const& ctx) { return preview(d, ctx); }, writers_route("editor_preview"));
}

} // namespace farol::handlers::editor_translations
