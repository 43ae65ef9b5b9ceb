#pragma once
#include "content/problem_reason.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace farol::content {

// ^[a-z0-9]+(-[a-z0-9]+)*$ : slugs, hotline ids, material ids.
bool is_id(std::string_view s);
// ^[a-z]+$ : tags.
bool is_tag(std::string_view s);
// Letters, digits, '.', '_' and '-', not starting with '.': safe in URLs, headers and paths.
bool is_safe_file_name(std::string_view s);
// Letters, digits and inner hyphens (BCP 47 shape, e.g. pt-BR): safe as a file name stem.
bool is_language_tag_shape(std::string_view s);
// Any C0 control character, DEL or C1 control (U+0080..U+009F): not plain one-line text.
bool has_control_characters(std::string_view s);
// 1-based line of the byte at offset.
int line_at(std::string_view text, std::size_t offset);
// Why a one-line plain-text value (title, label, ...) is unacceptable, or nullopt if it is fine.
std::optional<std::string> plain_text_problem(std::string_view value, std::size_t max_code_points);
// The same check as a bundle reason naming the field ("title is empty"), translatable by the editor.
std::optional<problem_reason> plain_text_reason(std::string_view field, std::string_view value,
                                                std::size_t max_code_points);

} // namespace farol::content
