// The editor's schedule: slots, entries with every field checked beside it, the week's timeline and
// shares, publish windows in any zone, and the site previewed at a moment.
#include "handlers/editor_fixture.hpp"
#include "schedule/schedule_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace farol;
using namespace farol::test;
using farol::schedule::testing::utc;
using http::field;
using http::status;

namespace {

struct schedule_fixture {
    editor_fixture f{settings()};
    editor_client c{f};

    static editor::editor_settings settings() {
        auto s = fast_editor_settings();
        s.publish_problem = [] { return std::optional<std::string>("2026-07-30 12:00 UTC: disk full"); };
        return s;
    }
    schedule_fixture() {
        f.clock().set(utc(2026, 7, 27, 3)); // Monday 00:00 in Sao Paulo
        f.add_user("ana", http::role::admin, strong);
        REQUIRE(c.sign_in("ana", strong).result() == status::see_other);
        for (auto const* slug : {"alfa", "beta"}) {
            REQUIRE(f.editor.campaigns.create("ana", {slug, "pt-BR", "", {}}).empty());
            auto const saved = f.editor.campaigns.save("ana", slug, {"pt-BR", std::string("Título ") + slug, "Resumo", "Corpo.", 0});
            REQUIRE(saved.problems.empty());
            REQUIRE(f.editor.campaigns.publish("ana", slug, "pt-BR"));
        }
    }
    http::response add_entry(form_fields extra) {
        form_fields fields{{"campaign", "alfa"}, {"all_languages", "1"}, {"weight", "1"}, {"priority", "scheduled"},
                           {"zone", "America/Sao_Paulo"}};
        for (int d = 0; d < 7; ++d) fields.push_back({"day", std::to_string(d)});
        for (auto& [k, v] : extra) {
            auto const it = std::find_if(fields.begin(), fields.end(), [&](auto const& p) { return p.first == k; });
            if (it != fields.end()) it->second = v;
            else fields.emplace_back(k, v);
        }
        return c.post("/editor/schedule/home-featured/entries", fields);
    }
};

} // namespace

TEST_CASE("editor schedule: plan two entries and see the week's timeline and shares", "[editor][schedule]") {
    schedule_fixture s;
    auto const list = s.c.get("/editor/schedule");
    REQUIRE(list.result() == status::ok);
    for (auto const* name : {"home-featured", "home-list", "widget-default"}) CHECK(contains(list, name));
    CHECK(contains(list, "disk full")); // a failed publish is shown to editors
    // A hand-edited notice link shows no notice, never an error.
    CHECK(s.c.get("/editor/schedule?done=nonsense").result() == status::ok);
    CHECK(s.c.get("/editor/schedule/home-featured?done=%3Cscript%3E").result() == status::ok);
    CHECK(s.c.get("/editor/campaigns/alfa?done=nonsense").result() == status::ok);
    REQUIRE(s.add_entry({{"weight", "3"}}).result() == status::see_other);
    REQUIRE(s.add_entry({{"campaign", "beta"}}).result() == status::see_other);
    auto const page = s.c.get("/editor/schedule/home-featured");
    REQUIRE(page.result() == status::ok);
    auto const html = body_of(page);
    CHECK(contains(page, "<svg"));
    CHECK(contains(page, "role=\"img\""));
    CHECK(contains(page, "<title>alfa: 2026-07-27 00:00 – 2026-07-27 0")); // consecutive turns are one segment
    // 168 hourly periods at weights 3 and 1: 126 and 42 hours, exactly.
    auto const pt = html.substr(html.find("data-language=\"pt-BR\""));
    CHECK(pt.find("<th scope=\"row\">alfa</th><td>scheduled</td><td>3</td><td>75.0 %</td><td>126.0 h</td>") != std::string::npos);
    CHECK(pt.find("<th scope=\"row\">beta</th><td>scheduled</td><td>1</td><td>25.0 %</td><td>42.0 h</td>") != std::string::npos);
    // Neither campaign has Spanish: nothing for Spanish readers, all week.
    auto const es = html.substr(html.find("data-language=\"es\""));
    CHECK(es.find("<td>100.0 %</td>") != std::string::npos);
    // The text alternative lists the same segments.
    CHECK(contains(page, "<tr><td>2026-07-27 00:00</td><td>2026-07-27 0"));
    auto const svg_alfa = html.find("<title>alfa: 2026-07-27 00:00 – 2026-07-27 0");
    REQUIRE(svg_alfa != std::string::npos);
    std::string const dash = " – ";
    auto const until = html.substr(html.find(dash, svg_alfa) + dash.size(), 16); // the first segment's end ...
    CHECK(contains(page, "<tr><td>2026-07-27 00:00</td><td>" + until + "</td><td>alfa</td>")); // ... and the table
    // Removing an entry.
    auto const id = std::to_string(s.f.editor.scheduling.find("home-featured")->entries.at(1).id);
    CHECK(s.c.post("/editor/schedule/home-featured/entries/" + id + "/delete", {}).result() == status::see_other);
    CHECK(s.f.editor.scheduling.find("home-featured")->entries.size() == 1);
    CHECK(s.c.post("/editor/schedule/home-featured/entries/" + id + "/delete", {}).result() == status::not_found);
}

