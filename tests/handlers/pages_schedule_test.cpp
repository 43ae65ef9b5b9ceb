// The public pages follow the schedule: windows to the second, the home slots' picks, and
// Cache-Control max-age counting down to the next boundary.
#include "handlers/handler_fixture.hpp"
#include "handlers/pages.hpp"
#include "schedule/schedule_fixtures.hpp"
#include "support/request_builder.hpp"

#include "support/response_header.hpp"

#include <catch2/catch.hpp>

using namespace farol;
using namespace farol::test;
using farol::schedule::testing::utc;
using http::field;
using namespace std::chrono_literals;

namespace {

content::campaign campaign_in(std::string slug, std::vector<std::string> languages) {
    content::campaign c;
    c.slug = slug;
    c.default_language = languages.front();
    for (auto const& l : languages)
        c.translations.push_back({l, "Título " + slug + " " + l, "Resumo " + slug, "", "<p>" + slug + "</p>"});
    return c;
}

content::rotation_entry entry(std::string campaign, int weight = 1, int priority = 1) {
    content::rotation_entry e;
    e.campaign = std::move(campaign);
    e.weight = weight;
    e.priority = priority;
    return e;
}

// alfa (pt-BR, es), beta (pt-BR), gama (pt-BR, es); home-featured rotates alfa and beta hourly.
struct schedule_fixture : handler_fixture {
    schedule_fixture() {
        library.campaigns = {campaign_in("alfa", {"pt-BR", "es"}), campaign_in("beta", {"pt-BR"}),
                             campaign_in("gama", {"pt-BR", "es"})};
        library.slots = {{"home-featured", "America/Sao_Paulo", 3600, 1, true, {entry("alfa"), entry("beta")}},
                         {"home-list", "America/Sao_Paulo", 3600, 12, true, {}}};
        at(utc(2026, 7, 30, 12));
    }
    void at(schedule::instant t) {
        clock.set(t);
        site.publish(built_site());
    }
    std::string page(std::string const& path) const {
        auto const* rep = site.current()->page(path);
        return rep ? std::string(rep->identity.bytes.data) : std::string();
    }
    std::string featured(std::string const& lang) const {
        auto const html = page("/" + lang + "/");
        auto const at = html.find("<section class=\"featured\"");
        if (at == std::string::npos) return "";
        auto const href = html.find("/c/", at) + 3;
        return html.substr(href, html.find('"', href) - href);
    }
};

std::string cache_control(http::response const& res) { return test::response_header(res, "Cache-Control"); }

} // namespace

TEST_CASE("schedule on the site: the hero rotates hourly and never in a missing language", "[handlers][schedule]") {
    schedule_fixture f;
    std::map<std::string, int> shown;
    for (int h = 0; h < 24; ++h) {
        f.at(utc(2026, 7, 30) + std::chrono::hours(h) + 30min);
        ++shown[f.featured("pt-BR")];
        CHECK(f.featured("es") == "alfa"); // beta has no Spanish text
        CHECK(f.featured("en").empty());   // neither has English: no hero, the list stays
    }
    CHECK(shown["alfa"] == 12);
    CHECK(shown["beta"] == 12);
    // The hero is not listed again below it; the list falls back to every published campaign.
    auto const html = f.page("/pt-BR/");
    CHECK(html.find("class=\"card\"") != std::string::npos);
    auto const hero = f.featured("pt-BR");
    CHECK(html.find("<h3><a href=\"/pt-BR/c/" + hero + "\"") == std::string::npos);
}

TEST_CASE("schedule on the site: a window opens and closes to the second", "[handlers][schedule]") {
    schedule_fixture f;
    f.library.campaigns[2].window = {utc(2026, 7, 30, 12, 0, 7), utc(2026, 7, 30, 13, 0, 7)};
    f.at(utc(2026, 7, 30, 12, 0, 6));
    CHECK(f.page("/pt-BR/c/gama").empty());
    CHECK(f.site.current()->next_change == utc(2026, 7, 30, 12, 0, 7));
    f.at(utc(2026, 7, 30, 12, 0, 7));
    CHECK_FALSE(f.page("/pt-BR/c/gama").empty());
    f.at(utc(2026, 7, 30, 12, 0, 8));
    CHECK_FALSE(f.page("/pt-BR/c/gama").empty());
    f.at(utc(2026, 7, 30, 13, 0, 6));
    CHECK_FALSE(f.page("/pt-BR/c/gama").empty());
    f.at(utc(2026, 7, 30, 13, 0, 7));
    CHECK(f.page("/pt-BR/c/gama").empty());
    // A language's own window: Spanish readers of alfa wait for it; the campaign stays.
    f.library.campaigns[0].translations[1].window = {utc(2026, 8, 1), std::nullopt};
    f.at(utc(2026, 7, 31, 23, 59, 59));
    CHECK(f.page("/es/c/alfa").find("lang=\"pt-BR\"") != std::string::npos); // the fallback text
    CHECK(f.featured("es").empty());
    f.at(utc(2026, 8, 1));
    CHECK(f.page("/es/c/alfa").find("Título alfa es") != std::string::npos);
    CHECK(f.featured("es") == "alfa");
}

