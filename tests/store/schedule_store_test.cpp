#include "store/schedule_store.hpp"

#include "store/account_store.hpp"
#include "store/campaign_editing.hpp"
#include "store/database.hpp"
#include "store/library_repository.hpp"

#include <catch2/catch.hpp>

using namespace farol;
using namespace farol::store;
using namespace std::chrono_literals;

namespace {

content::time_point at(std::int64_t seconds) { return content::time_point(std::chrono::seconds(seconds)); }

// A campaign "nova" published in pt-BR and es.
struct schedule_fixture {
    std::shared_ptr<database> db = database::open_memory();
    campaign_editing editing{db};
    schedule_store store{db};
    schedule_fixture() {
        campaign_entry e;
        e.slug = "nova";
        e.default_language = "pt-BR";
        editing.create(e);
        for (auto const* lang : {"pt-BR", "es"}) {
            editing.save("nova", {lang, "Título", "Resumo", "Corpo", "<p>Corpo</p>"}, 0, "ana", 1);
            editing.publish("nova", lang, std::string(lang) == "es");
        }
    }
};

content::rotation_entry entry_for(std::string campaign) {
    content::rotation_entry e;
    e.campaign = std::move(campaign);
    return e;
}

} // namespace

TEST_CASE("schedule store: the site's three slots exist and cannot be removed", "[store][schedule]") {
    schedule_fixture f;
    auto const slots = f.store.slots();
    REQUIRE(slots.size() == 3);
    CHECK(slots[0].name == "home-featured");
    CHECK(slots[1].name == "home-list");
    CHECK(slots[1].list_size == 12);
    CHECK(slots[2].name == "widget-default");
    for (auto const& s : slots) {
        CHECK(s.builtin);
        CHECK(s.zone == "America/Sao_Paulo");
        CHECK(s.period_seconds == 3600);
        CHECK_FALSE(f.store.delete_slot(s.name));
    }
    CHECK(f.store.slots().size() == 3);
}

TEST_CASE("schedule store: an admin's slot is created, changed and removed with its entries", "[store][schedule]") {
    schedule_fixture f;
    content::rotation_slot s{"parceiro-manaus", "America/Manaus", 1800, 2, false, {}};
    f.store.create_slot(s);
    CHECK_THROWS_AS(f.store.create_slot(s), name_taken);
    s.zone = "UTC";
    s.period_seconds = 900;
    CHECK(f.store.update_slot(s));
    auto const id = f.store.add_entry("parceiro-manaus", entry_for("nova"));
    REQUIRE(id);
    auto const found = f.store.find("parceiro-manaus");
    REQUIRE(found);
    CHECK(found->zone == "UTC");
    CHECK(found->period_seconds == 900);
    CHECK(found->list_size == 2);
    CHECK_FALSE(found->builtin);
    REQUIRE(found->entries.size() == 1);
    CHECK(found->entries[0].id == *id);
    CHECK(f.store.delete_slot("parceiro-manaus"));
    CHECK_FALSE(f.store.find("parceiro-manaus"));
    CHECK_FALSE(f.store.update_slot(s));
}

TEST_CASE("schedule store: entries keep every field, 'all languages' apart from a list", "[store][schedule]") {
    schedule_fixture f;
    auto all = entry_for("nova");
    all.window = {at(1785412800), at(1785499200)};
    all.weight = 7;
    all.priority = 2;
    all.days = 0b0111110;
    all.hour_from = 22;
    all.hour_until = 6;
    auto listed = entry_for("nova");
    listed.all_languages = false;
    listed.languages = {"es", "pt-BR"};
    listed.priority = 0;
    listed.weight = 0;
    REQUIRE(f.store.add_entry("home-featured", all));
    REQUIRE(f.store.add_entry("home-featured", listed));
    CHECK_FALSE(f.store.add_entry("home-featured", entry_for("missing")));
    CHECK_FALSE(f.store.add_entry("no-such-slot", entry_for("nova")));
    auto const slot = f.store.find("home-featured");
    REQUIRE(slot->entries.size() == 2);
    auto a = slot->entries[0];
    all.id = a.id;
    CHECK(a == all);
    auto b = slot->entries[1];
    listed.id = b.id;
    CHECK(b == listed);
    CHECK_FALSE(f.store.delete_entry("home-list", a.id)); // another slot's entry
    CHECK(f.store.delete_entry("home-featured", a.id));
    CHECK(f.store.find("home-featured")->entries.size() == 1);
    // The library the site is built from carries the slots.
    auto const lib = load_library(*f.db, library_detail::site);
    REQUIRE(lib.slots.size() == 3);
    CHECK(load_library(*f.db).slots.empty()); // bundles know nothing of the schedule
    CHECK(lib.slots[0].entries.size() == 1);
}

TEST_CASE("schedule store: campaign and language windows reach the library, and an import keeps a language's", "[store][schedule]") {
    schedule_fixture f;
    CHECK(f.store.set_campaign_window("nova", {at(100), at(200)}));
    CHECK_FALSE(f.store.set_campaign_window("missing", {}));
    CHECK(f.store.set_translation_window("nova", "es", {at(150), std::nullopt}));
    CHECK_FALSE(f.store.set_translation_window("nova", "fr", {}));
    auto lib = load_library(*f.db);
    REQUIRE(lib.campaigns.size() == 1);
    auto const& c = lib.campaigns[0];
    CHECK(c.window == content::publish_window{at(100), at(200)});
    CHECK(c.find_translation("es")->window == content::publish_window{at(150), std::nullopt});
    CHECK(c.find_translation("pt-BR")->window == content::publish_window{});
    CHECK(f.editing.find("nova")->state("es")->window.from == at(150));
    // Re-importing the same campaign (bundles have no language windows) is no change and keeps it.
    auto incoming = lib;
    for (auto& t : incoming.campaigns[0].translations) t.window = {};
    auto const r = import_library(*f.db, incoming, 5);
    CHECK(r.unchanged == 1);
    CHECK(load_library(*f.db).campaigns[0].find_translation("es")->window.from == at(150));
}

TEST_CASE("schedule store: the site's slots take site.zone once, then the admins' zones stay", "[store][schedule]") {
    schedule_fixture f;
    f.store.seed_builtin_zone("Europe/Lisbon");
    for (auto const& s : f.store.slots()) CHECK(s.zone == "Europe/Lisbon");
    auto featured = *f.store.find("home-featured");
    featured.zone = "America/Manaus";
    REQUIRE(f.store.update_slot(featured));
    f.store.seed_builtin_zone("Asia/Tokyo"); // a later start with another site.zone
    CHECK(f.store.find("home-featured")->zone == "America/Manaus");
    CHECK(f.store.find("home-list")->zone == "Europe/Lisbon");
}

TEST_CASE("schedule store: the moment of the last build survives a restart", "[store][schedule]") {
    schedule_fixture f;
    CHECK_FALSE(f.store.applied_at());
    f.store.set_applied_at(at(1785412800) + 123ns);
    f.store.set_applied_at(at(1785412900));
    CHECK(f.store.applied_at() == at(1785412900));
}
