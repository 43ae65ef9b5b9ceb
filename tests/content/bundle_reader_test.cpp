#include "content/bundle_reader.hpp"

#include "content/bundle_fixture.hpp"
#include "content/material_store.hpp"
#include "content/timestamp.hpp"
#include "util/hash.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace farol::content;
using namespace farol::test;
namespace fs = std::filesystem;

namespace {

// The problems read_bundles reports, formatted; fails the test if it does not throw.
std::vector<std::string> problem_lines(fs::path const& dir, std::vector<std::string> const& languages) {
    try {
        read_bundles(dir, languages);
    } catch (bundle_invalid const& e) {
        std::vector<std::string> out;
        for (auto const& p : e.problems) out.push_back(format_problem(p));
        return out;
    }
    FAIL("read_bundles accepted an invalid bundle");
    return {};
}

// A copy of the small bundle's campaign "alpha" as folder `name`, slug adjusted.
fs::path variant(fs::path const& root, std::string const& name) {
    fs::copy(root / "alpha", root / name, fs::copy_options::recursive);
    edit(root / name / "campaign.json", "\"slug\": \"alpha\"", "\"slug\": \"" + name + "\"");
    return root / name;
}

bool contains(std::vector<std::string> const& lines, std::string const& prefix) {
    return std::any_of(lines.begin(), lines.end(), [&](auto const& l) { return l.starts_with(prefix); });
}

} // namespace

TEST_CASE("the sample campaigns read without problems", "[content][bundle]") {
    auto const set = read_bundles(samples_dir(), six_languages());
    auto const& lib = set.library;
    REQUIRE(lib.campaigns.size() == 3);
    CHECK(lib.campaigns[0].slug == "comites-regionais-sp");
    CHECK(lib.campaigns[1].slug == "migrar-com-seguranca-sp");
    CHECK(lib.campaigns[2].slug == "reconhecer-o-trafico");
    for (auto const& c : lib.campaigns) {
        INFO(c.slug);
        CHECK(c.default_language == "pt-BR");
        REQUIRE(c.translations.size() == 6);
        REQUIRE(c.materials.size() == 1);
        CHECK(c.materials[0].id == "folheto");
        CHECK(c.materials[0].kind == "leaflet");
        REQUIRE(c.materials[0].files.size() == 6);
        for (std::size_t i = 0; i < 6; ++i) {
            auto const& t = c.translations[i];
            auto const& f = c.materials[0].files[i];
            CHECK(t.language == six_languages()[i]);
            CHECK(t.body_html.starts_with("<h2>"));
            CHECK(t.body_markdown.starts_with("## "));
            CHECK(f.language == six_languages()[i]);
            CHECK(f.file_name == "folheto-" + f.language + ".pdf");
            CHECK(f.content_type == "application/pdf");
            auto const src = samples_dir() / c.slug / "materials" / f.file_name;
            CHECK(f.sha256 == digest_file(src).sha256);
            CHECK(f.size == fs::file_size(src));
            CHECK(set.blobs.at(f.sha256) == src);
        }
    }
    auto const& trafico = lib.campaigns[2];
    CHECK(trafico.tags == std::vector<std::string>{"trafico", "ajuda", "direitos"});
    CHECK(trafico.hotlines == std::vector<std::string>{"disque-100", "ligue-180", "policia-190", "samu-192"});
    CHECK(trafico.window.from == parse_utc_timestamp("2026-01-01T00:00:00Z"));
    CHECK_FALSE(trafico.window.until);
    CHECK(lib.campaigns[0].window.until == parse_utc_timestamp("2030-12-31T23:59:59Z"));
    CHECK(set.blobs.size() == 18);
    REQUIRE(lib.hotlines.size() == 4);
    CHECK(lib.hotlines[0].id == "disque-100");
    CHECK(lib.hotlines[3].id == "samu-192");
    CHECK(lib.hotlines[2].label.at("ar") == "الشرطة");
    CHECK(lib.hotlines[0].description.size() == 6);
}

TEST_CASE("a small bundle reads into the model, dotfiles and README.md are ignored", "[content][bundle]") {
    temp_dir dir;
    write_small_bundle(dir.path());
    write_text(dir / "README.md", "not a campaign");
    write_text(dir / ".git/config", "x");
    write_text(dir / "alpha/.notes.md", "x");
    auto const set = read_bundles(dir.path(), two_languages());
    REQUIRE(set.library.campaigns.size() == 1);
    auto const& c = set.library.campaigns[0];
    REQUIRE(c.translations.size() == 2);
    CHECK(c.translations[0].language == "pt-BR"); // the given order, not the file names'
    CHECK(c.translations[0].title == "Tráfico de pessoas");
    CHECK(c.translations[0].summary == "Onde pedir ajuda.");
    CHECK(c.translations[0].body_markdown == "## Sinais\n\n- **Dívida** sem fim\n- Documentos retidos\n");
    CHECK(c.translations[0].body_html ==
          "<h2>Sinais</h2>\n<ul>\n<li><strong>Dívida</strong> sem fim</li>\n<li>Documentos retidos</li>\n</ul>\n");
    CHECK(c.translations[1].language == "es");
    auto const& f = c.materials.at(0).files.at(0);
    CHECK(f.sha256 == farol::util::sha256_hex("%PDF-1.4 tiny\n"));
    CHECK(f.file_name == "folheto-pt-BR.pdf");
    CHECK(f.size == 14);
    CHECK(set.blobs.size() == 1);
    REQUIRE(set.library.hotlines.size() == 1);
    CHECK(set.library.hotlines[0].label.at("es") == "Disque 100");
}

