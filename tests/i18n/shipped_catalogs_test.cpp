// Checks the catalogs in templates/i18n themselves, reading the JSON independently of the loader.
#include "i18n/catalogs.hpp"

#include <boost/json/parse.hpp>
#include <catch2/catch.hpp>
#include <unicode/locid.h>
#include <unicode/plurrule.h>

#include <fstream>
#include <memory>
#include <regex>
#include <set>
#include <sstream>

using farol::i18n::catalogs;

namespace {

std::filesystem::path const dir = FAROL_SOURCE_DIR "/templates/i18n";
std::vector<std::string> const shipped{"pt-BR", "es", "en", "fr", "ht", "ar"};

boost::json::object read_strings(std::string const& tag) {
    std::ifstream in(dir / (tag + ".json"), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return boost::json::parse(text.str()).as_object().at("strings").as_object();
}

std::set<std::string> placeholders(boost::json::value const& v) {
    static std::regex const name(R"(\{([A-Za-z_][A-Za-z0-9_]*)\})");
    std::set<std::string> out;
    auto const scan = [&](boost::json::string const& s) {
        std::string const text(s);
        for (std::sregex_iterator it(text.begin(), text.end(), name), end; it != end; ++it) out.insert((*it)[1]);
    };
    if (v.is_string()) scan(v.get_string());
    else
        for (auto const& form : v.as_object()) scan(form.value().as_string());
    return out;
}

std::set<std::string> icu_categories(std::string const& tag) {
    UErrorCode ec = U_ZERO_ERROR;
    std::unique_ptr<icu::PluralRules> rules(icu::PluralRules::forLocale(icu::Locale::forLanguageTag(tag, ec), ec));
    std::unique_ptr<icu::StringEnumeration> keywords(rules->getKeywords(ec));
    std::set<std::string> out;
    while (char const* k = keywords->next(nullptr, ec)) out.insert(k);
    REQUIRE(U_SUCCESS(ec));
    return out;
}

std::set<std::string> keys_of(boost::json::value const& v) {
    std::set<std::string> out;
    for (auto const& e : v.as_object()) out.insert(std::string(e.key()));
    return out;
}

} // namespace

TEST_CASE("shipped catalogs load, with meta and direction", "[i18n]") {
    auto const c = catalogs::load(dir, shipped);
    CHECK(c.default_language() == "pt-BR");
    CHECK(c.native_name("pt-BR") == "Português (Brasil)");
    CHECK(c.native_name("ht") == "Kreyòl ayisyen");
    CHECK(c.native_name("ar") == "العربية");
    for (auto const& tag : shipped) {
        CAPTURE(tag);
        CHECK_FALSE(c.native_name(tag).empty());
        CHECK(c.rtl(tag) == (tag == "ar"));
        CHECK(c.text(tag, "site.name") == "Farol");
    }
    CHECK(c.plural("ar", "materials.count", 2) == "ملفان");
    CHECK(c.plural("en", "search.results", 1, {{"query", "visa"}}) == "1 result for “visa”");
    CHECK(c.plural("pt-BR", "search.results", 3, {{"query", "visto"}}) == "3 resultados para “visto”");
}

TEST_CASE("shipped catalogs have exactly the agreed keys", "[i18n]") {
    std::vector<std::string> expected{
        "campaign.fallback_notice", "campaign.tags", "error.400.text", "error.400.title", "error.404.text",
        "error.404.title", "error.414.text", "error.414.title", "error.500.text", "error.500.title", "error.503.text",
        "error.503.title", "error.back_home", "exit.hint", "exit.label", "footer.emergency", "footer.privacy",
        "home.campaigns", "home.empty", "home.intro", "home.read_more", "home.title", "hotlines.call",
        "hotlines.title", "languages.title", "materials.count", "materials.download", "materials.in_language",
        "materials.kind.audio", "materials.kind.leaflet", "materials.kind.other", "materials.kind.poster",
        "materials.title", "nav.home", "nav.skip", "search.button", "search.empty", "search.label", "search.none",
        "search.results", "search.title", "search.too_long", "share.image_alt", "share.message", "share.title",
        "share.whatsapp", "site.name", "site.tagline"};
    auto const c = catalogs::load(dir, shipped);
    CHECK(c.keys() == expected);
    CHECK(c.is_plural("materials.count"));
    CHECK(c.is_plural("search.results"));
}

TEST_CASE("every shipped catalog has the default's keys, no others, and the same placeholders", "[i18n]") {
    auto const def = read_strings("pt-BR");
    for (auto const& tag : shipped) {
        CAPTURE(tag);
        auto const strings = read_strings(tag);
        CHECK(keys_of(strings) == keys_of(def));
        for (auto const& entry : strings) {
            CAPTURE(entry.key());
            auto const* d = def.if_contains(entry.key());
            if (!d) continue; // reported by the key comparison above
            CHECK(entry.value().is_string() == d->is_string());
            CHECK(placeholders(entry.value()) == placeholders(*d));
        }
    }
}

TEST_CASE("every shipped plural entry has exactly ICU's categories for its language", "[i18n]") {
    CHECK(icu_categories("ar") == std::set<std::string>{"zero", "one", "two", "few", "many", "other"});
    CHECK(icu_categories("en") == std::set<std::string>{"one", "other"});
    for (auto const& tag : shipped) {
        CAPTURE(tag);
        auto const expected = icu_categories(tag);
        for (auto const& entry : read_strings(tag)) {
            if (!entry.value().is_object()) continue;
            CAPTURE(entry.key());
            CHECK(keys_of(entry.value()) == expected);
        }
    }
}
