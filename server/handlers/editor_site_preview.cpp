#include "handlers/editor_site_preview.hpp"

#include "editor/scheduling.hpp"
#include "handlers/editor_common.hpp"
#include "handlers/window_fields.hpp"
#include "http/http_error.hpp"
#include "http/response.hpp"
#include "view/home_plan.hpp"
#include "view/page_renderer.hpp"
#include "view/site_builder.hpp"

#include <charconv>
#include <deque>

namespace farol::handlers::editor_site_preview {

namespace json = boost::json;
using namespace editor_ui;

namespace {

void replace_all(std::string& text, std::string const& from, std::string const& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

std::string base_of(std::int64_t at) { return "/editor/preview/at/" + std::to_string(at) + "/"; }

// Keeps the reader inside the preview: links to home and campaign pages go to the same moment.
std::string keep_inside(std::string html, std::vector<std::string> const& languages, std::int64_t at) {
    for (auto const& l : languages) {
        replace_all(html, "href=\"/" + l + "/c/", "href=\"" + base_of(at) + l + "/c/");
        replace_all(html, "href=\"/" + l + "/\"", "href=\"" + base_of(at) + l + "/\"");
    }
    return html;
}

std::int64_t moment_of(deps const& d, http::request_context const& ctx) {
    std::int64_t at = 0;
    auto const& text = ctx.params[0];
    auto const [end, ec] = std::from_chars(text.data(), text.data() + text.size(), at);
    constexpr std::int64_t last = 7258118399; // 2199-12-31T23:59:59Z, as far as date fields go (schedule::latest_year)
    if (ec != std::errc() || end != text.data() + text.size() || at < 0 || at > last)
        throw http::http_error(http::status::not_found, page_context(*d.views, ctx).text("preview.unknown"));
    return at;
}

struct as_of {
    content::library lib;
    std::deque<content::campaign> narrowed;
    std::vector<content::campaign const*> published;
};

// The library and what is public at `at` (the Site build's own rules, view::published_at).
std::unique_ptr<as_of> site_at(deps const& d, content::time_point at) {
    auto out = std::make_unique<as_of>();
    out->lib = d.library();
    out->published = view::published_at(out->lib, at, out->narrowed);
    return out;
}

std::shared_ptr<view::page_renderer const> renderer(deps const& d, http::request_context const& ctx,
                                                    std::string_view lang) {
    auto pages = d.pages();
    auto const& langs = d.scheduling.languages();
    if (!pages || std::find(langs.begin(), langs.end(), lang) == langs.end())
        throw http::http_error(http::status::not_found, page_context(*d.views, ctx).text("preview.unknown"));
    return pages;
}

http::response home(deps const& d, http::request_context const& ctx) {
    auto const at = moment_of(d, ctx);
    auto const& lang = ctx.params[1];
    auto const pages = renderer(d, ctx, lang);
    content::time_point const t{std::chrono::seconds(at)};
    auto const site = site_at(d, t);
    auto const plan = view::plan_home(site->lib, site->published, lang, t);
    auto html = pages->home(lang, plan.campaigns, site->lib, plan.featured, view::audience::preview);
    return http::make_text(http::status::ok, keep_inside(std::move(html), d.scheduling.languages(), at),
                           "text/html; charset=utf-8");
}

http::response campaign(deps const& d, http::request_context const& ctx) {
    auto const at = moment_of(d, ctx);
    auto const& lang = ctx.params[1];
    auto const pages = renderer(d, ctx, lang);
    auto const site = site_at(d, content::time_point{std::chrono::seconds(at)});
    for (auto const* c : site->published)
        if (c->slug == ctx.params[2])
            return http::make_text(http::status::ok,
                                   keep_inside(pages->campaign(lang, *c, site->lib, view::audience::preview),
                                              d.scheduling.languages(), at),
                                   "text/html; charset=utf-8");
    throw http::http_error(http::status::not_found, page_context(*d.views, ctx).text("preview.not_public"));
}

json::array language_options(deps const& d, std::string_view selected) {
    json::array out;
    for (auto const& l : d.scheduling.languages()) out.push_back(json::object{{"value", l}, {"selected", l == selected}});
    return out;
}

// The moment to preview, read like any date field of the editor (zone, gaps, times read twice).
http::response form(deps const& d, http::request_context const& ctx) {
    page_context p(*d.views, ctx);
    auto const q = [&](char const* name) { return std::string(ctx.query_param(name).value_or("")); };
    auto const lang = q("lang").empty() ? d.scheduling.languages().front() : q("lang");
    editor::window_form f{{q("from_date"), q("from_time"), q("from_choice")}, {}, q("zone")};
    json::object data{{"language_options", language_options(d, lang)}};
    editor::window_result r;
    if (f.from.date.empty()) {
        f = window_form_of({d.clock.now(), {}}, d.scheduling.zone_for(ctx.session->user_id));
    } else {
        r = editor::read_window(f);
        if (r.problems.empty() && !r.window.from) r.problems.push_back({"from", "schedule.time_without_date", {}});
        if (r.problems.empty()) {
            auto const at = std::chrono::floor<std::chrono::seconds>(r.window.from->time_since_epoch()).count();
            renderer(d, ctx, lang);
            return see_other(base_of(at) + lang + "/");
        }
        form_errors errors;
        add_problems(errors, r.problems);
        errors.into(p, data);
    }
    window_view(p, f, r.ambiguous, d.clock.now(), data);
    return page(p, "site_preview", std::move(data), r.problems.empty() ? http::status::ok
                                                                        : http::status::unprocessable_entity);
}

} // namespace

void mount(http::route_group& r, deps d) {
    r.get("/editor/preview", [d](auto const& ctx) { return form(d, ctx); }, writers_route("editor_site_preview"));
    r.get("/editor/preview/at/{at}/{lang}/", [d](auto const& ctx) { return home(d, ctx); },
          writers_route("editor_site_preview_home"));
    r.get("/editor/preview/at/{at}/{lang}/c/{slug}", [d](auto const& ctx) { return campaign(d, ctx); },
          writers_route("editor_site_preview_campaign"));
}

} // namespace farol::handlers::editor_site_preview
