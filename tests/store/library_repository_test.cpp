#include "store/library_repository.hpp"

#include "content/bundle_fixture.hpp"
#include "content/bundle_reader.hpp"
#include "content/markdown.hpp"
#include "store/connection.hpp"
#include "store/database.hpp"
#include "store/search.hpp"
#include "store/store_error.hpp"
#include "util/clock.hpp"

#include <catch2/catch.hpp>

using namespace farol;
using namespace farol::store;
using farol::util::fixed_clock;

namespace {

fixed_clock test_clock() {
    return fixed_clock(std::chrono::system_clock::time_point(std::chrono::seconds(1'780'000'000)));
}

content::library samples() {
    static content::library const lib = content::read_bundles(test::samples_dir(), test::six_languages()).library;
    return lib;
}

std::int64_t scalar(database& db, std::string const& sql) {
    return db.read([&](connection& c) { return c.db().execAndGet(sql).getInt64(); });
}

// Rows changed on the (in-memory, single) connection since it opened.
std::int64_t total_changes(database& db) { return scalar(db, "SELECT total_changes()"); }

std::string result_text(import_result const& r) {
    return std::to_string(r.added) + "/" + std::to_string(r.updated) + "/" + std::to_string(r.unchanged) + " " +
           std::to_string(r.hotlines_added) + "/" + std::to_string(r.hotlines_updated) + "/" +
           std::to_string(r.hotlines_unchanged);
}

} // namespace

TEST_CASE("an empty database loads an empty library", "[store][library]") {
    auto clock = test_clock();
    auto db = database::open_memory(clock);
    CHECK(load_library(*db) == content::library{});
}

TEST_CASE("import then load gives back the same library", "[store][library]") {
    auto clock = test_clock();
    auto db = database::open_memory(clock);
    auto const r = import_library(*db, samples());
    CHECK(result_text(r) == "3/0/0 4/0/0");
    auto const loaded = load_library(*db);
    CHECK(loaded == samples());
    CHECK(scalar(*db, "SELECT count(*) FROM translations") == 18);
    CHECK(scalar(*db, "SELECT count(*) FROM translations_fts") == 18);
    CHECK(scalar(*db, "SELECT count(*) FROM material_files") == 18);
    CHECK(scalar(*db, "SELECT count(*) FROM hotline_texts") == 24);
    CHECK(scalar(*db, "SELECT count(*) FROM campaign_tags") == 10);
}

TEST_CASE("importing the same library twice changes nothing", "[store][library]") {
    auto clock = test_clock();
    auto db = database::open_memory(clock);
    import_library(*db, samples());
    auto const changes = total_changes(*db);
    auto const r = import_library(*db, samples());
    CHECK(result_text(r) == "0/0/3 0/0/4");
    CHECK(total_changes(*db) == changes); // not a single row written
    CHECK(scalar(*db, "SELECT max(revision) FROM campaigns") == 1);
    CHECK(scalar(*db, "SELECT max(revision) FROM hotlines") == 1);
}

TEST_CASE("a changed campaign is replaced, its revision and index follow", "[store][library]") {
    auto clock = test_clock();
    auto db = database::open_memory(clock);
    import_library(*db, samples());
    auto lib = samples();
    auto& c = lib.campaigns.at(2); // reconhecer-o-trafico
    auto& pt = c.translations.at(0);
    pt.body_markdown = "## Novo\n\nTexto sobre **quilombola** apenas.\n";
    pt.body_html = content::render_markdown(pt.body_markdown);
    c.tags = {"novo"};
    c.hotlines = {"samu-192"};
    c.window.until = c.window.from.value() + std::chrono::hours(24 * 365);
    c.materials.at(0).files.pop_back();
    lib.hotlines.at(0).label["pt-BR"] = "Disque Cem";

    CHECK(search(*db, "pt-BR", "quilombola", 10).empty());
    auto const r = import_library(*db, lib);
    CHECK(result_text(r) == "0/1/2 0/1/3");
    CHECK(load_library(*db) == lib);
    CHECK(scalar(*db, "SELECT revision FROM campaigns WHERE slug = 'reconhecer-o-trafico'") == 2);
    CHECK(scalar(*db, "SELECT revision FROM campaigns WHERE slug = 'comites-regionais-sp'") == 1);
    CHECK(scalar(*db, "SELECT revision FROM hotlines WHERE id = 'disque-100'") == 2);
    CHECK(scalar(*db, "SELECT count(*) FROM translations_fts") == 18);
    auto const hits = search(*db, "pt-BR", "quilombola", 10);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].slug == "reconhecer-o-trafico");
    auto const others = search(*db, "pt-BR", "comites", 10); // other campaigns stay indexed
    REQUIRE_FALSE(others.empty());
    CHECK(others[0].slug == "comites-regionais-sp");
}

TEST_CASE("campaigns absent from an import are kept", "[store][library]") {
    auto clock = test_clock();
    auto db = database::open_memory(clock);
    import_library(*db, samples());
    content::library only_one;
    only_one.campaigns.push_back(samples().campaigns.at(1));
    CHECK(result_text(import_library(*db, only_one)) == "0/0/1 0/0/0");
    CHECK(load_library(*db) == samples());
}

TEST_CASE("a failing import leaves the database as it was", "[store][library]") {
    auto clock = test_clock();
    auto db = database::open_memory(clock);
    auto lib = samples();
    lib.campaigns.at(2).hotlines.push_back("nowhere-000"); // the first two campaigns go in before this fails
    CHECK_THROWS_AS(import_library(*db, lib), store_error);
    CHECK(load_library(*db) == content::library{});
    CHECK(scalar(*db, "SELECT count(*) FROM translations_fts") == 0);
}

TEST_CASE("a stored window keeps nanoseconds and may be open at both ends", "[store][library]") {
    auto clock = test_clock();
    auto db = database::open_memory(clock);
    content::library lib;
    content::campaign c;
    c.slug = "x";
    c.default_language = "pt-BR";
    c.window.from = std::chrono::system_clock::time_point(std::chrono::nanoseconds(1'767'225'600'123'456'789));
    c.translations.push_back({"pt-BR", "T", "S", "B", "<p>B</p>\n"}); // the site shows campaigns with their default language
    lib.campaigns.push_back(c);
    c.slug = "y";
    c.window = {};
    lib.campaigns.push_back(c);
    import_library(*db, lib);
    CHECK(load_library(*db) == lib);
}

TEST_CASE("the site's library leaves out campaigns without their default language, and archived ones", "[store][library]") {
    auto db = database::open_memory();
    content::library lib;
    content::campaign c;
    c.slug = "only-spanish";
    c.default_language = "pt-BR";
    c.translations.push_back({"es", "T", "S", "B", "<p>B</p>\n"});
    lib.campaigns.push_back(c);
    import_library(*db, lib);
    CHECK(load_library(*db).campaigns.empty());
    CHECK(scalar(*db, "SELECT count(*) FROM campaigns") == 1); // stored, for the editor
}

TEST_CASE("the site's library leaves out the Markdown sources and adds the schedule", "[store][library]") {
    auto db = database::open_memory();
    import_library(*db, samples());
    auto const everything = load_library(*db);
    auto const site = load_library(*db, library_detail::site);
    REQUIRE(site.campaigns.size() == everything.campaigns.size());
    REQUIRE(!site.campaigns.empty());
    auto expected = everything;
    for (auto& c : expected.campaigns)
        for (auto& t : c.translations) {
            CHECK(!t.body_markdown.empty());
            t.body_markdown.clear();
        }
    CHECK(site.slots.size() == 3); // the site's own slots
    expected.slots = site.slots;
    CHECK(site == expected);
}
