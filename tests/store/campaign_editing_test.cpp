#include "store/campaign_editing.hpp"

#include "content/bundle_fixture.hpp"
#include "content/bundle_reader.hpp"
#include "store/database.hpp"
#include "store/library_repository.hpp"
#include "store/search.hpp"
#include "store/store_error.hpp"

#include <catch2/catch.hpp>

using namespace farol;
using namespace farol::store;

namespace {

content::translation text(std::string lang, std::string title, std::string body = "Corpo.") {
    return {std::move(lang), std::move(title), "Resumo.", body, "<p>" + body + "</p>"};
}

struct editing_fixture {
    std::shared_ptr<database> db = database::open_memory();
    campaign_editing editing{db};
    editing_fixture() {
        campaign_entry e;
        e.slug = "nova";
        e.default_language = "pt-BR";
        e.tags = {"trabalho"};
        editing.create(e);
    }
};

} // namespace

TEST_CASE("campaign editing: a new campaign is not on the site until its default language is published", "[store][editing]") {
    editing_fixture f;
    CHECK(f.editing.find("nova")->tags == std::vector<std::string>{"trabalho"});
    CHECK_THROWS_AS(f.editing.create(*f.editing.find("nova")), name_taken);
    CHECK(load_library(*f.db).campaigns.empty());
    REQUIRE(f.editing.save("nova", text("pt-BR", "Título"), 0, "ana", 1).kind == save_outcome::saved);
    REQUIRE(f.editing.save("nova", text("es", "Título ES"), 0, "ana", 2).kind == save_outcome::saved);
    CHECK(load_library(*f.db).campaigns.empty()); // saved is not published
    CHECK_THROWS_AS(f.editing.publish("missing", "es", 0), store_error);
    REQUIRE(f.editing.publish("nova", "es", 1));
    CHECK(load_library(*f.db).campaigns.empty()); // Spanish alone: the default language is not public
    REQUIRE(f.editing.publish("nova", "pt-BR", 0));
    auto const lib = load_library(*f.db);
    REQUIRE(lib.campaigns.size() == 1);
    CHECK(lib.campaigns[0].translations.size() == 2);
    CHECK(search(*f.db, "pt-BR", "Título", 10).size() == 1);
    REQUIRE(f.editing.unpublish("nova", "es"));
    CHECK(load_library(*f.db).campaigns[0].translations.size() == 1);
    CHECK(search(*f.db, "es", "Título", 10).empty());
    f.editing.set_archived("nova", true);
    CHECK(load_library(*f.db).campaigns.empty());
    CHECK(f.editing.find("nova")->archived);
    f.editing.set_archived("nova", false);
    CHECK(load_library(*f.db).campaigns.size() == 1);
}

TEST_CASE("campaign editing: a save based on an older revision is refused, never overwriting", "[store][editing]") {
    editing_fixture f;
    REQUIRE(f.editing.save("nova", text("pt-BR", "Um"), 0, "ana", 1).kind == save_outcome::saved);
    auto const two = f.editing.save("nova", text("pt-BR", "Dois"), 1, "ana", 2);
    REQUIRE(two.kind == save_outcome::saved);
    CHECK(two.latest.revision == 2);
    CHECK(two.latest.fields == "title");
    auto const stale = f.editing.save("nova", text("pt-BR", "Três, de outra pessoa"), 1, "rui", 3);
    CHECK(stale.kind == save_outcome::stale);
    CHECK(stale.latest.text.title == "Dois");
    CHECK(f.editing.revisions("nova", "pt-BR").size() == 2);
    CHECK(f.editing.save("nova", text("pt-BR", "Dois"), 2, "ana", 4).kind == save_outcome::unchanged);
    auto const r1 = f.editing.revision("nova", "pt-BR", 1);
    REQUIRE(r1);
    CHECK(r1->text.title == "Um");
    CHECK(r1->actor == "ana");
    CHECK(r1->at_ns == 1);
    // Restoring is saving an old text again: a new revision.
    CHECK(f.editing.save("nova", r1->text, 2, "ana", 5).latest.revision == 3);
}

TEST_CASE("campaign editing: a translation is outdated once the default language changes, until saved or confirmed", "[store][editing]") {
    editing_fixture f;
    f.editing.save("nova", text("pt-BR", "Um"), 0, "ana", 1);
    f.editing.save("nova", text("ar", "واحد"), 0, "ana", 2);
    auto state = [&](char const* lang) { return *f.editing.find("nova")->state(lang); };
    CHECK_FALSE(state("ar").outdated);
    CHECK_FALSE(state("pt-BR").outdated);
    f.editing.save("nova", text("pt-BR", "Um, revisto"), 1, "ana", 3);
    CHECK(state("ar").outdated);
    CHECK_FALSE(state("pt-BR").outdated); // the default language is never outdated
    f.editing.confirm("nova", "ar");
    CHECK_FALSE(state("ar").outdated);
    f.editing.save("nova", text("pt-BR", "Um, revisto de novo"), 2, "ana", 4);
    CHECK(state("ar").outdated);
    f.editing.save("nova", text("ar", "واحد، مراجع"), 1, "ana", 5);
    CHECK_FALSE(state("ar").outdated);
    CHECK(state("ar").draft());
    f.editing.publish("nova", "ar", 5);
    CHECK_FALSE(state("ar").draft());
}

TEST_CASE("campaign editing: an import publishes each translation as a revision, and a later edit goes on from it", "[store][editing]") {
    auto db = database::open_memory();
    auto lib = content::read_bundles(test::samples_dir(), test::six_languages()).library;
    import_library(*db, lib, 10);
    campaign_editing editing(db);
    auto const slug = lib.campaigns[0].slug;
    auto const entry = editing.find(slug);
    REQUIRE(entry);
    for (auto const& t : entry->translations) {
        INFO(t.language);
        CHECK(t.latest == 1);
        CHECK(t.published == 1);
        CHECK_FALSE(t.outdated);
    }
    import_library(*db, lib, 20); // unchanged: no new revision
    CHECK(editing.revisions(slug, "pt-BR").size() == 1);
    lib.campaigns[0].translations[0].title += " (novo)";
    import_library(*db, lib, 30);
    auto const revs = editing.revisions(slug, lib.campaigns[0].translations[0].language);
    REQUIRE(revs.size() == 2);
    CHECK(revs[0].actor == "import");
    CHECK(revs[0].at_ns == 30);
    CHECK(revs[0].fields == "title");
}
