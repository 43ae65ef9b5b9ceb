#include "i18n/fallback.hpp"

#include <catch2/catch.hpp>

using namespace farol::i18n;
using Catch::Contains;
using list = std::vector<std::string>;

TEST_CASE("parse_fallbacks: entries, lists, spacing", "[i18n]") {
    auto const m = parse_fallbacks("ht:fr es:pt-BR");
    CHECK(m.size() == 2);
    CHECK(m.at("ht") == list{"fr"});
    CHECK(m.at("es") == list{"pt-BR"});
    CHECK(parse_fallbacks("ht:fr,en").at("ht") == list{"fr", "en"});
    CHECK(parse_fallbacks("  ht:fr,en\t es:pt-BR  ").size() == 2);
    CHECK(parse_fallbacks("ht:fr,fr,en").at("ht") == list{"fr", "en"});
    CHECK(parse_fallbacks("").empty());
    CHECK(parse_fallbacks("   ").empty());
}

TEST_CASE("parse_fallbacks: bad entries are named", "[i18n]") {
    CHECK_THROWS_AS(parse_fallbacks("ht"), std::invalid_argument);
    CHECK_THROWS_WITH(parse_fallbacks("ht:fr es"), Contains("\"es\"") && Contains("lang:fallback"));
    CHECK_THROWS_WITH(parse_fallbacks("ht:"), Contains("\"ht:\"") && Contains("not a language tag"));
    CHECK_THROWS_WITH(parse_fallbacks(":fr"), Contains("\":fr\""));
    CHECK_THROWS_WITH(parse_fallbacks("ht:fr,,en"), Contains("\"ht:fr,,en\""));
    CHECK_THROWS_WITH(parse_fallbacks("ht:fr ht:en"), Contains("more than once"));
    CHECK_THROWS_WITH(parse_fallbacks("ht:fr HT:en"), Contains("more than once"));
    CHECK_THROWS_WITH(parse_fallbacks("ht:ht"), Contains("itself"));
    CHECK_THROWS_WITH(parse_fallbacks("ht:f*r"), Contains("\"f*r\""));
    CHECK_THROWS_WITH(parse_fallbacks("ht:fr:en"), Contains("\"fr:en\""));
}

TEST_CASE("fallback_chain: lang, its fallbacks, then the default, no repeats", "[i18n]") {
    auto const m = parse_fallbacks("ht:fr,en es:pt-BR ar:en,pt-BR,en");
    CHECK(fallback_chain("ht", m, "pt-BR") == list{"ht", "fr", "en", "pt-BR"});
    CHECK(fallback_chain("es", m, "pt-BR") == list{"es", "pt-BR"});
    CHECK(fallback_chain("ar", m, "pt-BR") == list{"ar", "en", "pt-BR"});
    CHECK(fallback_chain("en", m, "pt-BR") == list{"en", "pt-BR"});
    CHECK(fallback_chain("pt-BR", m, "pt-BR") == list{"pt-BR"});
    CHECK(fallback_chain("fr", {}, "pt-BR") == list{"fr", "pt-BR"});
}
