#include "handlers/editor_partners.hpp"

#include "editor/audit_log.hpp"
#include "editor/partner_admin.hpp"
#include "handlers/editor_common.hpp"
#include "handlers/embed_request.hpp"
#include "handlers/partner_views.hpp"
#include "handlers/reach_views.hpp"
#include "http/access.hpp"
#include "http/http_error.hpp"
#include "http/response.hpp"
#include "http/security_headers.hpp"
#include "i18n/catalogs.hpp"
#include "i18n/format.hpp"
#include "metrics/reach_report.hpp"
#include "published/site.hpp"
#include "util/strings.hpp"
#include "view/editor_views.hpp"
#include "view/page_renderer.hpp"

#include <boost/json/array.hpp>

#include <algorithm>
#include <variant>

namespace farol::handlers::editor_partners {

namespace json = boost::json;
namespace chr = std::chrono;
using namespace editor_ui;

namespace {

constexpr int default_days = 28;
// The partner's report always splits by event; the second dimension is the reader's choice.
constexpr char const* groupings[] = {"event", "event,day", "event,campaign", "event,language"};

// "event,day" -> "event_day": the catalog key of a grouping's label.
std::string by_key(std::string_view by) {
    std::string out(by);
    std::replace(out.begin(), out.end(), ',', '_');
    return out;
}

std::string partner_path(std::string_view id) { return "/editor/partners/" + std::string(id); }

bool is_admin(http::request_context const& ctx) { return ctx.session->role == http::role::admin; }

// Row-level access on top of the route's roles: a partner's account sees its own partner only.
bool may_see(deps const& d, http::request_context const& ctx, std::string_view id) {
    if (ctx.session->role != http::role::partner) return true;
    auto const own = d.partners.partner_of(ctx.session->user_id);
    return own && *own == id;
}

partners::partner found(deps const& d, page_context const& p, std::string_view id) {
    if (!may_see(d, p.ctx, id)) throw http::http_error(http::status::forbidden, std::string(http::refusal::role));
    auto partner = d.partners.find(id);
    if (!partner) throw http::http_error(http::status::not_found, p.text("partners.not_found"));
    return *partner;
}

editor::partner_input input_of(http::request_context const& ctx, std::string id) {
    editor::partner_input in;
    in.id = std::move(id);
    in.name = ctx.form_value("name");
    for (auto line : util::split(ctx.form_value("origins"), '\n')) in.origins.emplace_back(line);
    in.default_slot = ctx.form_value("default_slot");
    in.default_language = ctx.form_value("default_language");
    return in;
}

// The form as typed, for a form sent back with its mistakes.
partners::partner typed(editor::partner_input const& in) {
    return {in.id, in.name, in.origins, in.default_slot, in.default_language, true};
}

json::object row_of(partners::partner const& p) {
    json::array origins(p.origins.begin(), p.origins.end());
    return {{"id", p.id}, {"name", p.name}, {"href", partner_path(p.id)}, {"enabled", p.enabled},
            {"origins", std::move(origins)}, {"slot", p.default_slot}};
}

http::response list(deps const& d, http::request_context const& ctx, json::object data = {},
                    http::status status = http::status::ok) {
    page_context p(*d.views, ctx);
    json::array rows;
    for (auto const& partner : d.partners.list())
        if (may_see(d, ctx, partner.id)) rows.push_back(row_of(partner));
    data["has_partners"] = !rows.empty();
    data["partners"] = std::move(rows);
    data["can_manage"] = is_admin(ctx);
    if (!data.contains("form"))
        add_partner_form(p, partners::partner{}, d.partners.slot_names(), d.partners.languages(), data);
    return page(p, "partners", std::move(data), status);
}

void add_errors(page_context const& p, std::vector<editor::partner_problem> const& problems, json::object& data) {
    form_errors errors;
    for (auto const& e : problems) errors.add(e.field, e.key, e.detail);
    errors.into(p, data);
}

http::response add(deps const& d, http::request_context const& ctx) {
    page_context p(*d.views, ctx);
    auto const in = input_of(ctx, std::string(util::trim(ctx.form_value("id"))));
    auto const change = d.partners.add(ctx.session->name, in);
    if (change.kind == editor::partner_change::done) return see_other(partner_path(change.saved.id) + "?done=add");
    json::object data;
    add_partner_form(p, typed(in), d.partners.slot_names(), d.partners.languages(), data);
    add_errors(p, change.problems, data);
    return list(d, ctx, std::move(data), http::status::unprocessable_entity);
}

// The reach form as asked (defaults filled in) and what it asks: one partner's source, by event and
// one of `groupings`, over at most a year.
struct reach_form {
    std::variant<metrics::report_request, metrics::request_error> request;
    std::string from, to, by;
};

reach_form reach_form_of(deps const& d, http::request_context const& ctx, std::string const& id) {
    auto const param = [&](char const* name, std::string fallback) {
        auto const v = ctx.query_param(name);
        return v && !v->empty() ? std::string(*v) : fallback;
    };
    auto const last = local_today(d.clock, d.zone);
    auto const first = chr::year_month_day(chr::sys_days(last) - chr::days(default_days - 1));
    reach_form f{metrics::request_error{}, param("from", metrics::format_day(first)),
                 param("to", metrics::format_day(last)), param("by", groupings[0])};
    f.request = metrics::parse_request(f.from, f.to, f.by, "widget_impression,widget_click,view");
    if (std::holds_alternative<metrics::report_request>(f.request) &&
        std::find(std::begin(groupings), std::end(groupings), f.by) == std::end(groupings))
        f.request = metrics::request_error{"by", metrics::request_problem::unknown_dimension, f.by};
    if (auto* r = std::get_if<metrics::report_request>(&f.request)) r->source = "partner:" + id;
    return f;
}

std::string described(reach_form const& f, std::string const& id) {
    return "partner:" + id + " " + f.from + ".." + f.to + " by " + f.by;
}

// The reach section: one suppressed report of the partner's source, by event and the chosen dimension.
void add_reach(deps const& d, page_context const& p, std::string const& id, json::object& data) {
    auto const form = reach_form_of(d, p.ctx, id);
    json::array options;
    for (char const* g : groupings)
        options.push_back(json::object{{"value", g}, {"label", p.text("partners.by." + by_key(g))}, {"selected", form.by == g}});
    data["reach"] = json::object{{"from", form.from}, {"to", form.to}, {"groupings", std::move(options)}, {"action", partner_path(id)}};
    data["suppressed_note"] = p.views.text(p.lang, "reach.suppressed_note", {{"k", std::to_string(d.k)}});
    if (auto const* e = std::get_if<metrics::request_error>(&form.request)) {
        form_errors errors;
        errors.add(e->field, error_key(*e), e->value);
        errors.into(p, data);
        data["reach_status"] = 400;
        return;
    }
    auto const report = metrics::build_report(d.reach, std::get<metrics::report_request>(form.request), d.k);
    add_grouped(p, report, data);
    data["has_report"] = true;
    data["csv_href"] = partner_path(id) + "/reach.csv?from=" + form.from + "&to=" + form.to + "&by=" + form.by;
    d.audit.record(p.ctx.session->name, "reach.view", described(form, id));
}

// The partner's reach as CSV (the dashboard's columns and suppression), for the partner's own records.
http::response export_csv(deps const& d, http::request_context const& ctx) {
    page_context p(*d.views, ctx);
    auto const partner = found(d, p, ctx.params[0]);
    auto const form = reach_form_of(d, ctx, partner.id);
    if (auto const* e = std::get_if<metrics::request_error>(&form.request))
        throw http::http_error(http::status::bad_request, p.views.text(p.lang, error_key(*e), {{"detail", e->value}}));
    auto csv = metrics::to_csv(metrics::build_report(d.reach, std::get<metrics::report_request>(form.request), d.k));
    d.audit.record(ctx.session->name, "reach.export", described(form, partner.id));
    auto res = http::make_text(http::status::ok, std::move(csv), "text/csv; charset=utf-8; header=present");
    res.set(http::field::content_disposition, "attachment; filename=\"farol-reach-partner-" + partner.id + "-" +
                                                  form.from + "-" + form.to + ".csv\"");
    return res;
}

// What the partner page shows: the embed codes, the preview, the reach, and the forms for admins.
json::object page_data(deps const& d, page_context const& p, partners::partner const& partner) {
    auto const pages = d.pages();
    auto const site = d.site.current();
    auto const& languages = d.partners.languages();
    auto const lang = !partner.default_language.empty() ? partner.default_language
                      : languages.empty()               ? std::string("pt-BR")
                                                        : languages.front();
    std::optional<embed::chosen_campaign> chosen;
    try {
        if (site->has_language(lang)) chosen = embed::choose_campaign(*site, partner.default_slot, lang);
    } catch (http::http_error const&) { // the slot is not on the site (yet): no preview
    }
    auto const public_url = pages ? pages->options().public_url : std::string();
    auto const link_text = pages ? pages->catalogs().text(lang, "home.title") : std::string("Farol");
    auto const codes = snippets_of(partner, public_url, lang, link_text, chosen ? chosen->slug : "");
    json::object data{{"partner", row_of(partner)},
                      {"script_snippet", codes.script},
                      {"iframe_snippet", codes.iframe},
                      {"oembed_url", codes.oembed},
                      {"can_manage", is_admin(p.ctx)}};
    if (chosen) data["preview_src"] = "/embed/c/" + chosen->slug + "?lang=" + lang;
    if (partner.default_language.empty()) data["language_label"] = p.text("partners.site_language");
    else data["language_label"] = i18n::display_name(lang, p.lang) + " (" + lang + ")";
    add_reach(d, p, partner.id, data);
    return data;
}

http::response partner_page(page_context const& p, json::object data, http::status status = http::status::ok) {
    if (data.contains("reach_status") && status == http::status::ok) status = http::status::bad_request;
    data["page_title"] = data.at("partner").as_object().at("name");
    auto res = page(p, "partner", std::move(data), status);
    // The preview frames the partner-less card of this site (it counts nothing); nothing else is framed.
    res.set("Content-Security-Policy", std::string(http::security_headers::default_csp) + "; frame-src 'self'");
    return res;
}

http::response show(deps const& d, http::request_context const& ctx) {
    page_context p(*d.views, ctx);
    auto const partner = found(d, p, ctx.params[0]);
    auto data = page_data(d, p, partner);
    add_partner_form(p, partner, d.partners.slot_names(), d.partners.languages(), data);
    add_done_notice(p, "partners", data);
    return partner_page(p, std::move(data));
}

http::response update(deps const& d, http::request_context const& ctx) {
    page_context p(*d.views, ctx);
    auto const partner = found(d, p, ctx.params[0]);
    auto const in = input_of(ctx, partner.id);
    auto const change = d.partners.update(ctx.session->name, in);
    if (change.kind == editor::partner_change::done) return see_other(partner_path(partner.id) + "?done=update");
    if (change.kind == editor::partner_change::not_found)
        throw http::http_error(http::status::not_found, p.text("partners.not_found"));
    auto data = page_data(d, p, partner);
    add_partner_form(p, typed(in), d.partners.slot_names(), d.partners.languages(), data);
    add_errors(p, change.problems, data);
    return partner_page(p, std::move(data), http::status::unprocessable_entity);
}

http::response act(deps const& d, http::request_context const& ctx) {
    page_context p(*d.views, ctx);
    auto const& action = ctx.params[1];
    if (action != "disable" && action != "enable")
        throw http::http_error(http::status::not_found, p.text("partners.not_found"));
    if (!d.partners.set_enabled(ctx.session->name, ctx.params[0], action == "enable"))
        throw http::http_error(http::status::not_found, p.text("partners.not_found"));
    return see_other(partner_path(ctx.params[0]) + "?done=" + action);
}

} // namespace

void mount(http::route_group& r, deps d) {
    using http::verb;
    auto const route = [](char const* name, http::role_set roles, http::body_kind body = http::body_kind::none) {
        http::route_options o{name, body};
        o.roles = roles;
        o.blocking = true; // SQLite
        return o;
    };
    auto const admin = http::only(http::role::admin);
    r.get("/editor/partners", [d](auto const& ctx) { return list(d, ctx); }, route("editor_partners", http::any_role));
    r.add(verb::post, "/editor/partners", [d](auto const& ctx) { return add(d, ctx); },
          route("editor_partners_add", admin, http::body_kind::form));
    r.get("/editor/partners/{id}", [d](auto const& ctx) { return show(d, ctx); }, route("editor_partner", http::any_role));
    r.get("/editor/partners/{id}/reach.csv", [d](auto const& ctx) { return export_csv(d, ctx); },
          route("editor_partner_csv", http::any_role));
    r.add(verb::post, "/editor/partners/{id}", [d](auto const& ctx) { return update(d, ctx); },
          route("editor_partner_update", admin, http::body_kind::form));
    r.add(verb::post, "/editor/partners/{id}/{action}", [d](auto const& ctx) { return act(d, ctx); },
          route("editor_partner_action", admin, http::body_kind::form));
}

} // namespace farol::handlers::editor_partners
