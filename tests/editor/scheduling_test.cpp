#include "editor/scheduling.hpp"

#include "schedule/schedule_fixtures.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"
#include "support/test_server.hpp"

#include <catch2/catch.hpp>

using namespace farol;
using namespace farol::editor;

namespace {

// Campaigns "a" and "b" published in pt-BR and es; "c" only in pt-BR.
struct scheduling_fixture {
    util::fixed_clock clock{test::test_epoch()};
    std::shared_ptr<store::database> db = store::database::open_memory(clock);
    store::audit_store audit_store{db};
    audit_log audit{audit_store, clock};
    store::campaign_editing campaigns{db};
    store::schedule_store store{db};
    store::account_store accounts{db};
    int republished = 0;
    scheduling plans{store, campaigns, accounts, audit, {"pt-BR", "es", "en"}, "America/Sao_Paulo", [this] { ++republished; }};

    scheduling_fixture() {
        for (auto const* slug : {"a", "b", "c"}) {
            store::campaign_entry e;
            e.slug = slug;
            e.default_language = "pt-BR";
            campaigns.create(e);
            for (auto const* lang : {"pt-BR", "es"}) {
                if (std::string(slug) == "c" && std::string(lang) == "es") continue;
                campaigns.save(slug, {lang, "T", "S", "B", "<p>B</p>"}, 0, "ana", 1);
                campaigns.publish(slug, lang, 0);
            }
        }
    }

    std::vector<std::string> actions() {
        std::vector<std::string> out;
        for (auto const& e : audit.list({})) out.push_back(e.action + " " + e.object);
        return out;
    }
};

entry_form override_of(std::string campaign, std::string from, std::string until) {
    entry_form f;
    f.campaign = std::move(campaign);
    f.window = {{from, "00:00", ""}, {until, "00:00", ""}, "America/Sao_Paulo"};
    f.weight = "1";
    f.priority = "override";
    f.days = {0, 1, 2, 3, 4, 5, 6};
    return f;
}

bool refused_with(entry_result const& r, std::string const& field, std::string const& key) {
    for (auto const& p : r.problems)
        if (p.field == field && p.key == key) return true;
    return false;
}

} // namespace

TEST_CASE("scheduling: overrides of one slot and language must not overlap in time", "[editor][schedule]") {
    scheduling_fixture f;
    auto const first = f.plans.add_entry("ana", "home-featured", override_of("a", "2026-07-28", "2026-08-01"));
    REQUIRE(first.problems.empty());
    auto const clash = f.plans.add_entry("ana", "home-featured", override_of("b", "2026-07-31", "2026-08-02"));
    REQUIRE(refused_with(clash, "priority", "schedule.override_overlap"));
    CHECK(clash.problems[0].detail == "a (es)"); // the first language both run in
    // Back to back is not an overlap (until is exclusive), nor another slot.
    CHECK(f.plans.add_entry("ana", "home-featured", override_of("b", "2026-08-01", "2026-08-02")).problems.empty());
    CHECK(f.plans.add_entry("ana", "home-list", override_of("b", "2026-07-30", "2026-07-31")).problems.empty());
    // An override for English alone does not meet one for the languages "a" is published in.
    auto es_only = override_of("b", "2026-07-29", "2026-07-30");
    es_only.all_languages = false;
    es_only.languages = {"en"};
    CHECK(f.plans.add_entry("ana", "home-featured", es_only).problems.empty());
    // Evening hours against a morning one on the same days: no overlap.
    auto evening = override_of("c", "2026-09-01", "2026-09-30");
    evening.hour_from = "18";
    evening.hour_until = "22";
    auto morning = evening;
    morning.hour_from = "6";
    morning.hour_until = "10";
    CHECK(f.plans.add_entry("ana", "home-featured", evening).problems.empty());
    CHECK(f.plans.add_entry("ana", "home-featured", morning).problems.empty());
    auto night = evening;
    night.hour_from = "21";
    night.hour_until = "7"; // crosses midnight, meets both
    CHECK(refused_with(f.plans.add_entry("ana", "home-featured", night), "priority", "schedule.override_overlap"));
    // Friday 22 until 6 runs into Saturday morning: it meets a Saturday 0-8 override, not a Saturday evening one.
    auto friday_night = override_of("a", "2026-10-01", "2026-10-31");
    friday_night.days = {5};
    friday_night.hour_from = "22";
    friday_night.hour_until = "6";
    CHECK(f.plans.add_entry("ana", "home-list", friday_night).problems.empty());
    auto saturday_morning = override_of("b", "2026-10-01", "2026-10-31");
    saturday_morning.days = {6};
    saturday_morning.hour_from = "0";
    saturday_morning.hour_until = "8";
    CHECK(refused_with(f.plans.add_entry("ana", "home-list", saturday_morning), "priority", "schedule.override_overlap"));
    saturday_morning.hour_from = "18";
    saturday_morning.hour_until = "23";
    CHECK(f.plans.add_entry("ana", "home-list", saturday_morning).problems.empty());
    // A scheduled entry never clashes.
    auto scheduled = night;
    scheduled.priority = "scheduled";
    CHECK(f.plans.add_entry("ana", "home-featured", scheduled).problems.empty());
}

