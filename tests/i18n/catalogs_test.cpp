#include "i18n/catalogs.hpp"

#include "i18n/catalog_files.hpp"
#include "store/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <thread>

using farol::i18n::catalog_error;
using farol::i18n::catalogs;
using farol::test::temp_dir;
using farol::test::write_catalog;
using farol::test::write_text;
using Catch::Contains;

namespace {

// A default (pt-BR) and two translations; es leaves "only.default" out.
catalogs sample(temp_dir const& dir) {
    write_catalog(dir.path(), "pt-BR",
                  R"("greet": "Olá, {name}!", "only.default": "Só aqui",
                     "files": {"one": "{count} arquivo", "many": "{count} de arquivos", "other": "{count} arquivos"},
                     "raw": "{name} {name} {missing} {not closed {9x} }")");
    write_catalog(dir.path(), "es", R"("greet": "¡Hola, {name}!", "files": {"one": "{count} archivo", "other": "{count} archivos"})");
    write_catalog(dir.path(), "en", R"("greet": "Hello, {name}!", "files": {"one": "{count} file", "other": "{count} files"})");
    write_catalog(dir.path(), "ar",
                  R"("greet": "مرحبًا {name}", "files": {"zero": "Z", "one": "O", "two": "T {count}", "few": "F {count}",
                     "many": "M {count}", "other": "X {count}"})",
                  "rtl");
    return catalogs::load(dir.path(), {"pt-BR", "es", "en", "ar"});
}

} // namespace

TEST_CASE("catalogs: languages, default, meta", "[i18n]") {
    temp_dir dir;
    auto const c = sample(dir);
    CHECK(c.languages() == std::vector<std::string>{"pt-BR", "es", "en", "ar"});
    CHECK(c.default_language() == "pt-BR");
    CHECK(c.has("es"));
    CHECK_FALSE(c.has("fr"));
    CHECK_FALSE(c.has("pt-br")); // tags are matched as configured; negotiate() maps what browsers send
    CHECK(c.native_name("es") == "es");
    CHECK(c.rtl("ar"));
    CHECK_FALSE(c.rtl("en"));
    CHECK_THROWS_AS(c.native_name("fr"), std::out_of_range);
    CHECK_THROWS_AS(c.rtl("fr"), std::out_of_range);
    CHECK(c.keys() == std::vector<std::string>{"files", "greet", "only.default", "raw"});
    CHECK(c.is_plural("files"));
    CHECK_FALSE(c.is_plural("greet"));
    CHECK_FALSE(c.is_plural("nope"));
}

TEST_CASE("catalogs: text, fallback to the default, unknown keys", "[i18n]") {
    temp_dir dir;
    auto const c = sample(dir);
    CHECK(c.text("es", "greet", {{"name", "Ana"}}) == "¡Hola, Ana!");
    CHECK(c.text("es", "only.default") == "Só aqui");
    CHECK(c.text("fr", "greet", {{"name", "Ana"}}) == "Olá, Ana!"); // a language not loaded reads as the default
    CHECK_THROWS_AS(c.text("es", "no.such.key"), std::out_of_range);
    CHECK_THROWS_AS(c.plural("es", "no.such.key", 1), std::out_of_range);
    CHECK(c.text("en", "files") == "{count} files"); // a plural key through text() is its "other" form
}

TEST_CASE("catalogs: placeholders are replaced once, unknown ones kept", "[i18n]") {
    temp_dir dir;
    auto const c = sample(dir);
    CHECK(c.text("pt-BR", "raw", {{"name", "<b>{missing}</b>"}}) ==
          "<b>{missing}</b> <b>{missing}</b> {missing} {not closed {9x} }");
    CHECK(c.text("pt-BR", "raw") == "{name} {name} {missing} {not closed {9x} }");
}

