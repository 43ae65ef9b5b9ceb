#pragma once
#include "content/problem_reason.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace farol::content {

constexpr std::size_t max_title_chars = 90;    // code points
constexpr std::size_t max_summary_chars = 200; // code points

// A <lang>.md file: front matter (title, summary) and the Markdown body.
struct page_source {
    std::string title;
    std::string summary;
    std::string body;  // after the closing ---, leading empty lines dropped
    int body_line = 0; // line of the file where body starts
};

struct page_problem {
    int line = 0;
    problem_reason reason;
};

// Parses per campaigns/README.md. Appends every problem found with its line; returns nullopt
// if any (the body's Markdown itself is checked by the caller).
std::optional<page_source> parse_page(std::string_view text, std::vector<page_problem>& problems);

// The file text parse_page reads back: front matter, one empty line, the body.
std::string format_page(std::string_view title, std::string_view summary, std::string_view body);

} // namespace farol::content
