#include "content/front_matter.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace farol::content;

namespace {

// The problems parse_page reports for text, as "line: reason".
std::vector<std::string> problems_of(std::string const& text) {
    std::vector<page_problem> problems;
    auto const page = parse_page(text, problems);
    CHECK(page.has_value() == problems.empty());
    std::vector<std::string> out;
    for (auto const& p : problems) out.push_back(std::to_string(p.line) + ": " + p.reason.english);
    return out;
}

std::string arabic(std::size_t letters) {
    std::string s;
    for (std::size_t i = 0; i < letters; ++i) s += "\xD8\xB9"; // U+0639, two bytes
    return s;
}

} // namespace

TEST_CASE("a page has front matter and a body", "[content][front_matter]") {
    std::vector<page_problem> problems;
    auto const page = parse_page("---\ntitle: Reconnaître la traite : où demander de l'aide ?\n"
                                 "summary: Signes d'alerte.\n---\n\n\n## Titre\n\nTexte.\n",
                                 problems);
    REQUIRE(page);
    CHECK(problems.empty());
    CHECK(page->title == "Reconnaître la traite : où demander de l'aide ?");
    CHECK(page->summary == "Signes d'alerte.");
    CHECK(page->body == "## Titre\n\nTexte.\n");
    CHECK(page->body_line == 7);
    CHECK(format_page(page->title, page->summary, page->body) ==
          "---\ntitle: Reconnaître la traite : où demander de l'aide ?\nsummary: Signes d'alerte.\n---\n\n"
          "## Titre\n\nTexte.\n");
}

TEST_CASE("format_page output parses back to the same page", "[content][front_matter]") {
    std::string const text = format_page("T: a title", "S", "Body *here*\n");
    std::vector<page_problem> problems;
    auto const page = parse_page(text, problems);
    REQUIRE(page);
    CHECK(page->title == "T: a title");
    CHECK(page->summary == "S");
    CHECK(page->body == "Body *here*\n");
    CHECK(page->body_line == 6);
}

TEST_CASE("front matter problems carry their line", "[content][front_matter]") {
    CHECK(problems_of("title: x\n---\n") ==
          std::vector<std::string>{"1: the first line must be exactly --- (front matter with title and summary)"});
    CHECK(problems_of("--- \ntitle: x\n") ==
          std::vector<std::string>{"1: the first line must be exactly --- (front matter with title and summary)"});
    CHECK(problems_of("---\ntitle: x\nsummary: y\n\nbody\n") ==
          std::vector<std::string>{"4: expected 'key: value' (a colon and one space) or the closing ---",
                                   "5: expected 'key: value' (a colon and one space) or the closing ---",
                                   "1: the front matter has no closing --- line"});
    CHECK(problems_of("---\ntitle: x\nauthor: me\nsummary: y\n---\nbody\n") ==
          std::vector<std::string>{"3: unknown front matter key 'author' (only title and summary)"});
    CHECK(problems_of("---\ntitle: x\ntitle: y\nsummary: y\n---\nbody\n") ==
          std::vector<std::string>{"3: duplicate front matter key 'title'"});
    CHECK(problems_of("---\ntitle: x\n---\nbody\n") == std::vector<std::string>{"3: front matter lacks summary"});
    CHECK(problems_of("---\ntitle:x\nsummary: y\n---\nbody\n") ==
          std::vector<std::string>{"2: expected 'key: value' (a colon and one space) or the closing ---",
                                   "4: front matter lacks title"});
    CHECK(problems_of("---\ntitle: \"Quoted\"\nsummary: y\n---\nbody\n") ==
          std::vector<std::string>{"2: title is quoted; write plain text without quotes"});
    CHECK(problems_of("---\ntitle: x \nsummary: y\n---\nbody\n") ==
          std::vector<std::string>{"2: title starts or ends with a space"});
    CHECK(problems_of("---\ntitle: x\tx\nsummary: \n---\nbody\n") ==
          std::vector<std::string>{"2: title contains a control character (tab, line break, ...)",
                                   "3: summary is empty"});
    CHECK(problems_of("---\ntitle: x\nsummary: y\n---\n\n  \n") ==
          std::vector<std::string>{"4: the page has no body after the front matter"});
}

TEST_CASE("title and summary lengths count characters, not bytes", "[content][front_matter]") {
    auto const page = [](std::string const& title, std::string const& summary) {
        return "---\ntitle: " + title + "\nsummary: " + summary + "\n---\nbody\n";
    };
    CHECK(problems_of(page(arabic(90), arabic(200))).empty()); // 180 and 400 bytes
    CHECK(problems_of(page(arabic(91), "s")) == std::vector<std::string>{"2: title is 91 characters long; at most 90"});
    CHECK(problems_of(page("t", std::string(201, 'a'))) ==
          std::vector<std::string>{"3: summary is 201 characters long; at most 200"});
}
