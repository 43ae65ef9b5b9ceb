#include "content/bundle_writer.hpp"

#include "content/bundle_fixture.hpp"
#include "content/bundle_reader.hpp"
#include "content/markdown.hpp"
#include "content/timestamp.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>

using namespace farol::content;
using namespace farol::test;
namespace fs = std::filesystem;

namespace {

// The library of dir, with its bytes put in store.
library read_into(fs::path const& dir, material_store& store, std::vector<std::string> const& languages) {
    auto set = read_bundles(dir, languages);
    for (auto const& [sha, src] : set.blobs) REQUIRE(store.put_file(src) == sha);
    return set.library;
}

} // namespace

TEST_CASE("bundles written and read back give the same library, writing is deterministic", "[content][bundle]") {
    temp_dir dir;
    material_store store(dir / "store");
    auto const lib = read_into(samples_dir(), store, six_languages());
    write_bundles(lib, store, dir / "one", six_languages());
    write_bundles(lib, store, dir / "two", six_languages());
    CHECK(read_bundles(dir / "one", six_languages()).library == lib);
    auto const one = tree(dir / "one");
    CHECK(one == tree(dir / "two"));
    CHECK(one.size() == 1 + 3 * (1 + 6 + 6));

    // Writing again over an existing export changes nothing.
    write_bundles(lib, store, dir / "one", six_languages());
    CHECK(tree(dir / "one") == one);
}

TEST_CASE("exporting the sample campaigns reproduces their files byte for byte", "[content][bundle]") {
    temp_dir dir;
    material_store store(dir / "store");
    auto const lib = read_into(samples_dir(), store, six_languages());
    write_bundles(lib, store, dir / "out", six_languages());
    auto source = tree(samples_dir());
    source.erase("README.md");
    auto const written = tree(dir / "out");
    for (auto const& [name, bytes] : source) {
        INFO(name);
        REQUIRE(written.contains(name));
        CHECK(written.at(name) == bytes);
    }
    CHECK(written.size() == source.size());
}

TEST_CASE("campaign.json has a fixed key order and 2-space indentation", "[content][bundle]") {
    campaign c;
    c.slug = "x";
    c.default_language = "pt-BR";
    c.window.until = parse_utc_timestamp("2027-06-01T12:00:00.25Z");
    c.materials.push_back({"audio", "audio", {{"es", "a \"q\".mp3", std::string(64, 'a'), 1, "audio/mpeg"}}});
    CHECK(campaign_json(c) == "{\n"
                              "  \"slug\": \"x\",\n"
                              "  \"default_language\": \"pt-BR\",\n"
                              "  \"tags\": [],\n"
                              "  \"hotlines\": [],\n"
                              "  \"publish\": {\n"
                              "    \"until\": \"2027-06-01T12:00:00.25Z\"\n"
                              "  },\n"
                              "  \"materials\": [\n"
                              "    {\n"
                              "      \"id\": \"audio\",\n"
                              "      \"kind\": \"audio\",\n"
                              "      \"files\": {\n"
                              "        \"es\": \"materials/a \\\"q\\\".mp3\"\n"
                              "      }\n"
                              "    }\n"
                              "  ]\n"
                              "}\n");
}

TEST_CASE("an edited library round-trips through the bundle format", "[content][bundle]") {
    temp_dir dir;
    write_small_bundle(dir / "in");
    material_store store(dir / "store");
    auto lib = read_into(dir / "in", store, two_languages());
    auto& t = lib.campaigns.at(0).translations.at(1);
    t.title = "Trata: \"señales\" & ayuda";
    t.body_markdown = "Sin línea en blanco\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
    t.body_html = render_markdown(t.body_markdown);
    lib.campaigns.at(0).window = {};
    write_bundles(lib, store, dir / "out");
    CHECK(read_bundles(dir / "out", two_languages()).library == lib);
}

TEST_CASE("write_bundles refuses names that would leave the folder or bytes it lacks", "[content][bundle]") {
    temp_dir dir;
    material_store store(dir / "store");
    library lib;
    lib.campaigns.push_back({});
    lib.campaigns[0].slug = "../evil";
    CHECK_THROWS_AS(write_bundles(lib, store, dir / "out"), std::runtime_error);
    CHECK_FALSE(fs::exists(dir / "evil"));

    lib.campaigns[0].slug = "ok";
    lib.campaigns[0].translations.push_back({"../../x", "t", "s", "b\n", ""});
    CHECK_THROWS_AS(write_bundles(lib, store, dir / "out"), std::runtime_error);

    lib.campaigns[0].translations.clear();
    lib.campaigns[0].materials.push_back({"m", "other", {{"pt-BR", "a.txt", std::string(64, 'b'), 1, "text/plain"}}});
    CHECK_THROWS_WITH(write_bundles(lib, store, dir / "out"), Catch::Contains("missing from"));
}