TEST_CASE("editor schedule: a time the zone skips or repeats is refused or asked, never guessed", "[editor][schedule]") {
    schedule_fixture s;
    auto const gap = s.add_entry({{"zone", "America/New_York"}, {"from_date", "2026-03-08"}, {"from_time", "02:30"}});
    CHECK(gap.result() == status::unprocessable_entity);
    CHECK(contains(gap, "id=\"from-error\">This time does not exist in this time zone: the clocks skip 02:00–03:00"));
    auto const twice = s.add_entry({{"zone", "America/New_York"}, {"from_date", "2026-11-01"}, {"from_time", "01:30"}});
    CHECK(twice.result() == status::unprocessable_entity);
    CHECK(contains(twice, "name=\"from_choice\" value=\"earlier\""));
    CHECK(contains(twice, "2026-11-01 01:30 EST (UTC-05:00)"));
    CHECK(s.f.editor.scheduling.find("home-featured")->entries.empty());
    auto const chosen = s.add_entry({{"zone", "America/New_York"}, {"from_date", "2026-11-01"}, {"from_time", "01:30"},
                                     {"from_choice", "later"}});
    CHECK(chosen.result() == status::see_other);
    CHECK(s.f.editor.scheduling.find("home-featured")->entries.at(0).window.from == utc(2026, 11, 1, 6, 30));
}

TEST_CASE("editor schedule: each refused field says why beside it, and nothing is stored", "[editor][schedule]") {
    schedule_fixture s;
    auto const bad = s.add_entry({{"weight", "5000"}, {"zone", "Nowhere/City"}, {"hour_from", "7"}, {"hour_until", "7"}});
    CHECK(bad.result() == status::unprocessable_entity);
    CHECK(contains(bad, "id=\"weight-error\">Enter a weight from 0 to 1000."));
    CHECK(contains(bad, "id=\"zone-error\">Choose a time zone from the list (&quot;Nowhere/City&quot; is not one)."));
    CHECK(contains(bad, "id=\"hours-error\">"));
    CHECK(contains(bad, "<a href=\"#weight\">"));
    REQUIRE(s.add_entry({{"priority", "override"}, {"from_date", "2026-07-30"}, {"until_date", "2026-07-31"}}).result() ==
            status::see_other);
    auto const overlap = s.add_entry({{"campaign", "beta"}, {"priority", "override"}, {"from_date", "2026-07-30"},
                                      {"from_time", "12:00"}, {"until_date", "2026-08-02"}});
    CHECK(overlap.result() == status::unprocessable_entity);
    CHECK(contains(overlap, "Another override of this slot runs at the same time for the same language: alfa (pt-BR)."));
    auto const backwards = s.add_entry({{"from_date", "2026-07-30"}, {"until_date", "2026-07-29"}});
    CHECK(contains(backwards, "id=\"until-error\">The end must be after the start."));
    CHECK(s.f.editor.scheduling.find("home-featured")->entries.size() == 1);
}