TEST_CASE("a campaign may lack a language other than its default", "[content][bundle]") {
    temp_dir dir;
    write_small_bundle(dir.path());
    fs::remove(dir / "alpha/es.md");
    auto const set = read_bundles(dir.path(), two_languages());
    CHECK(set.library.campaigns.at(0).translations.size() == 1);
}

TEST_CASE("every problem of every bundle is reported with file and line", "[content][bundle]") {
    temp_dir dir;
    auto const& root = dir.path();
    write_small_bundle(root);
    edit(root / "hotlines.json", "      \"es\": \"Disque 100\"\n", "");
    edit(root / "hotlines.json", "      \"pt-BR\": \"Disque 100\",", "      \"pt-BR\": \"Disque 100\"");
    edit(variant(root, "syntax") / "campaign.json", "  ],\n  \"hotlines\"", "  ]\n  \"hotlines\"");
    edit(variant(root, "unknown-field") / "campaign.json", "\"pt-BR\",\n", "\"pt-BR\",\n  \"colour\": \"red\",\n");
    fs::copy(root / "alpha", root / "slug-differs", fs::copy_options::recursive);
    edit(variant(root, "bad-hotline") / "campaign.json", "\"disque-100\"\n", "\"disque-100\",\n    \"disque-999\"\n");
    fs::remove(variant(root, "no-default") / "pt-BR.md");
    write_text(variant(root, "bad-front") / "es.md", "---\ntitle: Trata\nresumen: x\n---\n\n## Señales\n");
    write_text(variant(root, "big-body") / "pt-BR.md",
               "---\ntitle: T\nsummary: S\n---\n\n" + std::string(70'000, 'a') + "\n");
    edit(variant(root, "escape") / "campaign.json", "\"materials/folheto", "\"../alpha/materials/folheto");
    edit(variant(root, "missing-file") / "campaign.json", "materials/folheto-pt-BR.pdf", "materials/nope.pdf");
    fs::remove(variant(root, "symlink") / "materials/folheto-pt-BR.pdf");
    fs::create_symlink(root / "alpha/materials/folheto-pt-BR.pdf", root / "symlink/materials/folheto-pt-BR.pdf");
    edit(variant(root, "dup-material") / "campaign.json", "    }\n  ]\n}",
         "    },\n    {\n      \"id\": \"folheto\",\n      \"kind\": \"poster\",\n      \"files\": {\n"
         "        \"pt-BR\": \"materials/folheto-pt-BR.pdf\"\n      }\n    }\n  ]\n}");
    edit(variant(root, "bad-time") / "campaign.json", "2026-01-01T00", "2026-13-01T00");
    edit(variant(root, "from-until") / "campaign.json", "\"from\": \"2026-01-01T00:00:00Z\"",
         "\"from\": \"2026-01-01T00:00:00Z\",\n    \"until\": \"2026-01-01T00:00:00Z\"");
    write_text(variant(root, "unknown-lang") / "de.md", "---\ntitle: T\nsummary: S\n---\n\nx\n");
    edit(variant(root, "raw-html") / "pt-BR.md", "Documentos retidos", "Documentos <script>x</script>");
    edit(variant(root, "bad-type") / "campaign.json", "materials/folheto-pt-BR.pdf", "materials/x.html");
    write_text(root / "bad-type/materials/x.html", "<script>alert(1)</script>");
    write_text(variant(root, "crlf") / "es.md", "---\r\ntitle: T\r\nsummary: S\r\n---\r\n\r\nx\r\n");

    auto const lines = problem_lines(root, two_languages());
    std::vector<std::string> const expected = {
        "hotlines.json:4: label lacks the language 'es'",
        "syntax/campaign.json:7: invalid JSON: ",
        "unknown-field/campaign.json:4: unknown field 'colour' in campaign.json",
        "slug-differs/campaign.json:2: slug 'alpha' differs from its folder name 'slug-differs'",
        "bad-hotline/campaign.json:9: unknown hotline 'disque-999' (not in hotlines.json)",
        "no-default/campaign.json:3: pt-BR.md, the default language's page, is missing",
        "bad-front/es.md:3: unknown front matter key 'resumen' (only title and summary)",
        "bad-front/es.md:4: front matter lacks summary",
        "big-body/pt-BR.md:6: the body is 70001 bytes; at most 65536",
        "escape/campaign.json:18: material path '../alpha/materials/folheto-pt-BR.pdf' contains ..",
        "missing-file/campaign.json:18: material file 'materials/nope.pdf' does not exist",
        "symlink/campaign.json:18: material file 'materials/folheto-pt-BR.pdf' leaves the campaign folder",
        "dup-material/campaign.json:22: duplicate material id 'folheto'",
        "bad-time/campaign.json:11: publish.from '2026-13-01T00:00:00Z' is not an RFC 3339 UTC timestamp",
        "from-until/campaign.json:12: publish.until must be later than publish.from",
        "unknown-lang/de.md: unknown language 'de'",
        "raw-html/pt-BR.md:9: raw HTML is not allowed",
        "bad-type/campaign.json:18: material file 'materials/x.html' has an unsupported type",
        "crlf/es.md:1: has a carriage return",
    };
    for (auto const& e : expected) {
        INFO(e);
        CHECK(contains(lines, e));
    }
    CAPTURE(lines);
    CHECK(lines.size() == expected.size()); // nothing else, and no problem twice
    CHECK_FALSE(contains(lines, "alpha/"));
}

TEST_CASE("bundle_invalid's message lists every problem as file:line: reason", "[content][bundle]") {
    temp_dir dir;
    write_small_bundle(dir.path());
    edit(dir / "alpha/campaign.json", "\"ajuda\"", "\"Ajuda\", \"ajuda\", \"ajuda\"");
    try {
        read_bundles(dir.path(), two_languages());
        FAIL("no exception");
    } catch (bundle_invalid const& e) {
        CHECK(std::string(e.what()) ==
              "alpha/campaign.json:5: tag 'Ajuda' must be lower-case ASCII letters only (^[a-z]+$)\n"
              "alpha/campaign.json:5: duplicate tag 'ajuda'");
        REQUIRE(e.problems.size() == 2);
        CHECK(e.problems[0].file == fs::path("alpha/campaign.json"));
        CHECK(e.problems[0].line == 5);
    }
}

TEST_CASE("hotlines.json is checked field by field", "[content][bundle]") {
    temp_dir dir;
    write_small_bundle(dir.path());
    write_text(dir / "hotlines.json", "{\n  \"Disque 100\": {},\n  \"ligue-180\": {\n    \"number\": \"18O\",\n"
                                      "    \"label\": {\"pt-BR\": \"L\", \"es\": \"L\", \"de\": \"L\"},\n"
                                      "    \"description\": {\"pt-BR\": \"" +
                                          std::string(201, 'd') + "\", \"es\": 5},\n    \"extra\": 1\n  }\n}\n");
    auto const lines = problem_lines(dir.path(), two_languages());
    CAPTURE(lines);
    CHECK(contains(lines, "hotlines.json:2: hotline id 'Disque 100' is not valid"));
    CHECK(contains(lines, "hotlines.json:4: hotline 'ligue-180' number must be 1 to 15 digits"));
    CHECK(contains(lines, "hotlines.json:5: unknown language 'de' in label"));
    CHECK(contains(lines, "hotlines.json:6: description pt-BR is 201 characters long; at most 200"));
    CHECK(contains(lines, "hotlines.json:6: description es must be a string"));
    CHECK(contains(lines, "hotlines.json:6: description lacks the language 'es'"));
    CHECK(contains(lines, "hotlines.json:7: unknown field 'extra' in hotline 'ligue-180'"));
    // Disque 100 is not a valid id, so alpha's reference to disque-100 is unknown as well.
    CHECK(contains(lines, "alpha/campaign.json:8: unknown hotline 'disque-100'"));
    CHECK(lines.size() == 8);
}

TEST_CASE("missing pieces of the import folder are problems too", "[content][bundle]") {
    temp_dir dir;
    write_small_bundle(dir.path());
    fs::remove(dir / "hotlines.json");
    fs::remove(dir / "alpha/campaign.json");
    write_text(dir / "stray.txt", "x");
    write_text(dir / "Bad_Name/campaign.json", "[]");
    auto const lines = problem_lines(dir.path(), two_languages());
    CAPTURE(lines);
    CHECK(lines ==
          std::vector<std::string>{
              "Bad_Name: the folder name is not a valid slug (^[a-z0-9]+(-[a-z0-9]+)*$)",
              "Bad_Name/campaign.json:1: campaign.json must be an object, not an array",
              "alpha/campaign.json: is missing",
              "hotlines.json: is missing",
              "stray.txt: unexpected file: the import folder holds README.md, hotlines.json and campaign folders",
          });
    CHECK_THROWS_AS(read_bundles(dir / "nope", two_languages()), bundle_invalid);
}
