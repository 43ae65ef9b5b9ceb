#include "app/bundle_commands.hpp"

#include "content/bundle_fixture.hpp"
#include "content/bundle_reader.hpp"
#include "editor/bundle_import.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"
#include "store/library_repository.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace farol;
using namespace farol::test;
namespace fs = std::filesystem;

namespace {

struct run_result {
    int status;
    std::string out, err;
};

run_result import_from(app::config const& cfg, fs::path const& dir) {
    std::ostringstream out, err;
    int const status = app::import_bundles(cfg, dir, out, err);
    return {status, out.str(), err.str()};
}

content::library stored(app::config const& cfg) {
    auto db = store::database::open(cfg.data_dir / "farol.db");
    return store::load_library(*db);
}

std::size_t blob_count(app::config const& cfg) {
    std::size_t n = 0;
    if (fs::exists(cfg.data_dir / "materials"))
        for (auto const& e : fs::recursive_directory_iterator(cfg.data_dir / "materials")) n += e.is_regular_file();
    return n;
}

} // namespace

TEST_CASE("farol import stores the sample bundles, and a second import changes nothing", "[content][app]") {
    temp_dir data;
    app::config cfg;
    cfg.data_dir = data / "data";
    auto const first = import_from(cfg, samples_dir());
    CHECK(first.status == 0);
    CHECK(first.err.empty());
    CHECK_THAT(first.out, Catch::Contains("imported 3 campaigns: 3 added, 0 updated, 0 unchanged\n"));
    CHECK_THAT(first.out, Catch::Contains("imported 4 hotlines: 4 added, 0 updated, 0 unchanged\n"));
    CHECK_THAT(first.out, Catch::Contains("send SIGHUP to a running server to publish"));
    CHECK(blob_count(cfg) == 18);
    auto const lib = content::read_bundles(samples_dir(), app::language_list(app::config{})).library;
    CHECK(stored(cfg) == lib);

    auto const second = import_from(cfg, samples_dir());
    CHECK(second.status == 0);
    CHECK_THAT(second.out, Catch::Contains("imported 3 campaigns: 0 added, 0 updated, 3 unchanged\n"));
    CHECK(blob_count(cfg) == 18);
}

TEST_CASE("farol import of invalid bundles lists the problems and stores nothing", "[content][app]") {
    temp_dir data;
    app::config cfg;
    cfg.data_dir = data / "data";
    REQUIRE(import_from(cfg, samples_dir()).status == 0);
    auto const before = stored(cfg);

    copy_samples(data / "bundles");
    edit(data / "bundles/reconhecer-o-trafico/fr.md", "title: ", "titre: ");
    edit(data / "bundles/migrar-com-seguranca-sp/campaign.json", "\"sp\"\n", "\"sp\",\n");
    edit(data / "bundles/comites-regionais-sp/pt-BR.md", "Cada um", "Cada <b>um</b>");
    write_text(data / "bundles/novo/campaign.json", "{}"); // a new campaign would be added if it were valid
    auto const r = import_from(cfg, data / "bundles");
    CHECK(r.status == 1);
    CAPTURE(r.err);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::Contains("reconhecer-o-trafico/fr.md:2: unknown front matter key 'titre'"));
    CHECK_THAT(r.err, Catch::Contains("migrar-com-seguranca-sp/campaign.json:9: invalid JSON: "));
    CHECK_THAT(r.err, Catch::Contains("comites-regionais-sp/pt-BR.md:8: raw HTML is not allowed"));
    CHECK_THAT(r.err, Catch::Contains("novo/campaign.json:1: campaign.json lacks the field 'slug'"));
    CHECK_THAT(r.err, Catch::Contains("nothing imported from "));
    CHECK(stored(cfg) == before);
    CHECK(blob_count(cfg) == 18);
}

TEST_CASE("farol import into a fresh data dir with invalid bundles creates no database", "[content][app]") {
    temp_dir data;
    app::config cfg;
    cfg.data_dir = data / "data";
    write_small_bundle(data / "bundles");
    fs::remove(data / "bundles/alpha/pt-BR.md");
    auto const r = import_from(cfg, data / "bundles");
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::Contains("alpha/campaign.json:3: pt-BR.md, the default language's page, is missing"));
    CHECK_FALSE(fs::exists(cfg.data_dir / "farol.db"));
    CHECK(blob_count(cfg) == 0);
}

TEST_CASE("farol export writes back what was imported", "[content][app]") {
    temp_dir data;
    app::config cfg;
    cfg.data_dir = data / "data";
    std::ostringstream out, err;
    CHECK(app::export_bundles(cfg, data / "out", out, err) == 1); // nothing imported yet
    CHECK_THAT(err.str(), Catch::Contains("no database"));

    REQUIRE(import_from(cfg, samples_dir()).status == 0);
    out.str("");
    err.str("");
    CHECK(app::export_bundles(cfg, data / "out", out, err) == 0);
    CHECK(err.str().empty());
    CHECK(out.str() == "exported 3 campaigns and 4 hotlines to " + (data / "out").string() + "\n");
    auto source = tree(samples_dir());
    source.erase("README.md");
    CHECK(tree(data / "out") == source);
}

TEST_CASE("farol import checks bundles against the configured languages, not a fixed list", "[content][app]") {
    temp_dir data;
    app::config cfg;
    cfg.data_dir = data / "data";
    cfg.languages = "pt-BR es en fr ht"; // a site without Arabic
    auto const r = import_from(cfg, samples_dir());
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::Contains("reconhecer-o-trafico/ar.md: unknown language 'ar'"));
    CHECK_FALSE(std::filesystem::exists(app::database_file(cfg)));
}

TEST_CASE("the editor's download imports back through the editor's upload unchanged, and downloads the same bytes", "[content][app][bundle]") {
    temp_dir data;
    app::config cfg;
    cfg.data_dir = data / "data";
    REQUIRE(import_from(cfg, samples_dir()).status == 0);
    auto const first = app::export_zip(cfg);
    data.write("download.zip", first);

    auto db = store::database::open(app::database_file(cfg));
    store::audit_store audit_store(db);
    util::system_clock clock;
    editor::audit_log audit(audit_store, clock);
    editor::bundle_import importer(db, {app::materials_dir(cfg), cfg.data_dir / "tmp"}, app::language_list(cfg), audit,
                                   clock, [] {});
    auto const outcome = importer.import_zip("ana", data / "download.zip");
    REQUIRE(outcome.kind == editor::zip_import_outcome::imported);
    CHECK(outcome.summary.counts.unchanged == 3);
    CHECK(outcome.summary.counts.added + outcome.summary.counts.updated == 0);
    CHECK(outcome.summary.counts.hotlines_unchanged == 4);
    CHECK(app::export_zip(cfg) == first);
}
