// The partners' pages: who may see and change which partner, the add and edit forms with their
// mistakes, the embed codes, the preview's frame rule, and the partner's suppressed reach.
#include "handlers/editor_fixture.hpp"
#include "schedule/schedule_fixtures.hpp"
#include "store/reach_store.hpp"

#include <catch2/catch.hpp>

using namespace farol;
using namespace farol::test;
using farol::schedule::testing::utc;
using http::field;
using http::status;

namespace {

struct partners_fixture {
    int reloads = 0; // how often the app would have reloaded its registry
    editor_fixture f{[this] {
        auto s = fast_editor_settings();
        s.partners_changed = [this] { ++reloads; };
        return s;
    }()};
    editor_client admin{f};

    partners_fixture() {
        f.clock().set(utc(2026, 7, 31, 2)); // 23:00 on the 30th in Sao Paulo
        f.add_user("ana", http::role::admin, strong);
        REQUIRE(admin.sign_in("ana", strong).result() == status::see_other);
        REQUIRE(f.editor.partners.add("test", {"abrigo", "Abrigo", {"https://abrigo.example"}}).kind ==
                editor::partner_change::done);
    }

    http::response add_casa(std::string id = "casa", std::string origins = "https://Casa.example\nhttp://127.0.0.1:8081") {
        return admin.post("/editor/partners", {{"id", id}, {"name", "Casa del Migrante"}, {"origins", origins},
                                               {"default_slot", "widget-default"}, {"default_language", "es"}});
    }

    // A signed-in client of a new account of `role`, linked to `partner` when given.
    editor_client as(std::string const& name, http::role role, std::string const& partner = {}) {
        f.add_user(name, role, strong);
        if (!partner.empty()) REQUIRE(f.editor.partners.link("test", f.editor.accounts.find(name)->id, name, partner));
        editor_client c(f);
        REQUIRE(c.sign_in(name, strong).result() == status::see_other);
        return c;
    }
};

std::string between(std::string const& html, std::string const& start, std::string const& end) {
    auto const from = html.find(start);
    if (from == std::string::npos) return {};
    return html.substr(from, html.find(end, from) - from);
}

std::vector<std::string> audited(editor_fixture& f, std::string const& prefix) {
    std::vector<std::string> out;
    for (auto const& e : f.editor.audit.list({}))
        if (e.action.rfind(prefix, 0) == 0) out.insert(out.begin(), e.actor + " " + e.action + " " + e.object);
    return out;
}

} // namespace

TEST_CASE("editor partners: an admin adds a partner and gets its page with the embed codes", "[editor][partners]") {
    partners_fixture s;
    auto const res = s.add_casa();
    REQUIRE(res.result() == status::see_other);
    CHECK(res[field::location] == "/editor/partners/casa?done=add");
    CHECK(s.reloads == 2); // abrigo's and casa's
    auto const stored = s.f.editor.partners.find("casa");
    REQUIRE(stored);
    CHECK(stored->origins == std::vector<std::string>{"https://casa.example", "http://127.0.0.1:8081"});
    CHECK(audited(s.f, "partner.") == std::vector<std::string>{"test partner.add partner:abrigo", "ana partner.add partner:casa"});

    auto const page = s.admin.get("/editor/partners/casa?done=add");
    REQUIRE(page.result() == status::ok);
    CHECK(contains(page, "The partner was added."));
    CHECK(contains(page, "<h1>Casa del Migrante <span class=\"muted\">(casa)</span></h1>"));
    // The snippets as README shows them, escaped once for the textarea.
    CHECK(contains(page, "&lt;div data-farol-slot=&quot;widget-default&quot; data-partner=&quot;casa&quot; "
                         "data-lang=&quot;es&quot;&gt;\n  &lt;a href=&quot;https://farol.example.org/es/?src=partner:casa&quot;&gt;"
                         "Información para personas migrantes&lt;/a&gt;\n&lt;/div&gt;\n&lt;script "
                         "src=&quot;https://farol.example.org/widget.js&quot; async&gt;&lt;/script&gt;</textarea>"));
    CHECK(contains(page, "&lt;iframe src=&quot;https://farol.example.org/embed/widget-default?partner=casa&amp;amp;lang=es&quot;"));
    // The preview may frame this site's own cards; nothing else is framed, and the page itself never is.
    auto const csp = std::string(page["Content-Security-Policy"]);
    CHECK(csp.find("frame-src 'self'") != std::string::npos);
    CHECK(csp.find("frame-ancestors 'none'") != std::string::npos);
    auto const list = s.admin.get("/editor/partners");
    CHECK(contains(list, "<td><a href=\"/editor/partners/casa\">casa</a></td>"));
    CHECK(contains(list, "<a href=\"/editor/partners\">Partners</a>"));
}

