// Admins manage accounts in the editor; every change lands in the audit log, which admins browse
// and export as CSV.
#include "handlers/editor_fixture.hpp"

#include <catch2/catch.hpp>

using namespace farol;
using namespace farol::test;
using namespace std::chrono_literals;
using http::field;
using http::status;

TEST_CASE("editor users: an admin adds an editor, who signs in, and disabling ends its open session at once", "[editor][users]") {
    editor_fixture f;
    f.add_user("ana", http::role::admin, strong);
    editor_client admin(f);
    REQUIRE(admin.sign_in("ana", strong).result() == status::see_other);
    auto const added = admin.post("/editor/users", {{"name", "rui.costa"}, {"role", "editor"}});
    REQUIRE(added.result() == status::ok);
    auto const one_time = code_by_id(body_of(added), "one-time-password");
    REQUIRE(one_time.size() == 24);
    CHECK(contains(admin.get("/editor/users"), ">rui.costa</a>"));

    editor_client rui(f);
    REQUIRE(rui.sign_in("rui.costa", one_time).result() == status::see_other);
    REQUIRE(rui.post("/editor/account/password", {{"current", one_time}, {"password", "pelican tundra violin orchard"},
                                                  {"repeat", "pelican tundra violin orchard"}})
                .result() == status::see_other);
    CHECK(rui.get("/editor/").result() == status::ok);
    CHECK(contains(admin.get("/editor/users/rui.costa"), "Chrome") == false); // a test client has no browser

    CHECK(admin.post("/editor/users/rui.costa/disable", {}).result() == status::see_other);
    CHECK(rui.get("/editor/").result() == status::see_other); // its session is gone
    CHECK(rui.sign_in("rui.costa", "pelican tundra violin orchard").result() == status::unprocessable_entity);
    CHECK(admin.post("/editor/users/rui.costa/enable", {}).result() == status::see_other);
    CHECK(rui.sign_in("rui.costa", "pelican tundra violin orchard").result() == status::see_other);

    // A role change ends the user's sessions: the next one carries the new role.
    CHECK(admin.post("/editor/users/rui.costa/role", {{"role", "analyst"}}).result() == status::see_other);
    CHECK(rui.get("/editor/").result() == status::see_other);
    CHECK(f.editor.accounts.find("rui.costa")->role == "analyst");

    auto const log = f.editor.audit.list({});
    std::vector<std::string> actions;
    for (auto const& e : log) actions.push_back(e.action);
    for (auto const* a : {"user.add", "sign_in", "password.change", "user.disable", "user.enable", "user.role"}) {
        INFO(a);
        CHECK(std::find(actions.begin(), actions.end(), a) != actions.end());
    }
}

TEST_CASE("editor users: the form names each wrong field, at the top and next to the field", "[editor][users]") {
    editor_fixture f;
    f.add_user("ana", http::role::admin, strong);
    editor_client admin(f);
    REQUIRE(admin.sign_in("ana", strong).result() == status::see_other);
    auto const bad = admin.post("/editor/users", {{"name", "-bad name"}, {"role", "editor"}});
    CHECK(bad.result() == status::unprocessable_entity);
    auto const html = body_of(bad);
    CHECK(html.find("<div class=\"error-summary\" role=\"alert\"") != std::string::npos);
    CHECK(html.find("<a href=\"#name\">Use letters, digits") != std::string::npos);
    CHECK(html.find("aria-describedby=\"name-hint name-error\"") != std::string::npos);
    CHECK(html.find("aria-invalid=\"true\"") != std::string::npos);
    CHECK(html.find("value=\"-bad name\"") != std::string::npos);
    auto const taken = admin.post("/editor/users", {{"name", "ANA"}, {"role", "editor"}});
    CHECK(taken.result() == status::unprocessable_entity);
    CHECK(contains(taken, "There is already an account with that name."));
    CHECK(admin.post("/editor/users", {{"name", "ok"}, {"role", "root"}}).result() == status::unprocessable_entity);

    // A weak new password says why, in the user's language.
    editor_client pt(f, "pt-BR");
    REQUIRE(pt.sign_in("ana", strong).result() == status::see_other);
    auto const weak = pt.post("/editor/account/password", {{"current", strong}, {"password", "password1"}, {"repeat", "password1"}});
    CHECK(weak.result() == status::unprocessable_entity);
    CHECK(contains(weak, "A nova senha é fácil de adivinhar."));
    CHECK(contains(weak, "<html lang=\"pt-BR\""));
    CHECK(contains(weak, "aria-describedby=\"password-hint password-error\""));
    auto const wrong = pt.post("/editor/account/password", {{"current", "nope"}, {"password", "x"}, {"repeat", "x"}});
    CHECK(contains(wrong, "A senha está errada."));
}

