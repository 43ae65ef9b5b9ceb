#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace farol::test {

// A Prometheus text exposition (format 0.0.4) read back independently of the writer, for tests.
struct exposition {
    std::vector<std::string> problems;       // empty when the text is valid and unambiguous
    std::map<std::string, double> series;    // name{label="value",...} with labels sorted -> value
    std::map<std::string, std::string> types; // family -> TYPE
};

// Parses every line; a problem is a malformed line, a bad escape, HELP or TYPE twice for one family,
// a family's samples not together, a repeated label name, or a series (name + label set) twice.
exposition parse_exposition(std::string_view text);

} // namespace farol::test