TEST_CASE("editor partners: a form with mistakes answers 422, keeps what was typed and names each field", "[editor][partners]") {
    partners_fixture s;
    auto res = s.admin.post("/editor/partners", {{"id", "Casa!"}, {"name", ""}, {"origins", "https://casa.example/x"},
                                                 {"default_slot", "sidebar"}, {"default_language", "de"}});
    CHECK(res.result() == status::unprocessable_entity);
    CHECK(contains(res, "value=\"Casa!\""));
    CHECK(contains(res, ">https://casa.example/x</textarea>"));
    CHECK(contains(res, "<p class=\"field-error\" id=\"id-error\">“Casa!” cannot be a partner id."));
    CHECK(contains(res, "<p class=\"field-error\" id=\"name-error\">Enter the partner&apos;s name.</p>"));
    CHECK(contains(res, "<p class=\"field-error\" id=\"origins-error\">“https://casa.example/x” is not an origin."));
    CHECK(contains(res, "<p class=\"field-error\" id=\"default_slot-error\">There is no slot named “sidebar”.</p>"));
    CHECK(contains(res, "<p class=\"field-error\" id=\"default_language-error\">“de” is not one of the site&apos;s languages.</p>"));
    CHECK(contains(res, "<li><a href=\"#origins\">"));
    CHECK(s.f.editor.partners.list().size() == 1);
    res = s.add_casa("abrigo");
    CHECK(res.result() == status::unprocessable_entity);
    CHECK(contains(res, "There is already a partner with the id “abrigo”."));
    CHECK(audited(s.f, "partner.").size() == 1); // abrigo's, from the fixture

    REQUIRE(s.add_casa().result() == status::see_other);
    res = s.admin.post("/editor/partners/casa", {{"name", "Casa"}, {"origins", "https://casa.example\nnot an origin"},
                                                 {"default_slot", "widget-default"}, {"default_language", ""}});
    CHECK(res.result() == status::unprocessable_entity);
    CHECK(contains(res, ">https://casa.example\nnot an origin</textarea>"));
    CHECK(contains(res, "“not an origin” is not an origin."));
    CHECK(s.f.editor.partners.find("casa")->name == "Casa del Migrante"); // nothing saved
}

TEST_CASE("editor partners: an admin edits, disables and enables a partner, each audited", "[editor][partners]") {
    partners_fixture s;
    REQUIRE(s.add_casa().result() == status::see_other);
    auto res = s.admin.post("/editor/partners/casa", {{"name", "Casa"}, {"origins", "https://casa.example\n\n"},
                                                      {"default_slot", "home-featured"}, {"default_language", ""}});
    REQUIRE(res.result() == status::see_other);
    CHECK(res[field::location] == "/editor/partners/casa?done=update");
    auto const p = s.f.editor.partners.find("casa");
    CHECK(p->name == "Casa");
    CHECK(p->origins == std::vector<std::string>{"https://casa.example"});
    CHECK(p->default_slot == "home-featured");
    CHECK(p->default_language.empty());
    CHECK(s.admin.post("/editor/partners/casa/disable", {}).result() == status::see_other);
    CHECK_FALSE(s.f.editor.partners.find("casa")->enabled);
    CHECK(contains(s.admin.get("/editor/partners/casa?done=disable"), "The partner is disabled"));
    CHECK(s.admin.post("/editor/partners/casa/enable", {}).result() == status::see_other);
    CHECK(s.f.editor.partners.find("casa")->enabled);
    CHECK(s.admin.post("/editor/partners/nobody/disable", {}).result() == status::not_found);
    CHECK(s.admin.post("/editor/partners/casa/delete", {}).result() == status::not_found);
    CHECK(s.admin.get("/editor/partners/nobody").result() == status::not_found);
    CHECK(audited(s.f, "partner.") ==
          std::vector<std::string>{"test partner.add partner:abrigo", "ana partner.add partner:casa",
                                   "ana partner.update partner:casa", "ana partner.disable partner:casa",
                                   "ana partner.enable partner:casa"});
    CHECK(s.reloads == 5);
}

TEST_CASE("editor partners: every change needs the session's CSRF token and this site's origin", "[editor][partners]") {
    partners_fixture s;
    form_fields const form{{"id", "casa"}, {"name", "Casa"}, {"origins", ""}, {"default_slot", "widget-default"}};
    CHECK(s.admin.post("/editor/partners", form, false).result() == status::forbidden);
    CHECK(s.admin.post("/editor/partners", form, true, "https://evil.example").result() == status::forbidden);
    CHECK(s.admin.post("/editor/partners/abrigo/disable", {}, false).result() == status::forbidden);
    CHECK(s.admin.post("/editor/partners/abrigo", {{"name", "X"}}, false).result() == status::forbidden);
    CHECK(s.f.editor.partners.list().size() == 1);
    CHECK(s.f.editor.partners.find("abrigo")->enabled);
    CHECK(s.f.editor.partners.find("abrigo")->name == "Abrigo");
    auto const page = s.admin.get("/editor/partners/abrigo");
    auto const edit = between(body_of(page), "<h2 id=\"edit-title\">", "</form>");
    CHECK(edit.find("<input type=\"hidden\" name=\"csrf\" value=\"" + s.admin.csrf() + "\">") != std::string::npos);
}

