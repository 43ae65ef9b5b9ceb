// The materials library through the editor's routes: upload (the file already on disk, as the
// server hands it over), attach per language, replace, detach, remove, and the bytes swept once
// nothing refers to them.
#include "content/material_store.hpp"
#include "editor/upload_corpus.hpp"
#include "handlers/editor_fixture.hpp"
#include "store/library_repository.hpp"
#include "util/temp_file.hpp"

#include <catch2/catch.hpp>

using namespace farol;
using namespace farol::test;
using http::field;
using http::status;

namespace {

struct library_fixture {
    editor_fixture f{settings()};
    editor_client c{f};
    int republished = 0;

    editor::editor_settings settings() {
        auto s = fast_editor_settings();
        s.uploads.grace = std::chrono::hours(24);
        s.republish = [this] { ++republished; };
        return s;
    }
    library_fixture() {
        f.add_user("ana", http::role::editor, strong);
        REQUIRE(c.sign_in("ana", strong).result() == status::see_other);
        REQUIRE(c.post("/editor/campaigns", {{"slug", "nova"}, {"default_language", "pt-BR"}, {"tags", "trabalho"}})
                    .result() == status::see_other);
    }
    // Uploads bytes named `name` as the server would hand them to the route.
    http::response upload(std::string const& name, std::string const& bytes, form_fields fields = {}) {
        auto file = util::temp_file::create(f.files / "incoming", "upload-");
        uploads::write_bytes(file.path(), bytes);
        std::vector<http::uploaded_file> files;
        files.push_back({"file", name, "application/octet-stream", std::move(file), bytes.size()});
        return c.post_upload("/editor/materials", std::move(fields), std::move(files));
    }
    std::int64_t newest_upload() { return f.editor.materials.list().at(0).id; }
    std::vector<content::material> materials() { return f.editor.materials.materials_of("nova"); }
};

} // namespace

