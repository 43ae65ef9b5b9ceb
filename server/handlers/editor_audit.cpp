#include "handlers/editor_audit.hpp"

#include "editor/audit_log.hpp"
#include "handlers/editor_common.hpp"
#include "http/http_error.hpp"
#include "http/response.hpp"
#include "view/editor_views.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <charconv>
#include <chrono>

namespace farol::handlers::editor_audit {

namespace json = boost::json;
using namespace editor_ui;

namespace {

// "YYYY-MM-DD" as nanoseconds at 00:00 UTC that day; nullopt for anything else or an impossible date.
std::optional<std::int64_t> day_start(std::string_view s) {
    int y = 0;
    unsigned m = 0, d = 0;
    auto const num = [&](std::size_t at, std::size_t len, auto& out) {
        auto const r = std::from_chars(s.data() + at, s.data() + at + len, out);
        return r.ec == std::errc() && r.ptr == s.data() + at + len;
    };
    if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d))
        return std::nullopt;
    std::chrono::year_month_day const ymd{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
    if (!ymd.ok()) return std::nullopt;
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::sys_days(ymd).time_since_epoch()).count();
}

struct parsed_filter {
    store::audit_filter filter;
    form_errors errors;
    json::object echo; // the form's values, to show them again
};

parsed_filter filter_of(http::request_context const& ctx) {
    parsed_filter out;
    auto const text = [&](char const* name) { return std::string(ctx.query_param(name).value_or("")); };
    for (char const* name : {"user", "action", "from", "until"}) out.echo[name] = text(name);
    if (auto u = text("user"); !u.empty()) out.filter.actor = u;
    if (auto a = text("action"); !a.empty()) out.filter.action = a;
    constexpr std::int64_t day_ns = 86'400'000'000'000;
    if (auto f = text("from"); !f.empty()) {
        if (auto ns = day_start(f)) out.filter.from_ns = *ns;
        else out.errors.add("from", "audit.bad_date");
    }
    if (auto u = text("until"); !u.empty()) {
        if (auto ns = day_start(u)) out.filter.until_ns = *ns + day_ns; // the whole day
        else out.errors.add("until", "audit.bad_date");
    }
    return out;
}

std::string query_of(json::object const& echo, std::size_t page) {
    std::string q;
    for (auto const& [k, v] : echo) {
        auto const& s = v.as_string();
        if (s.empty()) continue;
        q += (q.empty() ? "?" : "&") + std::string(k) + "=" + boost::urls::encode(s, boost::urls::unreserved_chars);
    }
    if (page > 1) q += (q.empty() ? "?" : "&") + std::string("page=") + std::to_string(page);
    return q;
}

http::response browse(deps const& d, http::request_context const& ctx) {
    page_context p(*d.views, ctx);
    auto parsed = filter_of(ctx);
    std::size_t page_no = 1;
    if (auto pg = ctx.query_param("page")) std::from_chars(pg->data(), pg->data() + pg->size(), page_no);
    page_no = std::clamp<std::size_t>(page_no, 1, 100000);
    json::object data = parsed.echo;
    json::array actions;
    for (auto const& a : d.audit.actions())
        actions.push_back(json::object{{"value", a}, {"selected", parsed.filter.action == a}});
    data["actions"] = std::move(actions);
    if (!parsed.errors.empty()) {
        parsed.errors.into(p, data);
        return page(p, "audit", std::move(data), http::status::unprocessable_entity);
    }
    parsed.filter.limit = page_size + 1; // one more tells whether there is a next page
    parsed.filter.offset = (page_no - 1) * page_size;
    auto entries = d.audit.list(parsed.filter);
    bool const more = entries.size() > page_size;
    if (more) entries.pop_back();
    json::array rows;
    for (auto const& e : entries)
        rows.push_back(json::object{{"time", display_time(e.at_ns)}, {"actor", e.actor}, {"action", e.action},
                                    {"object", e.object}, {"outcome", e.outcome}});
    data["entries"] = std::move(rows);
    data["csv_href"] = "/editor/audit.csv" + query_of(parsed.echo, 1);
    if (more) data["next_href"] = "/editor/audit" + query_of(parsed.echo, page_no + 1);
    if (page_no > 1) data["previous_href"] = "/editor/audit" + query_of(parsed.echo, page_no - 1);
    return page(p, "audit", std::move(data));
}

http::response export_csv(deps const& d, http::request_context const& ctx) {
    auto parsed = filter_of(ctx);
    if (!parsed.errors.empty()) throw http::http_error(http::status::bad_request, "A date is not YYYY-MM-DD.");
    parsed.filter.limit = max_export_rows;
    auto res = http::make_text(http::status::ok, editor::audit_log::to_csv(d.audit.list(parsed.filter)),
                               "text/csv; charset=utf-8; header=present");
    res.set(http::field::content_disposition, "attachment; filename=\"farol-audit.csv\"");
    return res;
}

} // namespace

void mount(http::route_group& r, deps d) {
    http::route_options o{"editor_audit"};
    o.roles = http::only(http::role::admin);
    r.get("/editor/audit", [d](auto const& ctx) { return browse(d, ctx); }, o);
    o.name = "editor_audit_csv";
    r.get("/editor/audit.csv", [d](auto const& ctx) { return export_csv(d, ctx); }, o);
}

} // namespace farol::handlers::editor_audit
