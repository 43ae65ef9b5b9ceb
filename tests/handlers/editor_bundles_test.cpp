// Bundles in and out of the editor: the import page, a ZIP upload checked like `farol import`
// (all or nothing, every problem with file, line and reason in the user's language), roles.
#include "content/bundle_fixture.hpp"
#include "content/bundle_zip.hpp"
#include "handlers/editor_fixture.hpp"
#include "store/library_repository.hpp"
#include "support/raw_zip.hpp"

#include <catch2/catch.hpp>

using namespace farol;
using namespace farol::test;
using http::status;
namespace fs = std::filesystem;

namespace {

struct upload_fixture {
    temp_dir data;
    editor_fixture f{settings()};
    editor_client c{f};
    int uploads = 0;

    editor::editor_settings settings() {
        auto s = fast_editor_settings();
        s.languages = two_languages(); // the small bundle's
        s.bundle_paths = {data / "materials", data / "tmp"};
        return s;
    }
    explicit upload_fixture(std::string lang = "en") : c(f, std::move(lang)) {
        f.add_user("ana", http::role::editor, strong);
        REQUIRE(c.sign_in("ana", strong).result() == status::see_other);
    }
    // The small bundle, changed by `change`, as a ZIP.
    fs::path bundle_zip(std::function<void(fs::path const&)> const& change = {}) {
        auto const src = data / "src";
        fs::remove_all(src);
        write_small_bundle(src);
        if (change) change(src);
        content::zip_bundles(src, data / "bundles.zip");
        return data / "bundles.zip";
    }
    // Sends a copy of `file` as the form's "bundles" part (the upload's temporary file goes with the request).
    http::response upload(fs::path const& file) {
        auto const copy = data / ("upload-" + std::to_string(++uploads));
        fs::copy_file(file, copy);
        auto const size = fs::file_size(copy);
        std::vector<http::uploaded_file> files;
        files.push_back({"bundles", "site.zip", "application/zip", util::temp_file(copy), size});
        return c.post_upload("/editor/bundles/import", {}, std::move(files));
    }
};

} // namespace

TEST_CASE("editor bundles: the page offers the download and an upload form, in English and Portuguese", "[editor][bundle]") {
    upload_fixture en;
    auto const page = en.c.get("/editor/bundles");
    REQUIRE(page.result() == status::ok);
    auto const html = body_of(page);
    CHECK(contains(page, "<a href=\"/editor/bundles\">Import and export</a>")); // in the navigation
    CHECK(contains(page, "href=\"/editor/bundles.zip\""));
    auto const form = html.find("<form method=\"post\" action=\"/editor/bundles/import\" enctype=\"multipart/form-data\"");
    REQUIRE(form != std::string::npos);
    auto const csrf = html.find("<input type=\"hidden\" name=\"csrf\" value=\"" + en.c.csrf() + "\">", form);
    auto const file = html.find("<input id=\"bundles\" name=\"bundles\" type=\"file\" accept=\".zip,application/zip\"", form);
    CHECK(csrf != std::string::npos);
    CHECK(csrf < file); // a streaming parser meets the token before the file
    CHECK(file != std::string::npos);
    CHECK(contains(page, "Import a ZIP of bundles"));

    upload_fixture pt("pt-BR");
    auto const pt_page = pt.c.get("/editor/bundles");
    CHECK(pt_page[http::field::content_language] == "pt-BR");
    CHECK(contains(pt_page, "Importar um ZIP de pacotes"));
    CHECK(contains(pt_page, "Verificar e importar"));
}

TEST_CASE("editor bundles: a valid ZIP is imported, listed and audited", "[editor][bundle]") {
    upload_fixture u;
    auto const res = u.upload(u.bundle_zip());
    REQUIRE(res.result() == status::ok);
    CHECK(contains(res, "Imported and published"));
    CHECK(contains(res, "Campaigns: 1 in the ZIP (1 new, 0 changed, 0 unchanged)."));
    CHECK(contains(res, "<a href=\"/editor/campaigns/alpha\">alpha</a>"));
    CHECK(store::load_library(*u.f.db).campaigns.size() == 1);
    CHECK(contains(u.c.get("/editor/campaigns"), ">alpha</a>"));
    store::audit_filter only;
    only.action = "bundles.import";
    auto const events = u.f.editor.audit.list(only);
    REQUIRE(events.size() == 1);
    CHECK(events[0].actor == "ana");
    CHECK(events[0].outcome == "ok");
}