TEST_CASE("editor partners: editors and analysts read every partner, change none", "[editor][partners]") {
    partners_fixture s;
    for (auto role : {http::role::editor, http::role::analyst}) {
        auto c = s.as(std::string(http::to_string(role)) + "1", role);
        INFO(http::to_string(role));
        auto const list = c.get("/editor/partners");
        CHECK(list.result() == status::ok);
        CHECK(contains(list, "/editor/partners/abrigo"));
        CHECK_FALSE(contains(list, "action=\"/editor/partners\"")); // no add form
        auto const page = c.get("/editor/partners/abrigo");
        CHECK(page.result() == status::ok);
        CHECK(contains(page, "id=\"script-snippet\""));
        CHECK_FALSE(contains(page, "edit-title"));
        CHECK(c.post("/editor/partners", {{"id", "casa"}, {"name", "Casa"}}).result() == status::forbidden);
        CHECK(c.post("/editor/partners/abrigo/disable", {}).result() == status::forbidden);
        CHECK(c.post("/editor/partners/abrigo", {{"name", "X"}}).result() == status::forbidden);
    }
    CHECK(s.f.editor.partners.find("abrigo")->enabled);
}

TEST_CASE("editor partners: a partner's account sees its own partner only", "[editor][partners]") {
    partners_fixture s;
    REQUIRE(s.add_casa().result() == status::see_other);
    auto lucia = s.as("lucia", http::role::partner, "casa");
    auto const list = lucia.get("/editor/partners");
    CHECK(list.result() == status::ok);
    CHECK(contains(list, "/editor/partners/casa"));
    CHECK_FALSE(contains(list, "/editor/partners/abrigo"));
    CHECK(lucia.get("/editor/partners/casa").result() == status::ok);
    auto const other = lucia.get("/editor/partners/abrigo");
    CHECK(other.result() == status::forbidden);
    CHECK(contains(other, "Your role does not allow this."));
    CHECK(lucia.get("/editor/partners/nobody").result() == status::forbidden); // no hint whether it exists
    CHECK(lucia.post("/editor/partners/casa", {{"name", "Mine"}}).result() == status::forbidden);
    CHECK(lucia.post("/editor/partners/casa/disable", {}).result() == status::forbidden);
    CHECK(lucia.get("/editor/reach").result() == status::forbidden);
    auto unlinked = s.as("pat", http::role::partner);
    CHECK(unlinked.get("/editor/partners/casa").result() == status::forbidden);
    CHECK(contains(unlinked.get("/editor/partners"), "There are no partners yet."));
}

TEST_CASE("editor partners: the reach counts the partner's source only, small cells hidden", "[editor][partners][reach]") {
    partners_fixture s;
    REQUIRE(s.add_casa().result() == status::see_other);
    store::reach_store(s.f.db, 1).flush({{"2026-07-10", "alfa", "es", "widget_impression", "partner:casa", "phone", 14},
                                         {"2026-07-11", "alfa", "es", "widget_impression", "partner:casa", "desktop", 3},
                                         {"2026-07-10", "alfa", "es", "widget_click", "partner:casa", "phone", 12},
                                         {"2026-07-10", "alfa", "es", "view", "partner:casa", "phone", 12},
                                         {"2026-07-10", "", "es", "view", "partner:casa", "phone", 4},
                                         {"2026-07-10", "alfa", "es", "view", "direct", "phone", 50},
                                         {"2026-07-10", "alfa", "es", "widget_impression", "partner:abrigo", "phone", 30}},
                                        {{"2026-07-10", "alfa", "es", 40}});
    auto const html = body_of(s.admin.get("/editor/partners/casa?from=2026-07-01&to=2026-07-30&by=event"));
    auto const table = between(html, "<table id=\"partner-reach\"", "</table>");
    CHECK(table.find("<tr class=\"cell\"><td>view</td><td class=\"num\">16</td></tr>") != std::string::npos);
    CHECK(table.find("<tr class=\"cell\"><td>widget_click</td><td class=\"num\">12</td></tr>") != std::string::npos);
    CHECK(table.find("<tr class=\"cell\"><td>widget_impression</td><td class=\"num\">17</td></tr>") != std::string::npos);
    CHECK(table.find("<tr class=\"total\"><td>Total</td><td class=\"num\">45</td></tr>") != std::string::npos);
    auto const by_day = between(body_of(s.admin.get("/editor/partners/casa?from=2026-07-01&to=2026-07-30&by=event,day")),
                                "<table id=\"partner-reach\"", "</table>");
    CHECK(by_day.find("<td>widget_impression</td><td>2026-07-10</td><td class=\"num\">14</td>") != std::string::npos);
    CHECK(by_day.find("<td>widget_impression</td><td>2026-07-11</td><td class=\"num\">&lt;10</td>") != std::string::npos);
    CHECK(by_day.find("<tr class=\"subtotal\"><td>widget_impression</td><td>Subtotal</td><td class=\"num\">withheld</td>") !=
          std::string::npos); // 17 - 14 would give the hidden 3
    auto const viewed = s.f.editor.audit.list({std::nullopt, "reach.view"});
    REQUIRE(viewed.size() == 2);
    CHECK(viewed[1].object == "partner:casa 2026-07-01..2026-07-30 by event");
    // Bad input: the field and the reason, nothing read.
    auto const bad = s.admin.get("/editor/partners/casa?from=2026-02-30&by=event");
    CHECK(bad.result() == status::bad_request);
    CHECK(contains(bad, "<p class=\"field-error\" id=\"from-error\">“2026-02-30” is not a date. Use YYYY-MM-DD.</p>"));
    CHECK(s.admin.get("/editor/partners/casa?by=source").result() == status::bad_request);
    CHECK(s.f.editor.audit.list({std::nullopt, "reach.view"}).size() == 2);
}