TEST_CASE("editor users: an admin cannot lock everyone out", "[editor][users]") {
    editor_fixture f;
    f.add_user("ana", http::role::admin, strong);
    editor_client admin(f);
    REQUIRE(admin.sign_in("ana", strong).result() == status::see_other);
    CHECK(admin.post("/editor/users/ana/disable", {}).result() == status::conflict);
    CHECK(admin.post("/editor/users/ana/role", {{"role", "editor"}}).result() == status::conflict);
    CHECK(admin.get("/editor/users/nobody").result() == status::not_found);
    CHECK_FALSE(f.editor.accounts.find("ana")->disabled);
}

TEST_CASE("editor users: reset password and reset two-step from the editor", "[editor][users]") {
    editor_fixture f;
    f.add_user("ana", http::role::admin, strong);
    f.add_user("rui", http::role::editor, strong);
    editor_client admin(f), rui(f);
    REQUIRE(admin.sign_in("ana", strong).result() == status::see_other);
    REQUIRE(rui.sign_in("rui", strong).result() == status::see_other);
    auto const reset = admin.post("/editor/users/rui/reset-password", {});
    REQUIRE(reset.result() == status::ok);
    auto const one_time = code_by_id(body_of(reset), "one-time-password");
    CHECK(rui.get("/editor/").result() == status::see_other); // sessions ended
    CHECK(rui.sign_in("rui", strong).result() == status::unprocessable_entity);
    CHECK(rui.sign_in("rui", one_time)[field::location] == "/editor/");
    CHECK(rui.get("/editor/")[field::location] == "/editor/account/password");
    CHECK(admin.post("/editor/users/rui/reset-two-step", {}).result() == status::see_other);
    CHECK(contains(admin.get("/editor/users/rui?done=reset-two-step"), "Two-step verification was removed"));
}

TEST_CASE("editor audit: admins filter the log and export it as CSV with formulas neutralised", "[editor][audit]") {
    editor_fixture f;
    f.add_user("ana", http::role::admin, strong);
    f.editor.audit.record("=cmd|' /C calc'!A0", "user.add", "user:+x", "ok");
    f.clock().advance(48h);
    editor_client admin(f);
    REQUIRE(admin.sign_in("ana", strong).result() == status::see_other);
    auto const page = admin.get("/editor/audit?action=sign_in");
    REQUIRE(page.result() == status::ok);
    CHECK(contains(page, "<td>sign_in</td>"));
    CHECK_FALSE(contains(page, "<td>user.add</td>"));
    auto const csv = admin.get("/editor/audit.csv");
    CHECK(csv.result() == status::ok);
    CHECK(std::string(csv[field::content_type]).starts_with("text/csv"));
    CHECK(std::string(csv[field::content_disposition]).starts_with("attachment;"));
    auto const text = body_of(csv);
    CHECK(text.starts_with("time,user,action,object,outcome\r\n"));
    CHECK(text.find(",'=cmd|' /C calc'!A0,user.add,user:+x,ok\r\n") != std::string::npos);
    CHECK(text.find(",=cmd") == std::string::npos);
    // Date filters, whole days in UTC: the planted entry is from the 23rd, the sign-in from the 25th.
    auto const day = body_of(admin.get("/editor/audit.csv?from=2026-11-23&until=2026-11-23"));
    CHECK(day.find("'=cmd") != std::string::npos);
    CHECK(day.find(",sign_in,") == std::string::npos);
    auto const later = body_of(admin.get("/editor/audit.csv?from=2026-11-24"));
    CHECK(later.find("'=cmd") == std::string::npos);
    CHECK(later.find(",sign_in,") != std::string::npos);
    auto const bad = admin.get("/editor/audit?from=yesterday");
    CHECK(bad.result() == status::unprocessable_entity);
    CHECK(contains(bad, "Enter a date as YYYY-MM-DD."));
    CHECK(admin.get("/editor/audit.csv?until=31-12-2026").result() == status::bad_request);
}

