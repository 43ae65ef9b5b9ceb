#include "content/located_json.hpp"

#include <boost/json/basic_parser_impl.hpp>

#include <algorithm>
#include <cstdint>
#include <utility>

namespace farol::content {

namespace {

namespace json = boost::json;
using json::error_code;

// SAX handler that builds json_nodes; the reader feeds one line at a time so `line` is current.
class tree_builder {
public:
    static constexpr std::size_t max_object_size = 10'000;
    static constexpr std::size_t max_array_size = 10'000;
    static constexpr std::size_t max_key_size = 1'000;
    static constexpr std::size_t max_string_size = 100'000;

    int line = 1;
    std::optional<json_node> root;

    bool on_document_begin(error_code&) { return true; }
    bool on_document_end(error_code&) { return true; }
    bool on_array_begin(error_code&) { return open(json_node::kind::array); }
    bool on_array_end(std::size_t, error_code&) { return close(); }
    bool on_object_begin(error_code&) { return open(json_node::kind::object); }
    bool on_object_end(std::size_t, error_code&) { return close(); }
    bool on_string_part(json::string_view s, std::size_t, error_code&) { return append(part_, s); }
    bool on_string(json::string_view s, std::size_t, error_code&) {
        append(part_, s);
        return leaf(json_node::kind::string, std::exchange(part_, {}));
    }
    bool on_key_part(json::string_view s, std::size_t, error_code&) { return append(key_, s); }
    bool on_key(json::string_view s, std::size_t, error_code&) {
        append(key_, s);
        keys_.push_back({std::exchange(key_, {}), line});
        return true;
    }
    bool on_number_part(json::string_view s, error_code&) { return append(part_, s); }
    bool on_int64(std::int64_t, json::string_view s, error_code&) { return number(s); }
    bool on_uint64(std::uint64_t, json::string_view s, error_code&) { return number(s); }
    bool on_double(double, json::string_view s, error_code&) { return number(s); }
    bool on_bool(bool b, error_code&) {
        json_node n{json_node::kind::boolean, line};
        n.flag = b;
        return attach(std::move(n));
    }
    bool on_null(error_code&) { return leaf(json_node::kind::null, {}); }
    bool on_comment_part(json::string_view, error_code&) { return true; }
    bool on_comment(json::string_view, error_code&) { return true; }

private:
    struct pending_key {
        std::string key;
        int line;
    };

    static bool append(std::string& to, json::string_view s) {
        to.append(s.data(), s.size());
        return true;
    }
    bool number(json::string_view s) {
        append(part_, s);
        return leaf(json_node::kind::number, std::exchange(part_, {}));
    }
    bool leaf(json_node::kind k, std::string text) {
        json_node n{k, line};
        n.text = std::move(text);
        return attach(std::move(n));
    }
    bool open(json_node::kind k) {
        stack_.push_back(json_node{k, line});
        return true;
    }
    bool close() {
        json_node done = std::move(stack_.back());
        stack_.pop_back();
        return attach(std::move(done));
    }
    bool attach(json_node n) {
        if (stack_.empty()) {
            root = std::move(n);
        } else if (stack_.back().type == json_node::kind::array) {
            stack_.back().items.push_back(std::move(n));
        } else {
            auto k = std::move(keys_.back());
            keys_.pop_back();
            stack_.back().members.push_back({std::move(k.key), k.line, std::move(n)});
        }
        return true;
    }

    std::vector<json_node> stack_;
    std::vector<pending_key> keys_;
    std::string part_, key_;
};

bool only_whitespace(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

// One past the end of the line starting at pos (its '\n' included).
std::size_t next_line(std::string_view text, std::size_t pos) {
    auto const nl = text.find('\n', pos);
    return nl == std::string_view::npos ? text.size() : nl + 1;
}

} // namespace

json_node const* json_node::find(std::string_view key) const {
    for (auto const& m : members)
        if (m.key == key) return &m.value;
    return nullptr;
}

std::string_view describe(json_node::kind k) {
    switch (k) {
    case json_node::kind::null: return "null";
    case json_node::kind::boolean: return "a boolean";
    case json_node::kind::number: return "a number";
    case json_node::kind::string: return "a string";
    case json_node::kind::array: return "an array";
    case json_node::kind::object: return "an object";
    }
    return "a value";
}

std::optional<json_node> parse_located_json(std::string_view text, json_parse_error& error) {
    json::basic_parser<tree_builder> parser(json::parse_options{});
    error_code ec;
    int line = 0;
    auto fail = [&](int at, std::string reason) {
        error = {std::max(at, 1), std::move(reason)};
        return std::nullopt;
    };
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t const end = next_line(text, pos);
        auto const chunk = text.substr(pos, end - pos);
        ++line;
        pos = end;
        if (parser.done()) {
            if (!only_whitespace(chunk)) return fail(line, "unexpected text after the JSON value");
            continue;
        }
        parser.handler().line = line;
        std::size_t const used = parser.write_some(true, chunk.data(), chunk.size(), ec);
        if (ec) return fail(line, ec.message());
        if (parser.done() && !only_whitespace(chunk.substr(used)))
            return fail(line, "unexpected text after the JSON value");
    }
    if (!parser.done()) {
        parser.write_some(false, text.data() + text.size(), 0, ec);
        if (ec) return fail(line, ec.message());
        if (!parser.done()) return fail(line, "incomplete JSON");
    }
    return std::move(parser.handler().root);
}

} // namespace farol::content
