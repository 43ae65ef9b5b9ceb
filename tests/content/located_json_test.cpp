#include "content/located_json.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace farol::content;

namespace {

json_parse_error fails(std::string const& text) {
    json_parse_error e;
    CHECK_FALSE(parse_located_json(text, e).has_value());
    return e;
}

} // namespace

TEST_CASE("located JSON remembers lines and keeps duplicate keys", "[content][json]") {
    json_parse_error e;
    auto const root = parse_located_json("{\n  \"a\": \"x\",\n  \"list\": [\n    1,\n    true\n  ],\n"
                                         "  \"a\": {\"deep\": null}\n}\n",
                                         e);
    REQUIRE(root);
    CHECK(root->type == json_node::kind::object);
    CHECK(root->line == 1);
    REQUIRE(root->members.size() == 3);
    CHECK(root->members[0].key == "a");
    CHECK(root->members[0].line == 2);
    CHECK(root->members[0].value.text == "x");
    auto const& list = root->members[1].value;
    CHECK(list.type == json_node::kind::array);
    REQUIRE(list.items.size() == 2);
    CHECK(list.items[0].type == json_node::kind::number);
    CHECK(list.items[0].text == "1");
    CHECK(list.items[0].line == 4);
    CHECK(list.items[1].flag);
    CHECK(list.items[1].line == 5);
    CHECK(root->members[2].key == "a");
    CHECK(root->members[2].line == 7);
    CHECK(root->members[2].value.members.at(0).value.type == json_node::kind::null);
    CHECK(root->find("a") == &root->members[0].value);
    CHECK(root->find("nope") == nullptr);
}

TEST_CASE("located JSON decodes escapes and long strings", "[content][json]") {
    json_parse_error e;
    std::string const big(5000, 'x');
    auto const root = parse_located_json("[\"tr\\u00e1fico \\\"q\\\"\", \"" + big + "\", 1.5e3]", e);
    REQUIRE(root);
    CHECK(root->items.at(0).text == "tráfico \"q\"");
    CHECK(root->items.at(1).text == big);
    CHECK(root->items.at(2).text == "1.5e3");
}

TEST_CASE("located JSON reports the line of a syntax error", "[content][json]") {
    CHECK(fails("{\n  \"a\": 1\n  \"b\": 2\n}\n").line == 3); // missing comma
    CHECK(fails("{\n  \"a\": [1, 2,]\n}\n").line == 2);       // trailing comma
    CHECK(fails("{\n  // comment\n  \"a\": 1\n}\n").line == 2);
    CHECK(fails("{\n  \"a\": 1\n").line == 2); // unterminated
    CHECK(fails("").line == 1);
    CHECK(fails("{}\n\n  x\n").line == 3);
    CHECK(fails("{} {}").line == 1);
    CHECK(fails("{\n\"a\": \"\xC3\x28\"\n}").line == 2);   // invalid UTF-8
    CHECK(fails("[\n" + std::string(100, '[')).line == 2); // too deep
    CHECK_FALSE(fails("{\n  \"a\": 1\n  \"b\": 2\n}\n").reason.empty());
}

TEST_CASE("a top-level scalar without a final newline parses", "[content][json]") {
    json_parse_error e;
    auto const n = parse_located_json("\n\n42", e);
    REQUIRE(n);
    CHECK(n->text == "42");
    CHECK(n->line == 3);
}