TEST_CASE("editor schedule: only admins create, change and delete slots", "[editor][schedule]") {
    schedule_fixture s;
    auto const made = s.c.post("/editor/schedule", {{"name", "parceiro-manaus"}, {"zone", "America/Manaus"},
                                                     {"period", "30"}, {"list_size", "2"}});
    CHECK(made.result() == status::see_other);
    CHECK(made[field::location] == "/editor/schedule/parceiro-manaus");
    auto const taken = s.c.post("/editor/schedule", {{"name", "parceiro-manaus"}, {"zone", "UTC"}, {"period", "60"},
                                                      {"list_size", "1"}});
    CHECK(taken.result() == status::unprocessable_entity);
    CHECK(contains(taken, "A slot with this name exists."));
    auto const odd = s.c.post("/editor/schedule/parceiro-manaus/settings", {{"zone", "UTC"}, {"period", "7"}, {"list_size", "1"}});
    CHECK(odd.result() == status::unprocessable_entity);
    CHECK(contains(odd, "id=\"slot_period-error\">Choose a period that divides a day."));
    CHECK(s.c.post("/editor/schedule/parceiro-manaus/settings", {{"zone", "UTC"}, {"period", "15"}, {"list_size", "1"}})
              .result() == status::see_other);
    CHECK(s.f.editor.scheduling.find("parceiro-manaus")->period_seconds == 900);
    s.f.add_user("rui", http::role::editor, strong);
    editor_client rui(s.f);
    REQUIRE(rui.sign_in("rui", strong).result() == status::see_other);
    CHECK(rui.get("/editor/schedule/parceiro-manaus").result() == status::ok); // editors plan entries
    CHECK(rui.post("/editor/schedule/parceiro-manaus/delete", {}).result() == status::forbidden);
    CHECK(rui.post("/editor/schedule", {{"name", "outro"}, {"zone", "UTC"}, {"period", "60"}, {"list_size", "1"}})
              .result() == status::forbidden);
    CHECK(s.c.post("/editor/schedule/home-featured/delete", {}).result() == status::not_found); // the site's own
    CHECK(s.c.post("/editor/schedule/parceiro-manaus/delete", {}).result() == status::see_other);
    CHECK(s.c.get("/editor/schedule/parceiro-manaus").result() == status::not_found);
}

TEST_CASE("editor schedule: publish windows in a zone, with the time there beside the fields", "[editor][schedule]") {
    schedule_fixture s;
    auto const page = s.c.get("/editor/campaigns/alfa/window");
    REQUIRE(page.result() == status::ok);
    CHECK(contains(page, "Times are in America/Sao_Paulo. It is now 2026-07-27 00:00 -03 (UTC-03:00) there."));
    auto const backwards = s.c.post("/editor/campaigns/alfa/window", {{"zone", "America/Sao_Paulo"},
                                                                      {"from_date", "2026-08-02"}, {"until_date", "2026-08-01"}});
    CHECK(backwards.result() == status::unprocessable_entity);
    CHECK(contains(backwards, "The end must be after the start."));
    CHECK(s.c.post("/editor/campaigns/alfa/window", {{"zone", "Europe/Lisbon"}, {"from_date", "2026-07-30"},
                                                     {"from_time", "09:00"}})
              .result() == status::see_other);
    CHECK(s.f.editor.campaigns.find("alfa")->window.from == utc(2026, 7, 30, 8)); // Lisbon is +01:00 in July
    CHECK(contains(s.c.get("/editor/campaigns/alfa/window"), "2026-07-30 05:00 -03 (UTC-03:00)"));
    CHECK(s.c.post("/editor/campaigns/alfa/window", {{"language", "pt-BR"}, {"zone", "UTC"}, {"until_date", "2026-09-01"}})
              .result() == status::see_other);
    CHECK(s.f.editor.campaigns.find("alfa")->state("pt-BR")->window.until == utc(2026, 9, 1));
    CHECK(s.c.get("/editor/campaigns/alfa/window?language=fr").result() == status::not_found);
}

TEST_CASE("editor schedule: preview the site at a moment, exactly as readers would get it", "[editor][schedule]") {
    schedule_fixture s;
    REQUIRE(s.add_entry({{"campaign", "beta"}, {"priority", "override"}, {"from_date", "2026-07-30"},
                         {"until_date", "2026-07-31"}}).result() == status::see_other);
    REQUIRE(s.add_entry({}).result() == status::see_other);
    auto const form = s.c.get("/editor/preview");
    CHECK(form.result() == status::ok);
    CHECK(contains(form, "value=\"2026-07-27\""));
    auto const go = s.c.get("/editor/preview?zone=America%2FSao_Paulo&from_date=2026-07-30&from_time=09%3A00&lang=pt-BR");
    REQUIRE(go.result() == status::see_other);
    auto const at = std::to_string(std::chrono::sys_seconds(utc(2026, 7, 30, 12)).time_since_epoch().count());
    CHECK(go[field::location] == "/editor/preview/at/" + at + "/pt-BR/");
    auto const then = s.c.get("/editor/preview/at/" + at + "/pt-BR/");
    REQUIRE(then.result() == status::ok);
    CHECK(contains(then, "<section class=\"featured\""));
    CHECK(contains(then, "href=\"/editor/preview/at/" + at + "/pt-BR/c/beta\"")); // the override, kept in the preview
    auto const before = std::to_string(std::chrono::sys_seconds(utc(2026, 7, 28)).time_since_epoch().count());
    auto const earlier = body_of(s.c.get("/editor/preview/at/" + before + "/pt-BR/"));
    auto const hero = earlier.find("<section class=\"featured\"");
    CHECK(earlier.find("/c/alfa", hero) < earlier.find("</section>", hero));
    CHECK(s.c.get("/editor/preview/at/" + at + "/pt-BR/c/beta").result() == status::ok);
    // The site itself is unchanged by a preview, and a campaign outside its window is not shown then.
    s.f.editor.schedule_store.set_campaign_window("beta", {utc(2026, 8, 1), std::nullopt});
    CHECK(s.c.get("/editor/preview/at/" + at + "/pt-BR/c/beta").result() == status::not_found);
    CHECK(s.c.get("/editor/preview/at/" + at + "/xx/").result() == status::not_found);
    CHECK(s.c.get("/editor/preview/at/-5/pt-BR/").result() == status::not_found);
    auto const gap = s.c.get("/editor/preview?zone=America%2FNew_York&from_date=2026-03-08&from_time=02%3A30&lang=pt-BR");
    CHECK(gap.result() == status::unprocessable_entity);
    CHECK(contains(s.c.get("/editor/"), "disk full"));
}