TEST_CASE("editor partners: the partner's reach downloads as CSV, suppressed alike, its own partner's only",
          "[editor][partners][reach]") {
    partners_fixture s;
    REQUIRE(s.add_casa().result() == status::see_other);
    store::reach_store(s.f.db, 1).flush({{"2026-07-10", "alfa", "es", "widget_impression", "partner:casa", "phone", 14},
                                         {"2026-07-11", "alfa", "es", "widget_impression", "partner:casa", "phone", 3},
                                         {"2026-07-10", "alfa", "es", "widget_impression", "partner:abrigo", "phone", 30}},
                                        {});
    auto const page = body_of(s.admin.get("/editor/partners/casa?from=2026-07-01&to=2026-07-30&by=event,day"));
    CHECK(page.find("<a href=\"/editor/partners/casa/reach.csv?from=2026-07-01&amp;to=2026-07-30&amp;by=event,day\" "
                    "download>") != std::string::npos);
    auto lucia = s.as("lucia", http::role::partner, "casa");
    auto const res = lucia.get("/editor/partners/casa/reach.csv?from=2026-07-01&to=2026-07-30&by=event,day");
    REQUIRE(res.result() == status::ok);
    CHECK(res[field::content_type].starts_with("text/csv; charset=utf-8"));
    CHECK(res[field::content_disposition] ==
          "attachment; filename=\"farol-reach-partner-casa-2026-07-01-2026-07-30.csv\"");
    CHECK(res[field::cache_control] == "no-store");
    auto const csv = body_of(res);
    CHECK(csv.starts_with("row,event,day,events\r\n"));
    CHECK(csv.find("cell,widget_impression,2026-07-10,14\r\n") != std::string::npos);
    CHECK(csv.find("cell,widget_impression,2026-07-11,<10\r\n") != std::string::npos);
    CHECK(csv.find(",3\r\n") == std::string::npos); // the hidden cell,
    CHECK(csv.find(",17\r\n") == std::string::npos); // nor a subtotal that would give it away
    CHECK(csv.find("30") == std::string::npos);      // another partner's figures are not in it
    auto const exported = s.f.editor.audit.list({std::nullopt, "reach.export"});
    REQUIRE(exported.size() == 1);
    CHECK(exported[0].actor == "lucia");
    CHECK(exported[0].object == "partner:casa 2026-07-01..2026-07-30 by event,day");
    // Another partner's CSV is refused like its page; bad input is a 400 that exports nothing.
    CHECK(lucia.get("/editor/partners/abrigo/reach.csv").result() == status::forbidden);
    auto const bad = s.admin.get("/editor/partners/casa/reach.csv?from=2026-02-30");
    CHECK(bad.result() == status::bad_request);
    CHECK(contains(bad, "“2026-02-30” is not a date. Use YYYY-MM-DD."));
    CHECK(s.admin.get("/editor/partners/casa/reach.csv?by=source").result() == status::bad_request);
    CHECK(s.admin.get("/editor/partners/nobody/reach.csv").result() == status::not_found);
    CHECK(s.f.editor.audit.list({std::nullopt, "reach.export"}).size() == 1);
}
