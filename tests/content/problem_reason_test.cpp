// Bundle reasons: English for the command line, and a key with arguments the editor translates.
#include "content/problem_reason.hpp"

#include "i18n/catalogs.hpp"
#include "i18n/placeholders.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>

using namespace farol;

TEST_CASE("problem reasons keep the command line's English and carry a key with named arguments", "[content][bundle]") {
    auto const r = content::reason("slug_not_folder", {{"slug", "beta"}, {"folder", "alpha"}});
    CHECK(r.english == "slug 'beta' differs from its folder name 'alpha'");
    CHECK(r.key == "slug_not_folder");
    REQUIRE(r.args.size() == 2);
    CHECK(r.args[0] == std::pair<std::string, std::string>{"slug", "beta"});
    CHECK(content::reason("missing").english == "is missing");

    content::problem_reason const plain("has no key");
    CHECK(plain.key.empty());
    CHECK(plain.english == "has no key");

    CHECK_THROWS_AS(content::reason("no_such_reason"), std::out_of_range);
    CHECK_THROWS_AS(content::reason("missing", {{"extra", "1"}}), std::invalid_argument);
    CHECK_THROWS_AS(content::reason("slug_not_folder", {{"slug", "beta"}}), std::invalid_argument);
}

TEST_CASE("every problem reason is in both editor catalogs with the English text's placeholders", "[content][bundle][i18n]") {
    auto const catalogs = i18n::catalogs::load(std::filesystem::path(FAROL_SOURCE_DIR) / "templates/editor/i18n",
                                               {"pt-BR", "en"});
    auto const keys = catalogs.keys();
    for (auto const& [key, english] : content::english_reasons()) {
        auto const catalog_key = "bundle.reason." + std::string(key);
        INFO(catalog_key);
        REQUIRE(std::binary_search(keys.begin(), keys.end(), catalog_key));
        auto const want = i18n::detail::placeholder_names(english);
        for (char const* lang : {"pt-BR", "en"}) {
            INFO(lang);
            CHECK(i18n::detail::placeholder_names(catalogs.text(lang, catalog_key)) == want);
        }
    }
}
