#include "handlers/editor_reach.hpp"

#include "editor/audit_log.hpp"
#include "handlers/editor_common.hpp"
#include "handlers/reach_views.hpp"
#include "http/http_error.hpp"
#include "http/response.hpp"
#include "metrics/reach_report.hpp"
#include "schedule/zone.hpp"
#include "store/reach_query.hpp"
#include "view/editor_views.hpp"

#include <boost/json/array.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <variant>

namespace farol::handlers::editor_reach {

namespace json = boost::json;
namespace chr = std::chrono;
using namespace editor_ui;

namespace {

constexpr int default_days = 28;
constexpr char const* default_by = "day";
// The groupings the form offers; the CSV link takes any list of dimensions.
constexpr char const* groupings[] = {"day",      "day,campaign",    "campaign,language", "language,campaign",
                                     "campaign,source", "campaign,device", "language", "source", "device"};

struct parsed_form {
    std::variant<metrics::report_request, metrics::request_error> request;
    std::string from, to, by; // as asked, or the defaults
};

chr::year_month_day today(deps const& d) { return local_today(d.clock, d.zone); }

parsed_form form_of(deps const& d, http::request_context const& ctx) {
    auto const last = today(d);
    auto const first = chr::year_month_day(chr::sys_days(last) - chr::days(default_days - 1));
    auto const param = [&](char const* name, std::string fallback) {
        auto const v = ctx.query_param(name);
        return v && !v->empty() ? std::string(*v) : fallback;
    };
    parsed_form out{metrics::request_error{}, param("from", metrics::format_day(first)),
                    param("to", metrics::format_day(last)), param("by", default_by)};
    out.request = metrics::parse_request(out.from, out.to, out.by, "view");
    return out;
}

std::string query_of(parsed_form const& f) {
    auto const enc = [](std::string const& s) { return boost::urls::encode(s, boost::urls::unreserved_chars); };
    return "?from=" + enc(f.from) + "&to=" + enc(f.to) + "&by=" + enc(f.by);
}

json::array grouping_options(page_context const& p, std::string const& selected) {
    json::array out;
    for (char const* g : groupings) {
        auto const request = std::get<metrics::report_request>(metrics::parse_request("2026-01-01", "2026-01-01", g, ""));
        std::string label;
        for (auto dim : request.by) label += (label.empty() ? "" : " \u00d7 ") + dimension_name(p, dim);
        out.push_back(json::object{{"value", g}, {"label", label}, {"selected", selected == g}});
    }
    return out;
}

// "2026-07-01..2026-07-28 by campaign,language": what the audit log keeps of a report (no figures).
std::string described(metrics::report_request const& r) {
    std::string by;
    for (auto dim : r.by) by += (by.empty() ? "" : ",") + std::string(store::to_string(dim));
    return metrics::format_day(r.from) + ".." + metrics::format_day(r.to) + " by " + by;
}

http::response dashboard(deps const& d, http::request_context const& ctx) {
    page_context p(*d.views, ctx);
    auto const form = form_of(d, ctx);
    json::object data{{"from", form.from}, {"to", form.to}, {"groupings", grouping_options(p, form.by)},
                      {"suppressed_note", p.views.text(p.lang, "reach.suppressed_note", {{"k", std::to_string(d.k)}})}};
    if (auto const* e = std::get_if<metrics::request_error>(&form.request)) {
        form_errors errors;
        errors.add(e->field, error_key(*e), e->value);
        errors.into(p, data);
        return page(p, "reach", std::move(data), http::status::bad_request);
    }
    auto const& request = std::get<metrics::report_request>(form.request);
    auto const report = metrics::build_report(d.reach, request, d.k); // one report per page: see reach_views.hpp
    add_charts(p, report, data);
    add_grouped(p, report, data);
    // Reports can be subtracted from one another: who looked at which is on record, as for exports.
    d.audit.record(ctx.session->name, "reach.view", described(request));
    data["csv_href"] = "/editor/reach.csv" + query_of(form);
    data["has_report"] = true;
    return page(p, "reach", std::move(data));
}

http::response export_csv(deps const& d, http::request_context const& ctx) {
    auto const form = form_of(d, ctx);
    if (auto const* e = std::get_if<metrics::request_error>(&form.request)) {
        page_context p(*d.views, ctx);
        throw http::http_error(http::status::bad_request, p.views.text(p.lang, error_key(*e), {{"detail", e->value}}));
    }
    auto const& request = std::get<metrics::report_request>(form.request);
    auto csv = metrics::to_csv(metrics::build_report(d.reach, request, d.k));
    d.audit.record(ctx.session->name, "reach.export", described(request));
    auto res = http::make_text(http::status::ok, std::move(csv), "text/csv; charset=utf-8; header=present");
    res.set(http::field::content_disposition, "attachment; filename=\"farol-reach-" + metrics::format_day(request.from) +
                                                  "-" + metrics::format_day(request.to) + ".csv\"");
    return res;
}

} // namespace

void mount(http::route_group& r, deps d) {
    http::route_options o{"editor_reach"};
    o.roles = http::role::admin | http::role::editor;
    o.roles |= http::only(http::role::analyst);
    o.blocking = true; // SQLite
    r.get("/editor/reach", [d](auto const& ctx) { return dashboard(d, ctx); }, o);
    o.name = "editor_reach_csv";
    r.get("/editor/reach.csv", [d](auto const& ctx) { return export_csv(d, ctx); }, o);
}

} // namespace farol::handlers::editor_reach
