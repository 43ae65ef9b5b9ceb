#include "editor/word_diff.hpp"

#include "util/utf8.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <utility>
#include <vector>

using namespace farol::editor;

namespace {

using pieces = std::vector<diff_piece>;

diff_piece same(std::string t) { return {change::same, std::move(t)}; }
diff_piece added(std::string t) { return {change::added, std::move(t)}; }
diff_piece removed(std::string t) { return {change::removed, std::move(t)}; }

// The text the pieces say one side had: same + removed is the old text, same + added the new.
std::string side(pieces const& p, change other) {
    std::string out;
    for (auto const& x : p)
        if (x.kind == change::same || x.kind == other) out += x.text;
    return out;
}

// The pieces rebuild both texts, and are in the canonical form word_diff promises.
void check_round_trip(std::string const& old_text, std::string const& new_text) {
    INFO("old: " << old_text << "\nnew: " << new_text);
    auto const p = word_diff(old_text, new_text);
    CHECK(side(p, change::removed) == old_text);
    CHECK(side(p, change::added) == new_text);
    for (std::size_t i = 0; i < p.size(); ++i) {
        CHECK_FALSE(p[i].text.empty());
        CHECK(farol::util::find_invalid_utf8(p[i].text) == std::string::npos);
        if (i == 0) continue;
        CHECK(p[i - 1].kind != p[i].kind);
        CHECK_FALSE((p[i - 1].kind == change::added && p[i].kind == change::removed));
    }
}

// Random sentences over a small vocabulary, so two of them share many words.
std::string random_text(std::mt19937& rng) {
    static std::vector<std::string> const words{"ajuda", "não", "está", "sozinha", "ligue", "180", "Kreyòl",
                                                "aide", "هذا", "نص", ",", ".", "\n\n", "  ", "**", "é", "ê"};
    std::uniform_int_distribution<std::size_t> pick(0, words.size() - 1), length(0, 30);
    std::string out;
    for (std::size_t n = length(rng); n > 0; --n) out += words[pick(rng)] + (pick(rng) % 3 ? " " : "");
    return out;
}

} // namespace

TEST_CASE("identical texts give one unchanged piece, empty texts none", "[diff]") {
    std::string const text = "# Título\n\nLigue 180, a qualquer hora.\n";
    CHECK(word_diff(text, text) == pieces{same(text)});
    CHECK(word_diff("", "").empty());
    CHECK(diff_html(word_diff(text, text)) == text);
}

TEST_CASE("one word changed in a sentence is one removed and one added word", "[diff]") {
    CHECK(word_diff("O abrigo fica na rua A, perto da praça.", "O abrigo fica na rua B, perto da praça.") ==
          pieces{same("O abrigo fica na rua "), removed("A"), added("B"), same(", perto da praça.")});
    CHECK(word_diff("Ligue 100 agora", "Ligue 180 agora") ==
          pieces{same("Ligue "), removed("100"), added("180"), same(" agora")});
}

TEST_CASE("words inserted at the start or the end", "[diff]") {
    CHECK(word_diff("mundo", "Olá, mundo") == pieces{added("Olá, "), same("mundo")});
    CHECK(word_diff("Olá", "Olá, mundo") == pieces{same("Olá"), added(", mundo")});
    CHECK(word_diff("", "novo texto") == pieces{added("novo texto")});
    CHECK(word_diff("texto velho", "") == pieces{removed("texto velho")});
    CHECK(word_diff("b c", "a b c d") == pieces{added("a "), same("b c"), added(" d")});
}

TEST_CASE("accented and Arabic words stay whole: UTF-8 sequences are never split", "[diff]") {
    CHECK(word_diff("A vítima não está sozinha", "A vítima não estava sozinha") ==
          pieces{same("A vítima não "), removed("está"), added("estava"), same(" sozinha")});
    // "ê" and "é" share their first byte; a byte-level diff would keep half a character.
    CHECK(word_diff("você", "vocé") == pieces{removed("você"), added("vocé")});
    CHECK(word_diff("ação rápida", "acão rápida") == pieces{removed("ação"), added("acão"), same(" rápida")});
    CHECK(word_diff("Ou pa pou kont ou.", "Ou pa poukont ou.") ==
          pieces{same("Ou pa "), removed("pou kont"), added("poukont"), same(" ou.")});
    CHECK(word_diff("هذا نص قصير", "هذا نص طويل") == pieces{same("هذا نص "), removed("قصير"), added("طويل")});
    CHECK(word_diff("l'aide", "l’aide") == pieces{removed("l'aide"), added("l’aide")});
}