TEST_CASE("editor schedule: an editor's own zone is where their date fields start", "[editor][schedule]") {
    schedule_fixture s;
    CHECK(contains(s.c.get("/editor/schedule"), "<option value=\"\" selected>The site&apos;s (America/Sao_Paulo)</option>"));
    auto const bad = s.c.post("/editor/schedule/zone", {{"zone", "Lisboa"}});
    CHECK(bad.result() == status::unprocessable_entity);
    CHECK(contains(bad, "id=\"my_zone-error\">Choose a time zone from the list (&quot;Lisboa&quot; is not one)."));
    REQUIRE(s.c.post("/editor/schedule/zone", {{"zone", "Europe/Lisbon"}}).result() == status::see_other);
    CHECK(contains(s.c.get("/editor/schedule"), "<option value=\"Europe/Lisbon\" selected>"));
    CHECK(contains(s.c.get("/editor/campaigns/alfa/window"), "Times are in Europe/Lisbon. It is now 2026-07-27 04:00 WEST"));
    auto const slot = s.c.get("/editor/schedule/home-featured");
    CHECK(contains(slot, "<option selected>Europe/Lisbon</option>"));
    CHECK(contains(s.c.get("/editor/preview"), "<option selected>Europe/Lisbon</option>"));
    // Entered in Lisbon, stored in UTC, shown in the slot's zone where its rules run.
    REQUIRE(s.add_entry({{"zone", "Europe/Lisbon"}, {"from_date", "2026-07-30"}, {"from_time", "09:00"}}).result() ==
            status::see_other);
    CHECK(s.f.editor.scheduling.find("home-featured")->entries.at(0).window.from == utc(2026, 7, 30, 8));
    CHECK(contains(s.c.get("/editor/schedule/home-featured"), "<td>2026-07-30 05:00 -03 (UTC-03:00)</td>"));
    REQUIRE(s.c.post("/editor/schedule/zone", {{"zone", ""}}).result() == status::see_other);
    CHECK(contains(s.c.get("/editor/campaigns/alfa/window"), "Times are in America/Sao_Paulo."));
    bool audited = false;
    for (auto const& e : s.f.editor.audit.list({}))
        audited = audited || (e.action == "account.zone" && e.object == "user:ana Europe/Lisbon");
    CHECK(audited);
}

TEST_CASE("editor schedule: the site previewed behind a cache carries no beacon and no live share link",
          "[editor][schedule][reach]") {
    schedule_fixture s;
    s.f.base.pages = s.f.base.make_pages(true); // metrics.count_at = beacon
    auto const at = std::to_string(std::chrono::sys_seconds(utc(2026, 7, 30, 12)).time_since_epoch().count());
    for (auto const& target : {"/editor/preview/at/" + at + "/pt-BR/", "/editor/preview/at/" + at + "/pt-BR/c/alfa"}) {
        auto const page = s.c.get(target);
        INFO(target);
        REQUIRE(page.result() == status::ok);
        CHECK(!contains(page, "class=\"beacon\""));
        CHECK(!contains(page, "/b?"));
        CHECK(!contains(page, "/share/whatsapp"));
    }
    CHECK(contains(s.c.get("/editor/preview/at/" + at + "/pt-BR/c/alfa"), "<a class=\"button whatsapp\" aria-disabled=\"true\">"));
}