TEST_CASE("editor users: a partner-role account is added with its partner, the other roles with none", "[editor][users][partners]") {
    editor_fixture f;
    f.add_user("ana", http::role::admin, strong);
    REQUIRE(f.editor.partners.add("test", {"casa", "Casa del Migrante", {"https://casa.example"}}).kind ==
            editor::partner_change::done);
    editor_client admin(f);
    REQUIRE(admin.sign_in("ana", strong).result() == status::see_other);
    CHECK(contains(admin.get("/editor/users"), "<option value=\"casa\">Casa del Migrante (casa)</option>"));
    auto res = admin.post("/editor/users", {{"name", "lucia"}, {"role", "partner"}, {"partner", ""}});
    CHECK(res.result() == status::unprocessable_entity);
    CHECK(contains(res, "<p class=\"field-error\" id=\"partner-error\">Choose the partner this account belongs to.</p>"));
    res = admin.post("/editor/users", {{"name", "rui"}, {"role", "editor"}, {"partner", "casa"}});
    CHECK(res.result() == status::unprocessable_entity);
    CHECK(contains(res, "Only a Partner account belongs to a partner."));
    CHECK(contains(res, "<option value=\"casa\" selected>Casa del Migrante (casa)</option>")); // as typed
    res = admin.post("/editor/users", {{"name", "bad name"}, {"role", "partner"}, {"partner", "nobody"}});
    CHECK(res.result() == status::unprocessable_entity);
    CHECK(contains(res, "There is no such partner."));
    CHECK(contains(res, "id=\"name-error\"")); // every mistake at once
    CHECK(f.editor.accounts.count() == 1);

    REQUIRE(admin.post("/editor/users", {{"name", "lucia"}, {"role", "partner"}, {"partner", "casa"}}).result() == status::ok);
    auto const lucia = f.editor.accounts.find("lucia");
    REQUIRE(lucia);
    CHECK(lucia->role == "partner");
    CHECK(f.editor.partners.partner_of(lucia->id) == "casa");
    CHECK(contains(admin.get("/editor/users/lucia"), "<a href=\"/editor/partners/casa\">casa</a>"));
    CHECK(f.editor.audit.list({std::nullopt, "user.partner"}).size() == 1);
}

TEST_CASE("editor users: a role change to partner needs its partner, and leaving that role ends the link", "[editor][users][partners]") {
    editor_fixture f;
    f.add_user("ana", http::role::admin, strong);
    f.add_user("rui", http::role::editor, strong);
    REQUIRE(f.editor.partners.add("test", {"casa", "Casa del Migrante", {"https://casa.example"}}).kind ==
            editor::partner_change::done);
    editor_client admin(f);
    REQUIRE(admin.sign_in("ana", strong).result() == status::see_other);
    auto const rui_id = f.editor.accounts.find("rui")->id;

    auto res = admin.post("/editor/users/rui/role", {{"role", "partner"}, {"partner", ""}});
    CHECK(res.result() == status::unprocessable_entity);
    CHECK(contains(res, "<p class=\"field-error\" id=\"partner-error\">Choose the partner this account belongs to.</p>"));
    res = admin.post("/editor/users/rui/role", {{"role", "partner"}, {"partner", "nobody"}});
    CHECK(res.result() == status::unprocessable_entity);
    CHECK(contains(res, "There is no such partner."));
    CHECK(f.editor.accounts.find("rui")->role == "editor"); // nothing changed

    CHECK(admin.post("/editor/users/rui/role", {{"role", "partner"}, {"partner", "casa"}}).result() == status::see_other);
    CHECK(f.editor.accounts.find("rui")->role == "partner");
    CHECK(f.editor.partners.partner_of(rui_id) == "casa");
    CHECK(contains(admin.get("/editor/users/rui"), "<option value=\"casa\" selected>Casa del Migrante (casa)</option>"));

    // Back to analyst: the select still says casa, but only the Partner role takes a partner.
    CHECK(admin.post("/editor/users/rui/role", {{"role", "analyst"}, {"partner", "casa"}}).result() == status::see_other);
    CHECK(f.editor.accounts.find("rui")->role == "analyst");
    CHECK_FALSE(f.editor.partners.partner_of(rui_id));
    CHECK(f.editor.audit.list({std::nullopt, "user.partner"}).size() == 2);
}