TEST_CASE("the pieces rebuild both texts", "[diff]") {
    std::vector<std::pair<std::string, std::string>> const pairs{
        {"", "a"},
        {"a", ""},
        {"a b c", "c b a"},
        {"  leading and trailing  ", "leading, trailing\n"},
        {"---\ntitle: Tráfico\n---\n\n- **Dívida**\n",
         "---\ntitle: Tráfico de pessoas\n---\n\n- *Dívida* sem fim\n"},
        {"مرحبا بكم في فارول", "مرحبا في فارول اليوم"},
        {"\t\r\n\v\f", "\n"},
        {std::string("a\0b", 3), std::string("a\0c", 3)},
        {"\xC3", "\xC3\xA9"}, // invalid UTF-8 still round-trips
    };
    for (auto const& [o, n] : pairs) {
        auto const p = word_diff(o, n);
        CHECK(side(p, change::removed) == o);
        CHECK(side(p, change::added) == n);
    }
    std::mt19937 rng(20260601);
    for (int i = 0; i < 300; ++i) {
        std::string const a = random_text(rng), b = random_text(rng);
        check_round_trip(a, b);
    }
}

TEST_CASE("diff_html escapes the text and marks changes with ins and del", "[diff]") {
    auto const html = diff_html(word_diff("Texto <b>seguro</b>", "Texto <script>alert('x & \"y\"')</script>"));
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<b>") == std::string::npos);
    CHECK(html == "Texto &lt;<del>b</del><ins>script</ins>&gt;<del>seguro</del>"
                  "<ins>alert(&#39;x &amp; &quot;y&quot;&#39;)</ins>&lt;/<del>b</del><ins>script</ins>&gt;");
    CHECK(diff_html({same("a < b\n"), added("'ok'")}) == "a &lt; b\n<ins>&#39;ok&#39;</ins>");
}

TEST_CASE("neighbouring pieces of one kind are merged, lone spaces between changes joined", "[diff]") {
    CHECK(diff_html({added("a"), added("b"), same(""), added("c"), removed("d\n"), removed("e"), same("f\n\ng"),
                     same("h"), removed("")}) == "<ins>abc</ins><del>d\ne</del>f\n\ngh");
    CHECK(diff_html({}).empty());
    // Without the join this would be <del>um</del><ins>1</ins> <del>dois</del><ins>2</ins> ...
    auto const p = word_diff("Passo um dois três.", "Passo 1 2 3.");
    CHECK(p == pieces{same("Passo "), removed("um dois três"), added("1 2 3"), same(".")});
    CHECK(diff_html(p) == "Passo <del>um dois três</del><ins>1 2 3</ins>.");
    // A space between a change and an unchanged word stays unchanged.
    CHECK(word_diff("x a y", "x b y") == pieces{same("x "), removed("a"), added("b"), same(" y")});
}

TEST_CASE("over the token cap the differing middle is replaced whole", "[diff]") {
    std::string const o = "Início. um dois três quatro. Fim.";
    std::string const n = "Início. one dois three quatro. Fim.";
    CHECK(word_diff(o, n) == pieces{same("Início. "), removed("um"), added("one"), same(" dois "), removed("três"),
                                    added("three"), same(" quatro. Fim.")});
    // The middle is "um dois três" and "one dois three": 5 tokens each.
    CHECK(word_diff(o, n, 10).size() == 7);
    CHECK(word_diff(o, n, 9) ==
          pieces{same("Início. "), removed("um dois três"), added("one dois three"), same(" quatro. Fim.")});

    // With the default cap: 2 x 60,000 words (and as many spaces) is over 200,000 tokens.
    std::string big_old, big_new;
    for (int i = 0; i < 60'000; ++i) {
        big_old += "w" + std::to_string(i) + " ";
        big_new += "v" + std::to_string(i) + " ";
    }
    auto const p = word_diff("x " + big_old, "y " + big_new);
    REQUIRE(p.size() == 3);
    CHECK(p[0] == removed("x " + big_old.substr(0, big_old.size() - 1)));
    CHECK(p[1] == added("y " + big_new.substr(0, big_new.size() - 1)));
    CHECK(p[2] == same(" "));
}
