// Writing in the editor: campaigns, translations side by side, drafts and publishing per language,
// the outdated flag, refused stale saves, revisions with a word diff and restore, preview.
#include "handlers/editor_fixture.hpp"
#include "store/library_repository.hpp"

#include <catch2/catch.hpp>

using namespace farol;
using namespace farol::test;
using http::field;
using http::status;

namespace {

struct writing_fixture {
    editor_fixture f;
    int republished = 0;
    editor_client c{f};
    writing_fixture() : f(with_counter()) {
        f.add_user("ana", http::role::editor, strong);
        REQUIRE(c.sign_in("ana", strong).result() == status::see_other);
    }
    editor::editor_settings with_counter() {
        auto s = fast_editor_settings();
        s.republish = [this] { ++republished; };
        return s;
    }
    http::response save(std::string const& lang, std::string const& title, std::string const& body, std::string base) {
        return c.post("/editor/campaigns/nova/t/" + lang,
                      {{"title", title}, {"summary", "Resumo"}, {"body", body}, {"base", base}});
    }
};

} // namespace

TEST_CASE("editor campaigns: create, write two languages, publish one, and the site follows", "[editor][campaigns]") {
    writing_fixture w;
    auto& c = w.c;
    auto const bad = c.post("/editor/campaigns", {{"slug", "Nova Campanha"}, {"default_language", "pt-BR"}, {"tags", "x1"}});
    CHECK(bad.result() == status::unprocessable_entity);
    CHECK(contains(bad, "Use lower-case letters, digits and single hyphens"));
    CHECK(contains(bad, "Tags are words of lower-case letters."));
    auto const made = c.post("/editor/campaigns", {{"slug", "nova"}, {"default_language", "pt-BR"}, {"tags", "trabalho"}});
    REQUIRE(made.result() == status::see_other);
    CHECK(made[field::location] == "/editor/campaigns/nova");
    CHECK(c.post("/editor/campaigns", {{"slug", "nova"}, {"default_language", "pt-BR"}}).result() == status::unprocessable_entity);

    CHECK(w.save("pt-BR", "Trabalho seguro", "Um texto **forte**.", "0").result() == status::see_other);
    CHECK(w.save("es", "Trabajo seguro", "Un texto.", "0").result() == status::see_other);
    auto const page = c.get("/editor/campaigns/nova");
    CHECK(contains(page, "Draft"));
    CHECK(store::load_library(*w.f.db).campaigns.empty()); // nothing is public yet

    auto const es_page = c.get("/editor/campaigns/nova/t/es");
    CHECK(contains(es_page, "Trabalho seguro")); // the default language's text beside it
    CHECK(c.post("/editor/campaigns/nova/t/pt-BR/publish", {}).result() == status::see_other);
    CHECK(w.republished == 1);
    auto lib = store::load_library(*w.f.db);
    REQUIRE(lib.campaigns.size() == 1);
    CHECK(lib.campaigns[0].translations.size() == 1); // Spanish still falls back
    CHECK(lib.campaigns[0].translations[0].body_html == "<p>Um texto <strong>forte</strong>.</p>\n");

    // Changing the Portuguese text flags Spanish outdated until it is saved again or confirmed.
    CHECK(w.save("pt-BR", "Trabalho seguro", "Um texto novo.", "1").result() == status::see_other);
    CHECK(contains(c.get("/editor/campaigns/nova"), "Outdated"));
    CHECK(contains(c.get("/editor/campaigns?state=outdated&language=es"), ">nova</a>"));
    CHECK_FALSE(contains(c.get("/editor/campaigns?state=outdated&language=pt-BR"), ">nova</a>"));
    CHECK(c.post("/editor/campaigns/nova/t/es/confirm", {}).result() == status::see_other);
    CHECK_FALSE(contains(c.get("/editor/campaigns/nova/t/es"), "Outdated: the default"));
    // Saved but not published: readers still see revision 1.
    CHECK(store::load_library(*w.f.db).campaigns[0].translations[0].body_markdown == "Um texto **forte**.");
    CHECK(c.post("/editor/campaigns/nova/publish-all", {}).result() == status::see_other);
    CHECK(store::load_library(*w.f.db).campaigns[0].translations.size() == 2);
    CHECK(c.post("/editor/campaigns/nova/t/es/unpublish", {}).result() == status::see_other);
    CHECK(store::load_library(*w.f.db).campaigns[0].translations.size() == 1);
    CHECK(c.post("/editor/campaigns/nova/archive", {}).result() == status::see_other);
    CHECK(store::load_library(*w.f.db).campaigns.empty());
    CHECK(contains(c.get("/editor/campaigns?state=archived"), ">nova</a>"));

    std::vector<std::string> actions;
    for (auto const& e : w.f.editor.audit.list({})) actions.push_back(e.action);
    for (auto const* a : {"campaign.create", "translation.save", "translation.publish", "translation.confirm",
                          "translation.unpublish", "campaign.archive"}) {
        INFO(a);
        CHECK(std::find(actions.begin(), actions.end(), a) != actions.end());
    }
}