TEST_CASE("editor materials: upload, attach per language, replace, detach and remove", "[editor][materials]") {
    library_fixture l;
    auto& c = l.c;
    auto const first = uploads::pdf(false);
    auto const up = l.upload("Folheto Final.pdf", first);
    REQUIRE(up.result() == status::see_other);
    CHECK(up[field::location] == "/editor/materials?done=upload");
    auto const list = c.get("/editor/materials");
    CHECK(contains(list, "Folheto Final.pdf"));
    CHECK(contains(list, "Not attached"));
    auto const id = std::to_string(l.newest_upload());

    auto const bad = c.post("/editor/campaigns/nova/attach",
                            {{"upload", id}, {"material", "Folheto"}, {"kind", "flyer"}, {"language", "xx"}, {"file_name", "f.png"}});
    CHECK(bad.result() == status::unprocessable_entity);
    CHECK(contains(bad, "lower-case letters, digits and single hyphens"));
    CHECK(contains(bad, "Choose a kind."));
    CHECK(contains(bad, "Choose one of the site"));
    CHECK(contains(bad, "extension must match the file"));
    CHECK(l.materials().empty());

    auto const ok = c.post("/editor/campaigns/nova/attach",
                           {{"upload", id}, {"material", "folheto"}, {"kind", "leaflet"}, {"language", "pt-BR"}, {"file_name", ""}});
    REQUIRE(ok.result() == status::see_other);
    auto mats = l.materials();
    REQUIRE(mats.size() == 1);
    REQUIRE(mats[0].files.size() == 1);
    CHECK(mats[0].files[0].file_name == "folheto-final.pdf");
    auto const old_sha = mats[0].files[0].sha256;
    // The same file as another kind: readers see the kind, so it is a change like any other.
    auto const published = l.republished;
    REQUIRE(c.post("/editor/campaigns/nova/attach", {{"upload", id}, {"material", "folheto"}, {"kind", "poster"},
                                                      {"language", "pt-BR"}, {"file_name", ""}})
                .result() == status::see_other);
    CHECK(l.materials().at(0).kind == "poster");
    CHECK(l.republished == published + 1);
    CHECK(contains(c.get("/editor/campaigns/nova"), "/m/" + old_sha.substr(0, 16) + "/folheto-final.pdf"));
    CHECK(contains(c.get("/editor/materials"), ">nova</a> (folheto, pt-BR)"));
    // The preview draws the page as readers will see it, with the attached file.
    REQUIRE(c.post("/editor/campaigns/nova/t/pt-BR", {{"title", "Nova"}, {"summary", "Resumo"}, {"body", "Texto."}, {"base", "0"}})
                .result() == status::see_other);
    CHECK(contains(c.get("/editor/campaigns/nova/t/pt-BR/preview"), "/m/" + old_sha.substr(0, 16) + "/folheto-final.pdf"));
    auto const in_use = c.post("/editor/materials/" + id + "/delete", {});
    CHECK(in_use.result() == status::conflict);

    // Replacing: a new file for the same material and language; the old one is retired, still served.
    auto const second = uploads::pdf(false, ""); // encrypted: its /ID is random, so its bytes differ
    REQUIRE(l.upload("folheto-v2.pdf", second, {{"slug", "nova"}, {"material", "folheto"}, {"kind", "leaflet"},
                                                {"language", "pt-BR"}, {"file_name", "folheto.pdf"}})
                .result() == status::see_other);
    mats = l.materials();
    REQUIRE(mats[0].files.size() == 1);
    CHECK(mats[0].files[0].sha256 != old_sha);
    auto retired = l.f.editor.materials.retired();
    REQUIRE(retired.size() == 1);
    CHECK(retired[0].sha256 == old_sha);
    CHECK(l.republished >= 2);

    CHECK(c.post("/editor/campaigns/nova/detach", {{"material", "folheto"}, {"language", "pt-BR"}}).result() ==
          status::see_other);
    CHECK(l.materials().empty());
    CHECK(l.f.editor.materials.retired().size() == 2);
    CHECK(c.post("/editor/materials/" + id + "/delete", {}).result() == status::see_other);
    CHECK_FALSE(contains(c.get("/editor/materials"), "Folheto Final.pdf"));

    // Within the grace period every byte stays; past it, what nothing refers to goes.
    content::material_store blobs(l.f.files / "materials");
    CHECK(l.f.editor.materials.sweep() == 0);
    CHECK(blobs.contains(old_sha));
    l.f.clock().advance(std::chrono::hours(25));
    CHECK(l.f.editor.materials.retired().empty());
    std::filesystem::last_write_time(blobs.path_of(old_sha), std::filesystem::file_time_type::clock::now() - std::chrono::hours(48));
    CHECK(l.f.editor.materials.sweep() == 1);
    CHECK_FALSE(blobs.contains(old_sha));

    std::vector<std::string> actions;
    for (auto const& e : l.f.editor.audit.list({})) actions.push_back(e.action);
    for (auto const* a : {"material.upload", "material.attach", "material.replace", "material.detach", "material.delete",
                          "material.sweep"}) {
        INFO(a);
        CHECK(std::find(actions.begin(), actions.end(), a) != actions.end());
    }
}

TEST_CASE("editor materials: the library's own download is an attachment of the stored bytes", "[editor][materials]") {
    library_fixture l;
    uploads::start_vips();
    REQUIRE(l.upload("foto no abrigo \"São Paulo\".png", uploads::image_with_metadata(".png")).result() == status::see_other);
    auto const res = l.c.get("/editor/materials/" + std::to_string(l.newest_upload()));
    REQUIRE(res.result() == status::ok);
    CHECK(res[field::content_type] == "image/png");
    CHECK(res[field::content_disposition] ==
          "attachment; filename=\"foto no abrigo _S__o Paulo_.png\"; filename*=UTF-8''foto%20no%20abrigo%20%22S%C3%A3o%20Paulo%22.png");
    CHECK(body_of(res).find("Ana Silva") == std::string::npos);
    CHECK(l.c.get("/editor/materials/999").result() == status::not_found);
    CHECK(l.c.get("/editor/materials/abc").result() == status::not_found);
}