TEST_CASE("catalogs: plural picks the CLDR category and formats the count", "[i18n]") {
    temp_dir dir;
    auto const c = sample(dir);
    CHECK(c.plural("en", "files", 1) == "1 file");
    CHECK(c.plural("en", "files", 2) == "2 files");
    CHECK(c.plural("en", "files", 0) == "0 files");
    CHECK(c.plural("en", "files", 1234567) == "1,234,567 files");
    // ICU 72 (CLDR 42): pt 0 and 1 are "one"; a round million is "many".
    CHECK(c.plural("pt-BR", "files", 0) == "0 arquivo");
    CHECK(c.plural("pt-BR", "files", 1) == "1 arquivo");
    CHECK(c.plural("pt-BR", "files", 2) == "2 arquivos");
    CHECK(c.plural("pt-BR", "files", 1234) == "1.234 arquivos");
    CHECK(c.plural("pt-BR", "files", 1000000) == "1.000.000 de arquivos");
    // es has "many" too, but this catalog leaves it out: ICU's category falls back to "other".
    CHECK(c.plural("es", "files", 1000000) == "1.000.000 archivos");
    CHECK(c.plural("ar", "files", 0) == "Z");
    CHECK(c.plural("ar", "files", 1) == "O");
    CHECK(c.plural("ar", "files", 2) == "T ٢");
    CHECK(c.plural("ar", "files", 3) == "F ٣");
    CHECK(c.plural("ar", "files", 11) == "M ١١");
    CHECK(c.plural("ar", "files", 100) == "X ١٠٠");
    CHECK(c.plural("ar", "files", 102) == "X ١٠٢");
    CHECK(c.plural("en", "greet", 5, {{"name", "Bo"}}) == "Hello, Bo!");
    CHECK(c.plural("en", "files", -1) == "-1 file");
}

TEST_CASE("catalogs: const use from several threads gives the same answers", "[i18n]") {
    temp_dir dir;
    auto const c = sample(dir);
    std::vector<std::string> results(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < results.size(); ++t)
        threads.emplace_back([&c, &out = results[t]] {
            for (std::int64_t n = 0; n < 300; ++n)
                out += c.plural("ar", "files", n) + c.plural("pt-BR", "files", n) + c.text("es", "greet", {{"name", "x"}});
        });
    for (auto& t : threads) t.join();
    std::string expected;
    for (std::int64_t n = 0; n < 300; ++n)
        expected += c.plural("ar", "files", n) + c.plural("pt-BR", "files", n) + c.text("es", "greet", {{"name", "x"}});
    for (auto const& r : results) CHECK(r == expected);
}

TEST_CASE("catalogs: a key the default lacks is refused, naming file and key", "[i18n]") {
    temp_dir dir;
    write_catalog(dir.path(), "pt-BR", R"("a": "A")");
    write_catalog(dir.path(), "es", R"("a": "A", "extra.key": "E")");
    CHECK_THROWS_AS(catalogs::load(dir.path(), {"pt-BR", "es"}), catalog_error);
    CHECK_THROWS_WITH(catalogs::load(dir.path(), {"pt-BR", "es"}),
                      Contains("es.json: ") && Contains("\"extra.key\"") && Contains("not in the default"));
    // The same files load when es is the default, since pt-BR's keys are a subset.
    CHECK_NOTHROW(catalogs::load(dir.path(), {"es", "pt-BR"}));
}

TEST_CASE("catalogs: translations must keep the default's placeholders and kinds", "[i18n]") {
    temp_dir dir;
    write_catalog(dir.path(), "en", R"("a": "Call {number}", "p": {"one": "{count} x", "other": "{count} xs"})");
    write_catalog(dir.path(), "fr", R"("a": "Appeler le {numero}")");
    CHECK_THROWS_WITH(catalogs::load(dir.path(), {"en", "fr"}),
                      Contains("fr.json: ") && Contains("\"a\"") && Contains("{numero}"));
    write_catalog(dir.path(), "fr", R"("a": "Appeler")"); // dropping a placeholder is allowed
    CHECK_NOTHROW(catalogs::load(dir.path(), {"en", "fr"}));
    write_catalog(dir.path(), "fr", R"("p": "fichiers")");
    CHECK_THROWS_WITH(catalogs::load(dir.path(), {"en", "fr"}), Contains("\"p\"") && Contains("plural"));
    write_catalog(dir.path(), "fr", R"("a": {"one": "x", "other": "y"})");
    CHECK_THROWS_WITH(catalogs::load(dir.path(), {"en", "fr"}), Contains("\"a\"") && Contains("a string"));
}

