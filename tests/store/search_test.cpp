#include "store/search.hpp"

#include "content/bundle_fixture.hpp"
#include "content/bundle_reader.hpp"
#include "store/database.hpp"
#include "store/library_repository.hpp"
#include "util/clock.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using namespace farol;
using namespace farol::store;

namespace {

// One migrated in-memory database with the sample campaigns, shared by the read-only tests.
database& sample_db() {
    static util::fixed_clock clock(std::chrono::system_clock::time_point(std::chrono::seconds(1'780'000'000)));
    static auto const db = [] {
        auto d = database::open_memory(clock);
        import_library(*d, content::read_bundles(test::samples_dir(), test::six_languages()).library);
        return d;
    }();
    return *db;
}

std::set<std::string> slugs(std::vector<search_hit> const& hits) {
    std::set<std::string> out;
    for (auto const& h : hits) out.insert(h.slug);
    return out;
}

} // namespace

TEST_CASE("search folds diacritics and case, and stays in one language", "[store][search]") {
    auto const hits = search(sample_db(), "pt-BR", "trafico", 10);
    CHECK(slugs(hits) == std::set<std::string>{"comites-regionais-sp", "reconhecer-o-trafico"});
    for (auto const& h : hits) {
        CHECK(h.language == "pt-BR");
        CHECK_FALSE(h.title.empty());
        CHECK_FALSE(h.summary.empty());
        CHECK_FALSE(h.snippet.empty());
        CHECK(h.snippet.find_first_of("<>") == std::string::npos);
    }
    CHECK(slugs(search(sample_db(), "pt-BR", "TRÁFICO", 10)) == slugs(hits));
    CHECK(slugs(search(sample_db(), "pt-BR", "tráf", 10)) == slugs(hits)); // the last word is a prefix
    auto const es = search(sample_db(), "es", "trata", 10);
    CHECK(slugs(es) == std::set<std::string>{"comites-regionais-sp", "reconhecer-o-trafico"});
    CHECK(std::all_of(es.begin(), es.end(), [](auto const& h) { return h.language == "es"; }));
    CHECK(search(sample_db(), "de", "trafico", 10).empty());
    CHECK(search(sample_db(), "pt-BR", "trafico zzzqqq", 10).empty()); // every word must match
}

TEST_CASE("search finds Arabic and Haitian Creole text", "[store][search]") {
    auto const ar = search(sample_db(), "ar", "الاتجار", 10);
    REQUIRE_FALSE(ar.empty());
    CHECK(ar[0].language == "ar");
    CHECK_FALSE(search(sample_db(), "ht", "trafik", 10).empty());
}

TEST_CASE("search honours the limit and finds campaigns whatever their publish window", "[store][search]") {
    CHECK(search(sample_db(), "pt-BR", "trafico", 1).size() == 1);
    CHECK(search(sample_db(), "pt-BR", "trafico", 0).empty());
    // comites-regionais-sp has a window; which campaigns are public now is the Site's business.
    CHECK(slugs(search(sample_db(), "pt-BR", "trafico", 10)).size() == 2);
}

TEST_CASE("any query string is safe: hits or nothing, never an exception", "[store][search]") {
    std::vector<std::string> hostile = {
        "",
        " ",
        "\"",
        "\"\"",
        "\"trafico",
        "trafico\"",
        "trafico)",
        "(trafico",
        "((((",
        "))))",
        "*",
        "trafico*",
        "*trafico",
        "-trafico",
        "trafico -pessoas",
        "NEAR(trafico pessoas, 2)",
        "trafico NEAR pessoas",
        "a AND b OR NOT c",
        "AND",
        "OR",
        "NOT",
        "title:trafico",
        "{title summary}: trafico",
        "^trafico",
        "trafico + pessoas",
        "'; DROP TABLE x; --",
        "\x01\x02\x03\x7f",
        std::string("tra\0fico", 8),
        "\xff\xfe\xfd",
        "tr\xc3\xa1\xc3",
        "\xed\xa0\x80",
        "\xf4\x90\x80\x80",
        std::string(2000, 'a'),
        std::string(2000, '"'),
        std::string(2000, '*'),
        std::string(1000, '\xc3'),
        "%",
        "_",
        "\\",
        "«»—",
        "trafico  \t\n pessoas",
        "a b c d e f g h i j k l m n o p",
    };
    std::string many_words;
    for (int i = 0; i < 300; ++i) many_words += "trafico ";
    hostile.push_back(many_words);
    for (auto const& q : hostile) {
        INFO(q);
        std::vector<search_hit> hits;
        CHECK_NOTHROW(hits = search(sample_db(), "pt-BR", q, 10));
        CHECK_NOTHROW(search(sample_db(), q, q, 10));
        for (auto const& h : hits) CHECK(h.language == "pt-BR");
    }
    // FTS5 syntax around a real word is taken as punctuation, and the word still matches.
    for (char const* q : {"\"trafico", "trafico)", "(trafico", "-trafico", "trafico*", "^trafico", "{trafico}"}) {
        INFO(q);
        CHECK(search(sample_db(), "pt-BR", q, 10).size() == 2);
    }
}

TEST_CASE("the match expression quotes each word and caps their number", "[store][search]") {
    CHECK(match_expression("trafico de pessoas") == "\"trafico\" \"de\" \"pessoas\"*");
    CHECK(match_expression("a AND b") == "\"a\" \"AND\" \"b\"*");
    CHECK(match_expression("NEAR(x y)") == "\"NEAR\" \"x\" \"y\"*");
    CHECK(match_expression("\"x\" OR y*") == "\"x\" \"OR\" \"y\"*");
    CHECK(match_expression("tráfico") == "\"tráfico\"*");
    CHECK(match_expression("tr\xff"
                           "fico") == "\"tr\" \"fico\"*"); // invalid bytes separate words
    CHECK(match_expression("") == "");
    CHECK(match_expression("*** ((( \"\" ---") == "");
    CHECK(match_expression("1 2 3 4 5 6 7 8 9 10 11 12") ==
          "\"1\" \"2\" \"3\" \"4\" \"5\" \"6\" \"7\" \"8\" \"9\" \"10\"*");
    CHECK(match_expression(std::string(2000, 'a')) == "\"" + std::string(64, 'a') + "\"*");
    // A long word is cut on a character boundary.
    std::string accents;
    for (int i = 0; i < 40; ++i) accents += "\xc3\xa1";
    CHECK(match_expression(accents) == "\"" + accents.substr(0, 64) + "\"*");
}

TEST_CASE("plain text of rendered HTML for the index", "[store][search]") {
    CHECK(plain_text_of_html("<h2>Sinais</h2>\n<p>A &amp; B &lt;x&gt; &quot;q&quot;</p>\n") ==
          "Sinais A & B <x> \"q\"");
    CHECK(plain_text_of_html("<p><strong>Dív</strong>ida e <em>mais</em></p>") == "Dívida e mais");
    CHECK(plain_text_of_html("<ul>\n<li>um</li><li>dois</li>\n</ul>") == "um dois");
    CHECK(plain_text_of_html("<table><tr><td>100</td><td>Disque</td></tr></table>") == "100 Disque");
    CHECK(plain_text_of_html("&#233;t&#xE9; &#x1F600; &bogus; & alone") == "été \xF0\x9F\x98\x80 &bogus; & alone");
    CHECK(plain_text_of_html("x<!-- raw HTML omitted -->y") == "x y");
    CHECK(plain_text_of_html("") == "");
}
