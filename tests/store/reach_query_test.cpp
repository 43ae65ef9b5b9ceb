#include "store/reach_query.hpp"

#include "store/database.hpp"
#include "store/reach_store.hpp"

#include <catch2/catch.hpp>

using namespace farol::store;

namespace {

// Two days, two campaigns (one the home page), two languages, over two server runs.
std::shared_ptr<database> sample() {
    auto db = database::open_memory();
    reach_store first(db, 1);
    first.flush({{"2026-07-01", "alfa", "pt-BR", "view", "direct", "phone", 12},
                 {"2026-07-01", "alfa", "pt-BR", "view", "qr", "desktop", 3},
                 {"2026-07-01", "alfa", "pt-BR", "download", "direct", "phone", 5},
                 {"2026-07-01", "alfa", "es", "view", "whatsapp", "phone", 7},
                 {"2026-07-02", "", "pt-BR", "view", "search", "tablet", 20},
                 {"2026-07-03", "alfa", "pt-BR", "view", "direct", "phone", 100}}, // outside the range below
                {{"2026-07-01", "alfa", "pt-BR", 9}, {"2026-07-01", "alfa", "es", 4}, {"2026-07-02", "", "pt-BR", 11},
                 {"2026-07-03", "alfa", "pt-BR", 60}});
    reach_store second(db, 2); // a restart: the same day's readers again, counted with a new salt
    second.flush({{"2026-07-02", "alfa", "pt-BR", "view", "direct", "phone", 8}},
                 {{"2026-07-01", "alfa", "pt-BR", 2}, {"2026-07-02", "alfa", "pt-BR", 6}});
    return db;
}

reach_selection range(std::vector<reach_dim> by, std::vector<std::string> events = {}) {
    return {"2026-07-01", "2026-07-02", std::move(by), std::move(events)};
}

} // namespace

TEST_CASE("reach query: groups events by the dimensions given, in their order, within the days", "[reach][store]") {
    reach_query q(sample());
    auto const r = q.run(range({reach_dim::campaign, reach_dim::language}, {"view"}));
    REQUIRE(r.has_readers);
    REQUIRE(r.groups.size() == 3);
    CHECK(r.groups[0].key == std::vector<std::string>{"", "pt-BR"}); // the home page sorts first
    CHECK(r.groups[0].events == 20);
    CHECK(r.groups[0].readers == 11);
    CHECK(r.groups[1].key == std::vector<std::string>{"alfa", "es"});
    CHECK(r.groups[1].events == 7);
    CHECK(r.groups[1].readers == 4);
    CHECK(r.groups[2].key == std::vector<std::string>{"alfa", "pt-BR"});
    CHECK(r.groups[2].events == 12 + 3 + 8); // the download and 2026-07-03 are left out
    CHECK(r.groups[2].readers == 9 + 2 + 6); // reader-days: both runs of the 1st, and the 2nd
    auto const swapped = q.run(range({reach_dim::language, reach_dim::campaign}, {"view"}));
    REQUIRE(swapped.groups.size() == 3);
    CHECK(swapped.groups[0].key == std::vector<std::string>{"es", "alfa"});
}

TEST_CASE("reach query: readers only where the grouping allows them, events of the kinds asked", "[reach][store]") {
    reach_query q(sample());
    auto const by_source = q.run(range({reach_dim::source}));
    CHECK_FALSE(by_source.has_readers);
    REQUIRE(by_source.groups.size() == 4);
    CHECK(by_source.groups[0].key == std::vector<std::string>{"direct"});
    CHECK(by_source.groups[0].events == 12 + 5 + 8);
    CHECK(by_source.groups[0].readers == 0);
    auto const downloads = q.run(range({reach_dim::event, reach_dim::device}, {"download", "share"}));
    REQUIRE(downloads.groups.size() == 1);
    CHECK(downloads.groups[0].key == std::vector<std::string>{"download", "phone"});
    CHECK(downloads.groups[0].events == 5);
    auto const by_day = q.run(range({reach_dim::day}, {"view", "download"}));
    REQUIRE(by_day.groups.size() == 2);
    CHECK(by_day.groups[0].events == 12 + 3 + 5 + 7);
    CHECK(by_day.groups[0].readers == 9 + 4 + 2);
    CHECK(by_day.groups[1].readers == 11 + 6);
}

TEST_CASE("reach query: no dimension is one group for the range, none when nothing happened", "[reach][store]") {
    reach_query q(sample());
    auto const all = q.run(range({}));
    REQUIRE(all.groups.size() == 1);
    CHECK(all.groups[0].key.empty());
    CHECK(all.groups[0].events == 12 + 3 + 5 + 7 + 20 + 8);
    CHECK(all.groups[0].readers == 9 + 4 + 11 + 2 + 6);
    CHECK(q.run({"2026-08-01", "2026-08-31", {}, {}}).groups.empty());
    CHECK(q.run(range({reach_dim::campaign}, {"widget_click"})).groups.empty());
    CHECK_THROWS_AS(q.run(range({reach_dim::day, reach_dim::day})), std::invalid_argument);
}

TEST_CASE("reach dimensions: names round-trip, unknown names are refused", "[reach][store]") {
    for (auto d : {reach_dim::day, reach_dim::campaign, reach_dim::language, reach_dim::event, reach_dim::source,
                   reach_dim::device})
        CHECK(parse_reach_dim(to_string(d)) == d);
    CHECK_FALSE(parse_reach_dim("device_class"));
    CHECK_FALSE(parse_reach_dim("Campaign"));
    CHECK(has_readers({reach_dim::day, reach_dim::language}));
    CHECK_FALSE(has_readers({reach_dim::campaign, reach_dim::event}));
}

TEST_CASE("reach query: one source counts only its own events and has no readers", "[reach][store][partners]") {
    auto db = sample();
    reach_store(db, 3).flush({{"2026-07-01", "alfa", "es", "widget_impression", "partner:casa", "phone", 14},
                              {"2026-07-01", "alfa", "es", "view", "partner:casa", "phone", 4},
                              {"2026-07-01", "alfa", "es", "widget_click", "partner:casa", "phone", 4},
                              {"2026-07-02", "alfa", "es", "widget_click", "partner:abrigo", "phone", 6}},
                             {});
    reach_query q(db);
    auto s = range({reach_dim::event, reach_dim::day}, {"view", "widget_impression", "widget_click"});
    s.source = "partner:casa";
    auto const r = q.run(s);
    CHECK_FALSE(r.has_readers);
    REQUIRE(r.groups.size() == 3);
    CHECK(r.groups[0].key == std::vector<std::string>{"view", "2026-07-01"});
    CHECK(r.groups[0].events == 4); // the partner's views only, not alfa's 12 direct ones
    CHECK(r.groups[1].key == std::vector<std::string>{"widget_click", "2026-07-01"});
    CHECK(r.groups[2].key == std::vector<std::string>{"widget_impression", "2026-07-01"});
    CHECK(r.groups[2].events == 14);
    auto by_day = range({reach_dim::day});
    by_day.source = "partner:casa";
    CHECK_FALSE(q.run(by_day).has_readers); // readers are never kept per source
    by_day.source = "partner:nobody";
    CHECK(q.run(by_day).groups.empty());
}