TEST_CASE("editor campaigns: a save based on an older revision is refused with both texts shown", "[editor][campaigns]") {
    writing_fixture w;
    w.c.post("/editor/campaigns", {{"slug", "nova"}, {"default_language", "pt-BR"}});
    REQUIRE(w.save("pt-BR", "Um", "Primeiro texto.", "0").result() == status::see_other);
    REQUIRE(w.save("pt-BR", "Dois", "Segundo texto, da Ana.", "1").result() == status::see_other);
    auto const stale = w.save("pt-BR", "Três", "Texto do Rui, escrito sobre o primeiro.", "1");
    CHECK(stale.result() == status::conflict);
    CHECK(contains(stale, "Segundo texto, da Ana."));                    // what was saved first
    CHECK(contains(stale, "Texto do Rui, escrito sobre o primeiro."));    // what this editor wrote, kept in the form
    CHECK(contains(stale, "name=\"base\" value=\"2\""));                  // the next save is based on revision 2
    CHECK(w.f.editor.campaign_store.revisions("nova", "pt-BR").size() == 2);
    auto const bad = w.save("pt-BR", "Linha\nquebrada", "<script>alert(1)</script>", "2");
    CHECK(bad.result() == status::unprocessable_entity);
    CHECK(contains(bad, "The title must be one line"));
}

TEST_CASE("editor campaigns: revisions list, a word diff of two, restore as a new revision, and a preview", "[editor][campaigns]") {
    writing_fixture w;
    w.c.post("/editor/campaigns", {{"slug", "nova"}, {"default_language", "pt-BR"}});
    w.save("pt-BR", "Título", "O trabalho no exterior pode ser seguro.", "0");
    w.save("pt-BR", "Título", "O trabalho no exterior nem sempre é seguro.", "1");
    auto const diff = w.c.get("/editor/campaigns/nova/t/pt-BR/revisions?a=1&b=2");
    REQUIRE(diff.result() == status::ok);
    CHECK(contains(diff, "<del>pode ser</del>"));
    CHECK(contains(diff, "<ins>nem sempre é</ins>"));
    auto const restored = w.c.post("/editor/campaigns/nova/t/pt-BR/revisions/1/restore", {{"base", "2"}});
    CHECK(restored.result() == status::see_other);
    auto const revs = w.f.editor.campaign_store.revisions("nova", "pt-BR");
    REQUIRE(revs.size() == 3);
    CHECK(revs[0].text.body_markdown == "O trabalho no exterior pode ser seguro.");
    CHECK(w.c.post("/editor/campaigns/nova/t/pt-BR/revisions/1/restore", {{"base", "2"}}).result() == status::conflict);
    auto const preview = w.c.get("/editor/campaigns/nova/t/pt-BR/preview");
    CHECK(preview.result() == status::ok);
    CHECK(contains(preview, "O trabalho no exterior pode ser seguro."));
    CHECK(contains(preview, "href=\"tel:100\"")); // a campaign with no hotlines of its own still shows them all
    CHECK(contains(diff, "<option value=\"1\" selected>1</option>"));
    CHECK(preview[field::cache_control] == "no-store");
    CHECK(preview["X-Robots-Tag"] == "noindex, nofollow");
    CHECK(w.c.get("/editor/campaigns/nova/t/es/preview").result() == status::not_found);
    CHECK(w.c.get("/editor/campaigns/nova/t/xx").result() == status::not_found);
}

TEST_CASE("editor campaigns: a draft's preview behind a cache carries no beacon and no live share link",
          "[editor][campaigns][reach]") {
    writing_fixture w;
    w.f.base.pages = w.f.base.make_pages(true); // metrics.count_at = beacon
    w.c.post("/editor/campaigns", {{"slug", "nova"}, {"default_language", "pt-BR"}});
    REQUIRE(w.save("pt-BR", "Título", "O trabalho no exterior pode ser seguro.", "0").result() == status::see_other);
    auto const preview = w.c.get("/editor/campaigns/nova/t/pt-BR/preview");
    REQUIRE(preview.result() == status::ok);
    CHECK(contains(preview, "O trabalho no exterior pode ser seguro."));
    // An editor reading a draft is no reader: nothing on the page may reach /b or the share counter.
    CHECK(!contains(preview, "class=\"beacon\""));
    CHECK(!contains(preview, "/b?"));
    CHECK(!contains(preview, "/share/whatsapp"));
    CHECK(contains(preview, "<a class=\"button whatsapp\" aria-disabled=\"true\">"));
}
