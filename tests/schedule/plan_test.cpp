#include "schedule/plan.hpp"

#include "schedule/pick.hpp"
#include "schedule/schedule_fixtures.hpp"

using namespace farol;
using namespace farol::schedule;
using namespace farol::schedule::testing;

namespace {

content::campaign campaign(std::string slug, std::vector<std::string> languages) {
    content::campaign c;
    c.slug = std::move(slug);
    c.default_language = languages.front();
    for (auto& l : languages) c.translations.push_back({l, "T", "S", "", "<p>B</p>"});
    return c;
}

content::rotation_entry stored(std::string campaign) {
    content::rotation_entry e;
    e.campaign = std::move(campaign);
    return e;
}

} // namespace

TEST_CASE("plan: an entry is never offered in a language its campaign lacks", "[schedule]") {
    content::library lib;
    lib.campaigns = {campaign("alfa", {"pt-BR", "es"}), campaign("beta", {"pt-BR"})};
    content::rotation_slot s{"home-featured", "America/Sao_Paulo", 3600, 1, true, {stored("alfa"), stored("beta")}};
    auto listed = stored("alfa");
    listed.all_languages = false;
    listed.languages = {"pt-BR"};
    s.entries.push_back(listed);
    s.entries.push_back(stored("archived-or-missing"));

    auto const es = entries_for(s, lib, "es");
    REQUIRE(es.size() == 4);
    CHECK(es[0].languages == std::set<std::string, std::less<>>{"es"});
    CHECK(es[1].languages.empty()); // beta has no Spanish text
    CHECK(es[2].languages.empty()); // listed for pt-BR only
    CHECK(es[3].languages.empty()); // not in the library
    auto const slot = slot_of(s);
    REQUIRE(slot);
    // Spanish readers only ever get alfa, whatever the period.
    for (int h = 0; h < 48; ++h)
        CHECK(pick(*slot, es, "es", utc(2026, 7, 30) + std::chrono::hours(h)).campaign() == "alfa");
    auto const pt = entries_for(s, lib, "pt-BR");
    CHECK(pt[1].languages.size() == 1);
    CHECK(pt[2].languages.size() == 1);
    CHECK(entries_for(s, lib, "ar")[0].languages.empty());
}

TEST_CASE("plan: the window is the entry's, narrowed by the campaign's and the text's", "[schedule]") {
    content::library lib;
    lib.campaigns = {campaign("alfa", {"pt-BR", "es"})};
    auto& c = lib.campaigns[0];
    c.window = {utc(2026, 7, 1), utc(2026, 8, 1)};
    c.translations[1].window = {utc(2026, 7, 20), std::nullopt};
    auto e = stored("alfa");
    e.window = {utc(2026, 6, 1), utc(2026, 7, 25)};
    content::rotation_slot s{"home-featured", "UTC", 3600, 1, true, {e}};
    auto const pt = entries_for(s, lib, "pt-BR");
    CHECK(pt[0].from == utc(2026, 7, 1));
    CHECK(pt[0].until == utc(2026, 7, 25));
    auto const es = entries_for(s, lib, "es");
    CHECK(es[0].from == utc(2026, 7, 20));
    CHECK(es[0].until == utc(2026, 7, 25));
    // The site hides a campaign whose default text is not public: so does the plan, in every language.
    c.translations[0].window = {utc(2026, 7, 22), std::nullopt};
    CHECK(entries_for(s, lib, "es")[0].from == utc(2026, 7, 22));
    CHECK(entries_for(s, lib, "pt-BR")[0].from == utc(2026, 7, 22));
    c.translations[0].window = {};
    // Windows that never meet leave the entry with no language at all.
    c.translations[1].window = {utc(2026, 7, 26), std::nullopt};
    CHECK(entries_for(s, lib, "es")[0].languages.empty());
}

TEST_CASE("plan: stored slots with an unknown zone or a bad period are not planned", "[schedule]") {
    CHECK_FALSE(slot_of({"x", "Nowhere/City", 3600, 1, false, {}}));
    CHECK_FALSE(slot_of({"x", "UTC", 7 * 60, 1, false, {}}));
    auto const s = slot_of({"x", "America/New_York", 900, 1, false, {}});
    REQUIRE(s);
    CHECK(s->period == std::chrono::minutes(15));
    CHECK(s->tz.name() == "America/New_York");
    auto e = stored("alfa");
    e.priority = 2;
    e.weight = 0;
    e.days = 0b1000001;
    e.hour_from = 22;
    e.hour_until = 6;
    auto const converted = entry_of(e);
    CHECK(converted.level == priority::override);
    CHECK(converted.weight == 0);
    CHECK(converted.days == (day_bit(std::chrono::Sunday) | day_bit(std::chrono::Saturday)));
    REQUIRE(converted.hours);
    CHECK(converted.hours->crosses_midnight());
}
