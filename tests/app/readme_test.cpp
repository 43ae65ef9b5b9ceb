#include "app/config.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

namespace {
std::string readme() {
    std::ifstream in(std::string(FAROL_SOURCE_DIR) + "/README.md");
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
} // namespace

TEST_CASE("README opens with the two commands and documents every setting as --help does", "[config][docs]") {
    auto const text = readme();
    auto const first_block = text.substr(0, text.find("```", text.find("```") + 3));
    CHECK(first_block.find("scripts/run") != std::string::npos);
    CHECK(first_block.find("scripts/test") != std::string::npos);
    for (auto const& s : farol::app::describe_settings()) {
        INFO(s.key);
        auto const default_text = s.default_value.empty() ? std::string("\"\"") : s.default_value;
        auto const row = "| `" + s.key + "` | `" + s.flag + "` | `" + s.env + "` | `" + default_text + "` |";
        CHECK(text.find(row) != std::string::npos);
    }
}
