#pragma once
#include "content/problem_reason.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace farol::content {

// cmark-gfm has known super-linear inputs (Debian's 0.29.0.gfm.6): bodies are capped.
constexpr std::size_t max_markdown_bytes = 64 * 1024;

// CommonMark + GFM tables, strikethrough, autolinks, tag filter, in cmark's safe mode: raw HTML
// never reaches the output, and link/image URLs keep only relative, http(s), mailto and tel
// targets (javascript:, vbscript:, data:, file: ... are emptied). Invalid UTF-8 becomes U+FFFD.
// Thread-safe (parses are serialised: cmark-gfm keeps process-wide parser state). Throws
// std::length_error above max_markdown_bytes.
std::string render_markdown(std::string_view md);

struct markdown_issue {
    int line = 0; // 1-based, in md
    problem_reason reason;
};

// What the bundle format forbids in a body although rendering would survive it: raw HTML
// (silently dropped), images and links that leave the site. Throws like render_markdown.
std::vector<markdown_issue> check_markdown(std::string_view md);

} // namespace farol::content
