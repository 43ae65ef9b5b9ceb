#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace farol::content {

struct json_member;

// A JSON value that remembers the line it was on and keeps object members in file order,
// duplicates included, so bundle problems can name the line and catch repeated keys.
struct json_node {
    enum class kind { null, boolean, number, string, array, object };
    kind type = kind::null;
    int line = 0;
    std::string text; // string value, or a number's literal text
    bool flag = false;
    std::vector<json_node> items;     // array
    std::vector<json_member> members; // object

    // The first member called key, or nullptr.
    json_node const* find(std::string_view key) const;
};

struct json_member {
    std::string key;
    int line = 0;
    json_node value;
};

// "an object", "a string", ... for messages.
std::string_view describe(json_node::kind k);

struct json_parse_error {
    int line = 0;
    std::string reason;
};

// Strict JSON (no comments, no trailing commas, valid UTF-8, nothing after the value).
// Returns the tree, or nullopt with the error's line and reason in `error`.
std::optional<json_node> parse_located_json(std::string_view text, json_parse_error& error);

} // namespace farol::content
