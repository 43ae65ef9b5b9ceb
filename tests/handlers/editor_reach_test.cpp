// The reach dashboard: who may see it, its range form, the charts with their tables, suppression
// on the page and in the CSV export, and the export's audit entry.
#include "handlers/editor_fixture.hpp"
#include "metrics/reach_report.hpp"
#include "schedule/schedule_fixtures.hpp"
#include "store/reach_store.hpp"

#include <catch2/catch.hpp>

using namespace farol;
using namespace farol::test;
using farol::schedule::testing::utc;
using http::field;
using http::status;

namespace {

struct reach_fixture {
    editor_fixture f;
    editor_client c{f};

    reach_fixture() {
        f.clock().set(utc(2026, 7, 31, 2)); // 23:00 on the 30th in Sao Paulo: "today" is local
        f.add_user("ana", http::role::admin, strong);
        REQUIRE(c.sign_in("ana", strong).result() == status::see_other);
        // 2026-07-10: alfa pt-BR 40 views / 30 readers, alfa es 3 / 2 (hidden); 2026-07-12: beta pt-BR 6 / 4
        // (hidden, and so is that whole day); 2026-07-01 is before the default range.
        store::reach_store(f.db, 1).flush({{"2026-07-10", "alfa", "pt-BR", "view", "direct", "phone", 40},
                                           {"2026-07-10", "alfa", "es", "view", "qr", "phone", 3},
                                           {"2026-07-10", "", "pt-BR", "view", "whatsapp", "phone", 22},
                                           {"2026-07-12", "beta", "pt-BR", "view", "direct", "tablet", 6},
                                           {"2026-07-01", "alfa", "pt-BR", "view", "direct", "phone", 70}},
                                          {{"2026-07-10", "alfa", "pt-BR", 30},
                                           {"2026-07-10", "alfa", "es", 2},
                                           {"2026-07-10", "", "pt-BR", 15},
                                           {"2026-07-12", "beta", "pt-BR", 4},
                                           {"2026-07-01", "alfa", "pt-BR", 50}});
    }
};

std::size_t count_of(std::string const& text, std::string const& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

std::string between(std::string const& html, std::string const& start, std::string const& end) {
    auto const from = html.find(start);
    if (from == std::string::npos) return {};
    return html.substr(from, html.find(end, from) - from);
}

} // namespace

TEST_CASE("editor reach: admins, editors and analysts see it and its link, partners get 403", "[editor][reach]") {
    reach_fixture s;
    s.f.add_user("rui", http::role::editor, strong);
    s.f.add_user("lia", http::role::analyst, strong);
    s.f.add_user("pat", http::role::partner, strong);
    for (auto const* name : {"rui", "lia"}) {
        editor_client c(s.f);
        REQUIRE(c.sign_in(name, strong).result() == status::see_other);
        INFO(name);
        auto const res = c.get("/editor/reach");
        CHECK(res.result() == status::ok);
        CHECK(contains(res, "<a href=\"/editor/reach\">Reach</a>"));
        CHECK(c.get("/editor/reach.csv").result() == status::ok);
    }
    editor_client partner(s.f);
    REQUIRE(partner.sign_in("pat", strong).result() == status::see_other);
    CHECK(partner.get("/editor/reach").result() == status::forbidden);
    CHECK(partner.get("/editor/reach.csv").result() == status::forbidden);
    CHECK_FALSE(contains(partner.get("/editor/account"), "/editor/reach"));
    CHECK(s.f.editor.audit.list({std::nullopt, "reach.export"}).size() == 2); // rui's and lia's, not pat's
}

TEST_CASE("editor reach: the last 28 local days by day by default, charts each followed by a table", "[editor][reach]") {
    reach_fixture s;
    auto const res = s.c.get("/editor/reach");
    REQUIRE(res.result() == status::ok);
    CHECK(res[field::cache_control] == "no-store");
    auto const html = body_of(res);
    CHECK(contains(res, "id=\"from\" name=\"from\" type=\"date\" value=\"2026-07-03\""));
    CHECK(contains(res, "id=\"to\" name=\"to\" type=\"date\" value=\"2026-07-30\""));
    CHECK(contains(res, "<option value=\"day\" selected>Day</option>"));
    CHECK(contains(res, "&lt;10 means fewer than 10: hidden so nobody can be singled out."));
    for (auto const* chart : {"reach-views", "reach-readers"}) {
        INFO(chart);
        auto const svg = between(html, std::string("<title id=\"") + chart + "-title\"", "</svg>");
        REQUIRE_FALSE(svg.empty());
        auto const marks = count_of(svg, "<rect class=\"bar\"") + count_of(svg, "<rect class=\"hidden-bar\"") +
                           count_of(svg, "<text class=\"unknown\"");
        CHECK(marks == 28); // one per day
        CHECK(count_of(svg, "<rect class=\"hidden-bar\"") == 1);
        CHECK(svg.find("<title>2026-07-12: &lt;10</title>") != std::string::npos); // the hidden day, marked, not measured
        CHECK(svg.find("Hatched: hidden (fewer than 10, or withheld)</text>") != std::string::npos); // its legend
    }
    CHECK(count_of(html, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"") == 2);
    CHECK(contains(res, "<h2 id=\"reach-views-heading\">Views by day</h2>"));
    CHECK(contains(res, "<title>2026-07-10: 65</title>"));
    CHECK(contains(res, "<title>2026-07-10: 47</title>"));
    auto const views = between(html, "<table id=\"reach-views-table\">", "</table>");
    CHECK(views.find("<tr><th scope=\"row\">2026-07-10</th><td class=\"num\">65</td></tr>") != std::string::npos);
    CHECK(views.find("<tr><th scope=\"row\">2026-07-12</th><td class=\"num\">&lt;10</td></tr>") != std::string::npos);
    CHECK(views.find("<tr><th scope=\"row\">2026-07-11</th><td class=\"num\">0</td></tr>") != std::string::npos);
    CHECK(views.find("2026-07-01") == std::string::npos); // before the range
    auto const readers = between(html, "<table id=\"reach-readers-table\">", "</table>");
    CHECK(readers.find("<tr><th scope=\"row\">2026-07-10</th><td class=\"num\">47</td></tr>") != std::string::npos);
    CHECK(readers.find("<tr><th scope=\"row\">2026-07-12</th><td class=\"num\">&lt;10</td></tr>") != std::string::npos);
    // A day without views may still have had readers (of a download, a share): unknown, never a false 0.
    CHECK(readers.find("<tr><th scope=\"row\">2026-07-11</th><td class=\"num\">–</td></tr>") != std::string::npos);
    CHECK(readers.find("<td class=\"num\">0</td>") == std::string::npos);
    auto const readers_svg = between(html, "<title id=\"reach-readers-title\"", "</svg>");
    CHECK(count_of(readers_svg, "<text class=\"unknown\"") == 26);
    CHECK(readers_svg.find("<title>2026-07-11: –</title>") != std::string::npos);
    CHECK(readers_svg.find("<title>2026-07-11: 0</title>") == std::string::npos);
    auto const viewed = s.f.editor.audit.list({std::nullopt, "reach.view"});
    REQUIRE(viewed.size() == 1);
    CHECK(viewed[0].object == "2026-07-03..2026-07-30 by day");
}

TEST_CASE("editor reach: the grouping table has subtotals and a total, hidden cells as <10", "[editor][reach]") {
    reach_fixture s;
    auto const html = body_of(s.c.get("/editor/reach?from=2026-07-01&to=2026-07-30&by=campaign,language"));
    auto const grouped = between(html, "<table id=\"grouped-table\"", "</table>");
    CHECK(grouped.find("<th scope=\"col\">Campaign</th><th scope=\"col\">Language</th>") != std::string::npos);
    CHECK(grouped.find("<tr class=\"cell\"><td>(home and search)</td><td>pt-BR</td><td class=\"num\">22</td>"
                       "<td class=\"num\">15</td></tr>") != std::string::npos);
    CHECK(grouped.find("<tr class=\"cell\"><td>alfa</td><td>es</td><td class=\"num\">&lt;10</td>"
                       "<td class=\"num\">&lt;10</td></tr>") != std::string::npos);
    CHECK(grouped.find("<tr class=\"subtotal\"><td>alfa</td><td>Subtotal</td><td class=\"num\">withheld</td>")
          != std::string::npos);
    CHECK(grouped.find("<tr class=\"total\"><td>Total</td>") != std::string::npos);
    // The charts are the same report's subtotals by campaign: alfa's is withheld there too.
    auto const chart = between(html, "<title id=\"reach-views-title\"", "</svg>");
    CHECK(chart.find("<title>alfa: withheld</title>") != std::string::npos);
    CHECK(chart.find("<title>(home and search): 22</title>") != std::string::npos);
    auto const table = between(html, "<table id=\"reach-views-table\">", "</table>");
    CHECK(table.find("<tr><th scope=\"row\">alfa</th><td class=\"num\">withheld</td></tr>") != std::string::npos);
    auto const sources = body_of(s.c.get("/editor/reach?from=2026-07-01&to=2026-07-30&by=source"));
    auto const by_source = between(sources, "<table id=\"reach-views-table\">", "</table>");
    CHECK(by_source.find("<tr><th scope=\"row\">qr</th><td class=\"num\">&lt;10</td></tr>") != std::string::npos);
    CHECK(by_source.find("<tr><th scope=\"row\">direct</th><td class=\"num\">116</td></tr>") != std::string::npos);
    CHECK(sources.find("reach-readers") == std::string::npos); // by source: events only
    // In Portuguese, every word of the page comes from its catalog.
    editor_client pt(s.f, "pt-BR");
    pt.set_cookie(s.c.cookie());
    auto const pt_html = body_of(pt.get("/editor/reach?from=2026-07-01&to=2026-07-30&by=campaign,language"));
    CHECK(pt_html.find("&lt;10 significa menos de 10") != std::string::npos);
    CHECK(pt_html.find("<td>(início e busca)</td>") != std::string::npos);
    CHECK(pt_html.find("<td class=\"num\">retido</td>") != std::string::npos);
}

TEST_CASE("editor reach: no figure of one page can be subtracted from another figure of it", "[editor][reach]") {
    // On 2026-07-10 alfa pt-BR had 40 views, alfa es 3 (hidden) and home 22: a page that showed the
    // day's 65 beside the campaign x language cells would give the hidden 3 away (65 - 40 - 22).
    reach_fixture s;
    for (auto const* by : {"campaign,language", "language,campaign", "campaign,source", "source", "language"}) {
        INFO(by);
        auto const html = body_of(s.c.get(std::string("/editor/reach?from=2026-07-10&to=2026-07-10&by=") + by));
        CHECK(html.find(">65<") == std::string::npos);
        CHECK(html.find(": 65<") == std::string::npos);
        CHECK(html.find(">3<") == std::string::npos);
        CHECK(html.find(">43<") == std::string::npos); // alfa's views, which minus 40 is the hidden 3
    }
}

TEST_CASE("editor reach: a bad range is refused with the reason beside its field", "[editor][reach]") {
    reach_fixture s;
    auto const after = s.c.get("/editor/reach?from=2026-07-20&to=2026-07-10");
    CHECK(after.result() == status::bad_request);
    CHECK(contains(after, "<p class=\"field-error\" id=\"from-error\">The first day is after the last day.</p>"));
    CHECK(contains(after, "aria-describedby=\"from-error\""));
    CHECK_FALSE(contains(after, "<svg"));
    auto const long_range = s.c.get("/editor/reach?from=2025-01-01&to=2026-07-10");
    CHECK(long_range.result() == status::bad_request);
    CHECK(contains(long_range, "<p class=\"field-error\" id=\"to-error\">The period spans 556 days. Choose at most 366.</p>"));
    auto const bad_date = s.c.get("/editor/reach?from=2026-02-30");
    CHECK(bad_date.result() == status::bad_request);
    CHECK(contains(bad_date, "id=\"from-error\">“2026-02-30” is not a date. Use YYYY-MM-DD.</p>"));
    auto const bad_by = s.c.get("/editor/reach?by=campaign,city");
    CHECK(bad_by.result() == status::bad_request);
    CHECK(contains(bad_by, "id=\"by-error\">Choose one of the groupings offered.</p>"));
    CHECK(s.c.get("/editor/reach.csv?from=2026-07-20&to=2026-07-10").result() == status::bad_request);
    for (auto const* blank : {"%2C", "%20", "%2C%2C"}) // a grouping of blanks must not take the server down
        CHECK(s.c.get(std::string("/editor/reach?by=") + blank).result() != status::internal_server_error);
    CHECK(s.f.editor.audit.list({std::nullopt, "reach.export"}).empty()); // a refused export is not one
}

TEST_CASE("editor reach: the CSV export is the suppressed report, an attachment, and audited", "[editor][reach]") {
    reach_fixture s;
    auto const page = body_of(s.c.get("/editor/reach?from=2026-07-01&to=2026-07-30&by=campaign,source"));
    CHECK(page.find("<a href=\"/editor/reach.csv?from=2026-07-01&amp;to=2026-07-30&amp;by=campaign%2Csource\" download>")
          != std::string::npos);
    auto const res = s.c.get("/editor/reach.csv?from=2026-07-01&to=2026-07-30&by=campaign%2Csource");
    REQUIRE(res.result() == status::ok);
    CHECK(res[field::content_type].starts_with("text/csv; charset=utf-8"));
    CHECK(res[field::content_disposition] == "attachment; filename=\"farol-reach-2026-07-01-2026-07-30.csv\"");
    CHECK(res[field::cache_control] == "no-store");
    auto const csv = body_of(res);
    CHECK(csv.starts_with("row,campaign,source,events\r\n")); // by source: events only
    CHECK(csv.find("cell,(home and search),whatsapp,22\r\n") != std::string::npos);
    CHECK(csv.find("cell,alfa,direct,110\r\n") != std::string::npos);
    CHECK(csv.find("cell,alfa,qr,<10\r\n") != std::string::npos);
    CHECK(csv.find(",3\r\n") == std::string::npos); // alfa's three QR views are not in it
    auto const entries = s.f.editor.audit.list({std::nullopt, "reach.export"});
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].actor == "ana");
    CHECK(entries[0].object == "2026-07-01..2026-07-30 by campaign,source");
    CHECK(entries[0].outcome == "ok");
}
