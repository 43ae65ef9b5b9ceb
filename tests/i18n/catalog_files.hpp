#pragma once
#include <filesystem>
#include <fstream>
#include <string>

namespace farol::test {

inline void write_text(std::filesystem::path const& file, std::string const& text) {
    std::ofstream(file, std::ios::binary) << text;
}

// Writes dir/<tag>.json with the given "strings" object body (JSON text without the outer braces).
inline void write_catalog(std::filesystem::path const& dir, std::string const& tag, std::string const& strings,
                          std::string const& dir_attr = "ltr") {
    write_text(dir / (tag + ".json"), R"({"meta": {"name": ")" + tag + R"(", "dir": ")" + dir_attr +
                                          R"("}, "strings": {)" + strings + "}}");
}

} // namespace farol::test