TEST_CASE("catalogs: plural entries are checked against ICU's categories", "[i18n]") {
    temp_dir dir;
    write_catalog(dir.path(), "en", R"("p": {"one": "{count} file"})");
    CHECK_THROWS_WITH(catalogs::load(dir.path(), {"en"}), Contains("en.json: ") && Contains("\"p\"") && Contains("\"other\""));
    write_catalog(dir.path(), "en", R"("p": {"one": "a", "few": "b", "other": "c"})");
    CHECK_THROWS_WITH(catalogs::load(dir.path(), {"en"}), Contains("\"few\"") && Contains("one, other"));
    write_catalog(dir.path(), "ar", R"("p": {"few": "b", "other": "c"})", "rtl");
    CHECK_NOTHROW(catalogs::load(dir.path(), {"ar"}));
    write_catalog(dir.path(), "en", R"("p": {"one": 1, "other": "c"})");
    CHECK_THROWS_WITH(catalogs::load(dir.path(), {"en"}), Contains("form \"one\" must be a string"));
}

TEST_CASE("catalogs: broken files are refused with file and reason", "[i18n]") {
    temp_dir dir;
    auto const refused = [&](std::string const& text, std::string const& reason) {
        write_text(dir / "en.json", text);
        CHECK_THROWS_WITH(catalogs::load(dir.path(), {"en"}), Contains("en.json: ") && Contains(reason));
    };
    CHECK_THROWS_WITH(catalogs::load(dir.path(), {"en"}), Contains("en.json: cannot read"));
    refused("{\n  \"meta\": x\n}", "invalid JSON at line 2, column 11");
    refused("{\"strings\": {}, \"meta\": {\"name\": \"ç\", \"dir\": \"ltr\"}} }", "text after the end");
    refused("{\"meta\": {\"name\": \"E\", \"dir\": \"ltr\"}, \"strings\": {\"a\": \"b\"", "invalid JSON");
    refused("[]", "expected an object");
    refused(R"({"strings": {}})", "\"meta\" must be an object");
    refused(R"({"meta": {"dir": "ltr"}, "strings": {}})", "meta.name");
    refused(R"({"meta": {"name": "E", "dir": "up"}, "strings": {}})", "meta.dir");
    refused(R"({"meta": {"name": "E", "dir": "ltr"}})", "\"strings\" must be an object");
    refused(R"({"meta": {"name": "E", "dir": "ltr"}, "strings": {}, "string": {}})", "unexpected member \"string\"");
    refused(R"({"meta": {"name": "E", "dir": "ltr"}, "strings": {"n": 3}})", "key \"n\": expected a string");
    refused("{\"meta\": {\"name\": \"\xff\", \"dir\": \"ltr\"}, \"strings\": {}}", "invalid JSON");
}

TEST_CASE("catalogs: language list problems", "[i18n]") {
    temp_dir dir;
    write_catalog(dir.path(), "en", R"("a": "A")");
    CHECK_THROWS_AS(catalogs::load(dir.path(), {}), catalog_error);
    CHECK_THROWS_WITH(catalogs::load(dir.path(), {"en", "en"}), Contains("listed twice"));
    CHECK_THROWS_WITH(catalogs::load(dir.path(), {"en", "../en"}), Contains("not a language tag"));
    // A UTF-8 byte order mark is tolerated.
    write_text(dir / "en.json", "\xEF\xBB\xBF{\"meta\": {\"name\": \"E\", \"dir\": \"ltr\"}, \"strings\": {\"a\": \"A\"}}");
    CHECK(catalogs::load(dir.path(), {"en"}).text("en", "a") == "A");
}