TEST_CASE("schedule on the site: override beats scheduled beats fallback", "[handlers][schedule]") {
    schedule_fixture f;
    auto urgent = entry("gama", 1, 2);
    urgent.window = {utc(2026, 7, 30, 14), utc(2026, 7, 30, 15)};
    f.library.slots[0].entries = {entry("beta", 1, 0), urgent};
    f.at(utc(2026, 7, 30, 13, 59, 59));
    CHECK(f.featured("pt-BR") == "beta");
    f.at(utc(2026, 7, 30, 14));
    CHECK(f.featured("pt-BR") == "gama");
    f.library.slots[0].entries.push_back(entry("alfa"));
    f.at(utc(2026, 7, 30, 15, 30));
    CHECK(f.featured("pt-BR") == "alfa");
    f.library.slots[0].entries.back().weight = 0; // paused: the fallback again, no stall
    f.at(utc(2026, 7, 30, 15, 30));
    CHECK(f.featured("pt-BR") == "beta");
}

TEST_CASE("schedule on the site: a home page's max-age is the time left in its period", "[handlers][schedule]") {
    schedule_fixture f;
    auto const d = f.dispatcher_for([&](http::route_group& r) { handlers::pages::mount(r, {f.site, f.clock}); });
    f.at(utc(2026, 7, 30, 12, 39, 26)); // 20 min 34 s before the hour
    CHECK(f.site.current()->rotating.at("/pt-BR/") == utc(2026, 7, 30, 13));
    request_builder home("/pt-BR/");
    CHECK(cache_control(answer(d, home)) == "public, max-age=1234");
    f.clock.advance(1000s); // the same site, served later
    CHECK(cache_control(answer(d, home)) == "public, max-age=234");
    f.clock.set(utc(2026, 7, 30, 12, 59, 59));
    CHECK(cache_control(answer(d, home)) == "public, max-age=1");
    // A window edge before the boundary ends the home page's freshness too (it lists that campaign).
    f.library.campaigns[2].window.until = utc(2026, 7, 30, 12, 40, 25);
    f.at(utc(2026, 7, 30, 12, 40));
    CHECK(cache_control(answer(d, home)) == "public, max-age=25");
    f.library.campaigns[2].window = {};
    // A page that does not rotate keeps its minute, unless the schedule changes sooner.
    request_builder page("/pt-BR/c/alfa");
    f.at(utc(2026, 7, 30, 12, 10));
    CHECK(cache_control(answer(d, page)) == "public, max-age=60");
    f.library.campaigns[0].window.until = utc(2026, 7, 30, 12, 10, 25);
    f.at(utc(2026, 7, 30, 12, 10));
    CHECK(cache_control(answer(d, page)) == "public, max-age=25");
    // With no entries nothing rotates: the home page is an ordinary page.
    f.library.slots[0].entries.clear();
    f.library.campaigns[0].window = {};
    f.at(utc(2026, 7, 30, 12, 10));
    CHECK(f.site.current()->rotating.empty());
    CHECK(cache_control(answer(d, home)) == "public, max-age=60");
}

TEST_CASE("the site records every slot's pick per language, and rebuilds when one moves", "[handlers][schedule]") {
    schedule_fixture f;
    f.library.slots.push_back({"widget-default", "America/Sao_Paulo", 1800, 1, true, {entry("gama"), entry("alfa")}});
    f.at(utc(2026, 7, 30, 12, 10));
    auto const site = f.site.current();
    auto const* es = site->pick("widget-default", "es");
    REQUIRE(es);
    REQUIRE(es->campaigns.size() == 1);
    CHECK((es->campaigns[0] == "gama" || es->campaigns[0] == "alfa"));
    REQUIRE(es->changes_at);
    CHECK(*es->changes_at == utc(2026, 7, 30, 12, 30)); // half-hour periods
    CHECK(site->next_change <= es->changes_at);
    CHECK(site->pick("widget-default", "en") == nullptr); // no English text in its entries
    CHECK(site->pick("no-such-slot", "es") == nullptr);
    // Half an hour later the other campaign has its turn.
    std::string const first = es->campaigns[0];
    f.at(utc(2026, 7, 30, 12, 40));
    auto const* later = f.site.current()->pick("widget-default", "es");
    REQUIRE(later);
    CHECK(later->campaigns[0] != first);
}
