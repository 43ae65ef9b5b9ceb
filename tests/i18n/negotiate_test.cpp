#include "i18n/negotiate.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <thread>

using farol::i18n::negotiate;

namespace {
std::vector<std::string> const available{"pt-BR", "es", "en", "fr", "ht", "ar"};

std::optional<std::string> pick(std::string_view header) { return negotiate(header, available); }

std::string repeat(std::string const& s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}
} // namespace

TEST_CASE("negotiate: close languages map to the shipped ones", "[i18n]") {
    CHECK(pick("pt") == "pt-BR");
    CHECK(pick("pt-PT") == "pt-BR");
    CHECK(pick("pt-br") == "pt-BR");
    CHECK(pick("es-VE") == "es");
    CHECK(pick("ar-EG") == "ar");
    CHECK(pick("fr-CA") == "fr");
    CHECK(pick("ht-HT") == "ht");
    CHECK(pick("EN-us") == "en");
    CHECK(pick("de") == std::nullopt);
    CHECK(pick("zh-Hans-CN, ja") == std::nullopt);
}

TEST_CASE("negotiate: q-values order the choice, q=0 excludes", "[i18n]") {
    CHECK(pick("en;q=0.5, fr;q=0.9") == "fr");
    CHECK(pick("en;q=0.5,fr;Q=0.9") == "fr");
    CHECK(pick("fr, en") == "fr");
    CHECK(pick("en, fr") == "en"); // equal weights keep the header's order
    CHECK(pick("en ; q=0.8 , es") == "es");
    CHECK(pick("fr;q=0, en;q=0.1") == "en");
    CHECK(pick("fr;q=0") == std::nullopt);
    CHECK(pick("fr;q=0.000, ar;q=0.001") == "ar");
    CHECK(pick("de-DE, en;q=0.8") == "en");
    CHECK(pick("pt-PT, en;q=0.8") == "pt-BR"); // a Portuguese reader gets Portuguese, not their second choice
    CHECK(pick("en-GB, pt-BR") == "en");
}

TEST_CASE("negotiate: related languages only when no listed language is available", "[i18n]") {
    CHECK(pick("ca") == "es"); // ICU's language distance data: Catalan readers read Spanish
    CHECK(pick("ca, en;q=0.5") == "en");
    CHECK(pick("gl, de") == "es");
}

TEST_CASE("negotiate: '*' stands for every language not named, q=0 refuses (RFC 9110 12.5.4, RFC 4647 2.3)", "[i18n]") {
    CHECK(pick("*") == "pt-BR");
    CHECK(pick("pt-BR;q=0, *") == "es");
    CHECK(pick("pt;q=0, *") == "es");      // a prefix range refuses every tag under it
    CHECK(pick("PT-br;q=0, *") == "es");   // tags compare case-insensitively
    CHECK(pick("pt-BR;q=0, es;q=0, *") == "en");
    CHECK(pick("*, es;q=0.1") == "pt-BR"); // es weighs 0.1; every other language weighs 1
    CHECK(pick("fr, *;q=0.5") == "fr");
    CHECK(pick("de, *;q=0.5") == "pt-BR");
    CHECK(pick("de, *;q=0.5, pt-BR;q=0.1") == "es");
    CHECK(pick("*;q=0, ar") == "ar");
    CHECK(pick("*;q=0") == std::nullopt);  // nothing acceptable: the caller's default
    // A refused language is never chosen, neither through a close match nor as the default.
    CHECK(pick("pt-BR;q=0, pt-PT") != "pt-BR");
    CHECK(pick("pt-BR;q=0") == "es");
    CHECK(pick("pt-BR;q=0, de") == "es");
    CHECK(pick("es;q=0, ca") != "es");
    CHECK(pick("pt-PT;q=0, pt") == "pt-BR"); // refusing pt-PT does not refuse pt-BR
}

TEST_CASE("negotiate: malformed entries are ignored", "[i18n]") {
    CHECK(pick("fr;q=2, en") == "en");
    CHECK(pick("fr;q=1.5, en;q=0.2") == "en");
    CHECK(pick("fr;q=0.5x, en;q=0.2") == "en");
    CHECK(pick("fr;level=1, es;q=0.2") == "es");
    CHECK(pick("fr;q=0.5;q=1, es;q=0.2") == "es");
    CHECK(pick("f r, ar;q=0.2") == "ar");
    CHECK(pick("fr_FR, ar;q=0.2") == "ar");
    CHECK(pick("français, ar;q=0.2") == "ar");
    CHECK(pick("\xff\xfe, ar") == "ar");
}

TEST_CASE("negotiate: garbage never throws and gives nothing or a shipped tag", "[i18n]") {
    auto const ok = [](std::string const& header) {
        std::optional<std::string> r;
        CHECK_NOTHROW(r = pick(header));
        CHECK((!r || std::find(available.begin(), available.end(), *r) != available.end()));
        return r;
    };
    CHECK(ok("") == std::nullopt);
    CHECK(ok(";;;,,q=x") == std::nullopt);
    CHECK(ok(",,,") == std::nullopt);
    CHECK(ok(std::string("\0en", 3)) == std::nullopt);
    ok(repeat("xx-yy-zz;q=0.1, ", 7000));
    ok(repeat("a", 100'000));
    ok(repeat("en-", 33'000) + "en");
    ok(repeat(",", 100'000) + "fr");
    CHECK(ok(repeat("x-private, und, ", 3)) == std::nullopt);
    ok("i-klingon, en-x-abc, en-u-nu-arab, sgn-BE-FR, zh-min-nan");
}

TEST_CASE("negotiate: only the first 32 entries count", "[i18n]") {
    CHECK(pick(repeat("de, ", 31) + "fr") == "fr");
    CHECK(pick(repeat("de, ", 32) + "fr") == std::nullopt);
    CHECK(pick(repeat(", ", 100) + "fr") == "fr"); // empty list elements are not entries
}

TEST_CASE("negotiate: any available list, from several threads", "[i18n]") {
    CHECK(negotiate("en", {"pt-BR"}) == std::nullopt);
    CHECK(negotiate("en", {"en"}) == "en");
    CHECK(negotiate("es-AR", {"!!", "es"}) == "es");
    CHECK(negotiate("es", {}) == std::nullopt);
    std::vector<std::thread> threads;
    std::vector<int> right(4, 0);
    for (std::size_t t = 0; t < right.size(); ++t)
        threads.emplace_back([&hits = right[t]] {
            for (int i = 0; i < 200; ++i) hits += pick("fr-CA;q=0.9, ar-EG") == "ar" && pick("ht") == "ht";
        });
    for (auto& t : threads) t.join();
    for (auto hits : right) CHECK(hits == 200);
}
