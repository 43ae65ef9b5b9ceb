#pragma once
#include "content/problem_reason.hpp"

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace farol::content {

struct bundle_problem {
    std::filesystem::path file; // relative to the import directory
    int line = 0;               // 1-based; 0 when it is about the whole file
    problem_reason reason;      // English, and a catalog key when the editor can translate it
};

// "file:line: reason" ("file: reason" when line is 0), in English.
std::string format_problem(bundle_problem const& p);

// Bundles that cannot be imported; lists every problem found, not just the first.
class bundle_invalid : public std::runtime_error {
public:
    explicit bundle_invalid(std::vector<bundle_problem> list);
    std::vector<bundle_problem> problems;
};

} // namespace farol::content
