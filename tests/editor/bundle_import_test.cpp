// The editor's ZIP import as a service: unpack, the checks of `farol import`, all or nothing, the
// audit log, a republish, and no scratch folder left behind.
#include "editor/bundle_import.hpp"

#include "content/bundle_fixture.hpp"
#include "content/bundle_zip.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"
#include "store/library_repository.hpp"
#include "support/raw_zip.hpp"
#include "support/test_server.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace farol;
using namespace farol::test;
namespace fs = std::filesystem;

namespace {

struct import_fixture {
    temp_dir data;
    util::fixed_clock clock{test_epoch()};
    std::shared_ptr<store::database> db = store::database::open_memory(clock);
    store::audit_store audit_store{db};
    editor::audit_log audit{audit_store, clock};
    int republished = 0;
    editor::bundle_import importer{db, {data / "materials", data / "tmp"}, two_languages(), audit, clock,
                                   [this] { ++republished; }};

    // The small bundle, changed by `change`, zipped as farol export would zip it.
    fs::path zip_of_small_bundle(std::function<void(fs::path const&)> const& change = {}) {
        auto const src = data / "src";
        fs::remove_all(src);
        write_small_bundle(src);
        if (change) change(src);
        auto const zip = data / "in.zip";
        content::zip_bundles(src, zip);
        return zip;
    }
    std::vector<store::audit_entry> imports() const {
        store::audit_filter f;
        f.action = "bundles.import";
        return audit.list(f);
    }
    bool scratch_is_empty() const { return !fs::exists(data / "tmp") || fs::is_empty(data / "tmp"); }
};

bool has_problem(std::vector<content::bundle_problem> const& list, std::string const& file, int line,
                 std::string const& key) {
    return std::any_of(list.begin(), list.end(), [&](auto const& p) {
        return p.file.generic_string() == file && p.line == line && p.reason.key == key;
    });
}

} // namespace

TEST_CASE("bundle import: a valid ZIP is stored and published, audited, and leaves no scratch folder", "[editor][bundle]") {
    import_fixture f;
    auto const outcome = f.importer.import_zip("ana", f.zip_of_small_bundle());
    REQUIRE(outcome.kind == editor::zip_import_outcome::imported);
    CHECK(outcome.summary.campaigns == std::vector<std::string>{"alpha"});
    CHECK(outcome.summary.hotlines == std::vector<std::string>{"disque-100"});
    CHECK(outcome.summary.counts.added == 1);
    auto const lib = store::load_library(*f.db);
    REQUIRE(lib.campaigns.size() == 1);
    CHECK(lib.campaigns[0].translations.size() == 2);
    CHECK(f.republished == 1);
    auto const events = f.imports();
    REQUIRE(events.size() == 1);
    CHECK(events[0].actor == "ana");
    CHECK(events[0].outcome == "ok");
    CHECK(events[0].object == "zip: 1 campaigns, 1 hotlines");
    CHECK(f.scratch_is_empty());

    // The same ZIP again changes nothing.
    auto const again = f.importer.import_zip("ana", f.zip_of_small_bundle());
    CHECK(again.summary.counts.unchanged == 1);
    CHECK(again.summary.counts.added == 0);
}

TEST_CASE("bundle import: broken bundles list every problem with file, line and key, and store nothing", "[editor][bundle]") {
    import_fixture f;
    auto const zip = f.zip_of_small_bundle([](fs::path const& src) {
        edit(src / "alpha/pt-BR.md", "title: ", "titulo: ");                      // front matter, line 2
        write_text(src / "alpha/de.md", "---\ntitle: x\nsummary: y\n---\n\nz\n"); // a language the site lacks
        fs::copy(src / "alpha", src / "beta", fs::copy_options::recursive);
        edit(src / "beta/campaign.json", "\"alpha\"", "\"beta\"");
        fs::remove(src / "beta/pt-BR.md"); // the default language's page
        fs::remove(src / "beta/de.md");
    });
    auto const outcome = f.importer.import_zip("ana", zip);
    REQUIRE(outcome.kind == editor::zip_import_outcome::invalid);
    auto const& problems = outcome.problems;
    CHECK(has_problem(problems, "alpha/pt-BR.md", 2, "front_matter_unknown_key"));
    CHECK(has_problem(problems, "alpha/pt-BR.md", 4, "front_matter_no_title"));
    CHECK(has_problem(problems, "alpha/de.md", 0, "unknown_page_language"));
    CHECK(has_problem(problems, "beta/campaign.json", 3, "default_page_missing"));
    CHECK(problems.size() == 4);
    CHECK(store::load_library(*f.db).campaigns.empty());
    CHECK_FALSE(fs::exists(f.data / "materials"));
    CHECK(f.republished == 0);
    auto const events = f.imports();
    REQUIRE(events.size() == 1);
    CHECK(events[0].outcome == "refused");
    CHECK(f.scratch_is_empty());
}

TEST_CASE("bundle import: a file that is not a ZIP and an unsafe ZIP are refused before any check", "[editor][bundle]") {
    import_fixture f;
    f.data.write("not.zip", "these bytes are not an archive");
    auto const not_zip = f.importer.import_zip("ana", f.data / "not.zip");
    CHECK(not_zip.kind == editor::zip_import_outcome::not_a_zip);
    CHECK(not_zip.problems.empty());

    write_raw_zip(f.data / "evil.zip", {{"hotlines.json", "{}"}, {"../escape.md", "x"}});
    auto const unsafe = f.importer.import_zip("ana", f.data / "evil.zip");
    REQUIRE(unsafe.kind == editor::zip_import_outcome::unsafe_zip);
    REQUIRE(unsafe.problems.size() == 1);
    CHECK(unsafe.problems[0].file == "../escape.md");
    CHECK_FALSE(unsafe.problems[0].reason.english.empty());
    CHECK_FALSE(fs::exists(f.data / "escape.md"));
    CHECK_FALSE(fs::exists(f.data / "tmp/escape.md"));
    CHECK(store::load_library(*f.db).campaigns.empty());
    CHECK(f.imports().size() == 2);
    CHECK(f.scratch_is_empty());
}