TEST_CASE("editor bundles: broken bundles answer 422 with every problem in the user's language and store nothing", "[editor][bundle]") {
    auto const broken = [](fs::path const& src) {
        edit(src / "alpha/pt-BR.md", "title: ", "titulo: ");
        write_text(src / "alpha/de.md", "---\ntitle: x\nsummary: y\n---\n\nz\n");
        fs::copy(src / "alpha", src / "beta", fs::copy_options::recursive);
        edit(src / "beta/campaign.json", "\"alpha\"", "\"beta\"");
        fs::remove(src / "beta/pt-BR.md");
        fs::remove(src / "beta/de.md");
        edit(src / "alpha/campaign.json", "\"ajuda\"", "\"Ajuda\""); // stays English: not translated
    };
    upload_fixture pt("pt-BR");
    REQUIRE(store::load_library(*pt.f.db).campaigns.empty());
    auto const res = pt.upload(pt.bundle_zip(broken));
    REQUIRE(res.result() == status::unprocessable_entity);
    CHECK(contains(res, "Nada foi importado"));
    CHECK(contains(res, "alpha/pt-BR.md, linha 2: chave desconhecida no cabeçalho"));
    CHECK(contains(res, "alpha/pt-BR.md, linha 4: falta title (o título) no cabeçalho"));
    CHECK(contains(res, "alpha/de.md: idioma desconhecido"));
    CHECK(contains(res, "beta/campaign.json, linha 3: falta pt-BR.md, a página do idioma padrão"));
    CHECK(contains(res, "alpha/campaign.json, linha 5: tag"));
    CHECK(contains(res, "enctype=\"multipart/form-data\"")); // the form again
    CHECK(store::load_library(*pt.f.db).campaigns.empty());
    CHECK(pt.f.editor.campaigns.list().empty());

    upload_fixture en;
    auto const en_res = en.upload(en.bundle_zip(broken));
    REQUIRE(en_res.result() == status::unprocessable_entity);
    CHECK(contains(en_res, "alpha/pt-BR.md, line 2: unknown front matter key"));
    CHECK(contains(en_res, "beta/campaign.json, line 3: pt-BR.md, the default language"));
    CHECK(contains(en_res, "alpha/campaign.json, line 5: tag"));
}

TEST_CASE("editor bundles: no file, an empty file, not a ZIP and an unsafe ZIP are refused with a field error", "[editor][bundle]") {
    upload_fixture u;
    auto const none = u.c.post_upload("/editor/bundles/import", {}, {});
    CHECK(none.result() == status::unprocessable_entity);
    CHECK(contains(none, "Choose a ZIP file to import."));
    CHECK(contains(none, "aria-invalid=\"true\""));

    u.data.write("empty.zip", "");
    auto const empty = u.upload(u.data / "empty.zip");
    CHECK(empty.result() == status::unprocessable_entity);
    CHECK(contains(empty, "The chosen file is empty."));

    u.data.write("letter.txt", "Dear editor, this is not an archive.");
    auto const text = u.upload(u.data / "letter.txt");
    CHECK(text.result() == status::unprocessable_entity);
    CHECK(contains(text, "This file is not a ZIP archive, or it is damaged."));
    CHECK_FALSE(contains(text, u.data.path().string())); // no server path in the page

    write_raw_zip(u.data / "evil.zip", {{"hotlines.json", "{}"}, {"../escape.md", "x"}});
    auto const evil = u.upload(u.data / "evil.zip");
    CHECK(evil.result() == status::unprocessable_entity);
    CHECK(contains(evil, "The ZIP was refused, nothing was imported: its entry ../escape.md"));
    CHECK(store::load_library(*u.f.db).campaigns.empty());
    CHECK((!fs::exists(u.data / "tmp") || fs::is_empty(u.data / "tmp")));
}

TEST_CASE("editor bundles: an analyst can neither see the page nor import", "[editor][bundle]") {
    upload_fixture u;
    u.f.add_user("rui", http::role::analyst, strong);
    editor_client analyst(u.f);
    REQUIRE(analyst.sign_in("rui", strong).result() == status::see_other);
    CHECK(analyst.get("/editor/bundles").result() == status::forbidden);
    auto const zip = u.bundle_zip();
    auto const copy = u.data / "analyst.zip";
    fs::copy_file(zip, copy);
    std::vector<http::uploaded_file> files;
    files.push_back({"bundles", "site.zip", "application/zip", util::temp_file(copy), fs::file_size(copy)});
    auto const res = analyst.post_upload("/editor/bundles/import", {}, std::move(files));
    CHECK(res.result() == status::forbidden);
    CHECK(store::load_library(*u.f.db).campaigns.empty());
    CHECK_FALSE(contains(analyst.get("/editor/"), "/editor/bundles\""));
}
