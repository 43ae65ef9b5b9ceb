#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace farol::content {

// Why a bundle file is refused: English for `farol import`, and, when it has a key, a catalog key
// with named arguments, so the editor says it in its user's language (bundle.reason.<key>).
struct problem_reason {
    std::string english;
    std::string key;                                       // empty: the English text is all there is
    std::vector<std::pair<std::string, std::string>> args; // {name} -> value: names, numbers, paths

    problem_reason() = default;
    // Implicit on purpose: a reason without a key is just its English text.
    problem_reason(std::string text) : english(std::move(text)) {}
    problem_reason(char const* text) : english(text) {}
};

using reason_args = std::vector<std::pair<std::string, std::string>>;

// The reason `key` with its English text filled from args. Throws std::out_of_range for a key the
// table (problem_reason.cpp) lacks, and std::invalid_argument for an argument its text does not use.
problem_reason reason(std::string_view key, reason_args args = {});

// The English text of every key, {name} placeholders unfilled, sorted by key: what the editor's
// catalogs must translate.
std::vector<std::pair<std::string_view, std::string_view>> const& english_reasons();

} // namespace farol::content
