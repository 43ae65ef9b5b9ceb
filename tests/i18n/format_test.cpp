#include "i18n/format.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace farol::i18n;
using Catch::Contains;

TEST_CASE("format_size: kB under a megabyte, MB above, one fraction digit", "[i18n]") {
    CHECK(format_size("en", 1'200'000) == "1.2 MB");
    CHECK(format_size("pt-BR", 1'200'000) == "1,2 MB");
    CHECK(format_size("en", 400) == "0.4 kB");
    CHECK(format_size("pt-BR", 400) == "0,4 kB");
    CHECK(format_size("en", 0) == "0 kB");
    CHECK(format_size("en", 1) == "0.1 kB");
    CHECK(format_size("en", 1'500) == "1.5 kB");
    CHECK(format_size("en", 250'000) == "250 kB");
    CHECK(format_size("en", 999'949) == "999.9 kB");
    CHECK(format_size("en", 999'999) == "1 MB");
    CHECK(format_size("en", 2'000'000) == "2 MB");
    CHECK(format_size("en", 12'345'678) == "12.3 MB");
    CHECK(format_size("en", 3'456'789'012) == "3,456.8 MB");
    CHECK(format_size("fr", 1'200'000) == "1,2\u202FMo"); // ICU puts a narrow no-break space before French units
}

TEST_CASE("format_size: Arabic gets ICU's Arabic digits, odd tags do not throw", "[i18n]") {
    auto const ar = format_size("ar", 1'200'000);
    CHECK_THAT(ar, Contains("١٫٢"));
    CHECK(std::none_of(ar.begin(), ar.end(), [](char c) { return c >= '0' && c <= '9'; }));
    CHECK(format_size("!!", 1'200'000) == "1.2 MB");
    CHECK(format_size("", 400) == "0.4 kB");
}

TEST_CASE("display_name: language names written in another language", "[i18n]") {
    CHECK(display_name("fr", "pt-BR") == "francês");
    CHECK(display_name("es", "fr") == "espagnol");
    CHECK(display_name("ar", "en") == "Arabic");
    CHECK(display_name("en", "ar") == "الإنجليزية");
    CHECK(display_name("ht", "en") == "Haitian Creole");
    CHECK(display_name("ht", "pt-BR") == "haitiano");
    CHECK(display_name("pt-BR", "en") == "Portuguese (Brazil)");
    CHECK(display_name("pt-BR", "es") == "portugués (Brasil)");
    CHECK(display_name("fr", "pt-BR") == "francês"); // a second time, from the cache
    CHECK(display_name("qaa", "en") == "qaa");
    CHECK(display_name("xx-BR", "en") == "xx-BR");
    CHECK(display_name("!!", "en") == "!!");
    CHECK_FALSE(display_name("fr", "ht").empty());
}
