#include "support/exposition.hpp"

#include <algorithm>
#include <cstdlib>
#include <set>
#include <utility>

namespace farol::test {

namespace {

bool name_char(char c, bool first) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || (!first && c >= '0' && c <= '9');
}

std::string_view take_name(std::string_view& s) {
    std::size_t n = 0;
    while (n < s.size() && name_char(s[n], n == 0)) ++n;
    auto const name = s.substr(0, n);
    s.remove_prefix(n);
    return name;
}

// One quoted label value with its escapes undone; false on a bad escape or a missing quote.
bool take_value(std::string_view& s, std::string& out) {
    if (s.empty() || s.front() != '"') return false;
    for (std::size_t i = 1; i < s.size(); ++i) {
        char const c = s[i];
        if (c == '"') {
            s.remove_prefix(i + 1);
            return true;
        }
        if (c != '\\') {
            out += c;
            continue;
        }
        if (++i == s.size()) return false;
        if (s[i] == 'n') out += '\n';
        else if (s[i] == '\\' || s[i] == '"') out += s[i];
        else return false;
    }
    return false;
}

struct parser {
    exposition result;
    std::string current;            // family whose samples come now
    std::set<std::string> finished; // families whose samples are over
    std::set<std::string> helped, typed;

    void problem(std::string what) { result.problems.push_back(std::move(what)); }

    std::string family_of(std::string_view name) const {
        for (std::string_view suffix : {"_bucket", "_sum", "_count"}) {
            if (!name.ends_with(suffix)) continue;
            auto const base = std::string(name.substr(0, name.size() - suffix.size()));
            auto const t = result.types.find(base);
            if (t != result.types.end() && (t->second == "histogram" || (t->second == "summary" && suffix != "_bucket")))
                return base;
        }
        return std::string(name);
    }

    void enter(std::string const& family) {
        if (family == current) return;
        if (!current.empty()) finished.insert(current);
        if (finished.count(family)) problem("samples of " + family + " are not together");
        current = family;
    }

    void comment(std::string_view line) {
        bool const help = line.starts_with("# HELP "), type = line.starts_with("# TYPE ");
        if (!help && !type) return;
        line.remove_prefix(7);
        auto const name = std::string(take_name(line));
        if (name.empty() || line.empty() || line.front() != ' ') return problem("malformed comment: " + name);
        if (!(help ? helped : typed).insert(name).second) problem((help ? "HELP" : "TYPE") + std::string(" twice for ") + name);
        if (type) result.types[name] = std::string(line.substr(1));
        enter(name);
    }

    void sample(std::string_view line) {
        auto const whole = std::string(line);
        auto const name = std::string(take_name(line));
        if (name.empty()) return problem("malformed sample: " + whole);
        std::vector<std::pair<std::string, std::string>> labels;
        if (!line.empty() && line.front() == '{') {
            line.remove_prefix(1);
            while (!line.empty() && line.front() != '}') {
                auto const label = std::string(take_name(line));
                std::string value;
                if (label.empty() || line.empty() || line.front() != '=') return problem("malformed labels: " + whole);
                line.remove_prefix(1);
                if (!take_value(line, value)) return problem("bad label value: " + whole);
                labels.emplace_back(label, std::move(value));
                if (!line.empty() && line.front() == ',') line.remove_prefix(1);
            }
            if (line.empty()) return problem("unclosed labels: " + whole);
            line.remove_prefix(1);
        }
        if (line.size() < 2 || line.front() != ' ') return problem("no value: " + whole);
        auto const value_text = std::string(line.substr(1, line.find(' ', 1) - 1));
        char* end = nullptr;
        double const value = std::strtod(value_text.c_str(), &end);
        if (end == value_text.c_str() || *end != '\0') return problem("bad value: " + whole);
        std::sort(labels.begin(), labels.end());
        std::string key = name + "{";
        for (std::size_t i = 0; i < labels.size(); ++i) {
            if (i > 0 && labels[i].first == labels[i - 1].first) problem("label " + labels[i].first + " twice: " + whole);
            key += (i ? "," : "") + labels[i].first + "=\"" + labels[i].second + "\"";
        }
        key += "}";
        if (!result.series.emplace(key, value).second) problem("duplicate series " + key);
        enter(family_of(name));
    }
};

} // namespace

exposition parse_exposition(std::string_view text) {
    parser p;
    if (!text.empty() && text.back() != '\n') p.problem("the text does not end with a line feed");
    while (!text.empty()) {
        auto const eol = text.find('\n');
        auto const line = text.substr(0, eol);
        text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
        if (line.empty()) continue;
        if (line.front() == '#') p.comment(line);
        else p.sample(line);
    }
    return std::move(p.result);
}

} // namespace farol::test