TEST_CASE("scheduling: every field of an entry is checked beside it", "[editor][schedule]") {
    scheduling_fixture f;
    entry_form bad;
    bad.campaign = "missing";
    bad.window = {{"2026-07-30", "10:00", ""}, {"2026-07-30", "09:00", ""}, "America/Sao_Paulo"};
    bad.all_languages = false;
    bad.weight = "1001";
    bad.priority = "urgent";
    bad.hour_from = "5";
    bad.hour_until = "5";
    auto const r = f.plans.add_entry("ana", "home-featured", bad);
    CHECK(refused_with(r, "campaign", "schedule.campaign_unknown"));
    CHECK(refused_with(r, "until", "schedule.window_order"));
    CHECK(refused_with(r, "languages", "schedule.no_languages"));
    CHECK(refused_with(r, "weight", "schedule.weight_range"));
    CHECK(refused_with(r, "priority", "schedule.priority_missing"));
    CHECK(refused_with(r, "days", "schedule.no_days"));
    CHECK(refused_with(r, "hours", "schedule.hour_range"));
    CHECK(refused_with(f.plans.add_entry("ana", "nowhere", bad), "slot", "schedule.slot_unknown"));
    CHECK(f.store.find("home-featured")->entries.empty());
    CHECK(f.republished == 0);
}

TEST_CASE("scheduling: slots and entries are audited and republish the site", "[editor][schedule]") {
    scheduling_fixture f;
    CHECK(f.plans.create_slot("admin", {"parceiro", "America/Manaus", "30", "2"}).empty());
    CHECK(f.plans.create_slot("admin", {"parceiro", "UTC", "60", "1"})[0].key == "schedule.slot_taken");
    auto const bad = f.plans.create_slot("admin", {"Parceiro!", "Nowhere/City", "7", "0"});
    CHECK(bad.size() == 4);
    auto e = override_of("a", "2026-07-28", "2026-08-01");
    e.priority = "scheduled";
    e.window.zone = "America/Manaus";
    auto const added = f.plans.add_entry("ana", "parceiro", e);
    REQUIRE(added.problems.empty());
    CHECK(f.store.find("parceiro")->entries.at(0).window.from == schedule::testing::utc(2026, 7, 28, 4)); // Manaus -04
    CHECK(f.plans.delete_entry("ana", "parceiro", added.id));
    CHECK_FALSE(f.plans.delete_entry("ana", "parceiro", added.id));
    CHECK(f.plans.update_slot("admin", {"parceiro", "UTC", "1440", "3"}).empty());
    CHECK_FALSE(f.plans.delete_slot("admin", "home-featured"));
    CHECK(f.plans.delete_slot("admin", "parceiro"));
    auto const w = f.plans.set_campaign_window("ana", "a", {{"2026-07-30", "00:00", ""}, {}, "America/Sao_Paulo"});
    CHECK(w.problems.empty());
    CHECK(f.plans.set_translation_window("ana", "c", "es", {{}, {}, "UTC"}).problems[0].key == "schedule.language_unknown");
    auto const log = f.actions();
    for (auto const* expected : {"slot.create slot:parceiro", "slot.entry.add slot:parceiro/a",
                                 "slot.entry.delete slot:parceiro/a", "slot.update slot:parceiro",
                                 "slot.delete slot:parceiro", "campaign.window campaign:a"})
        CHECK(std::find(log.begin(), log.end(), expected) != log.end());
    CHECK(f.republished == 5); // entry add, delete, slot update, delete, window
}
