#include "content/text_rules.hpp"

#include "util/utf8.hpp"

#include <algorithm>

namespace farol::content {

namespace {

bool is_lower_or_digit(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
} // namespace

bool is_id(std::string_view s) {
    if (s.empty() || s.front() == '-' || s.back() == '-') return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '-') {
            if (s[i - 1] == '-') return false;
        } else if (!is_lower_or_digit(s[i])) {
            return false;
        }
    }
    return true;
}

bool is_tag(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool is_safe_file_name(std::string_view s) {
    auto const ok = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
               c == '-';
    };
    return !s.empty() && s.front() != '.' && std::all_of(s.begin(), s.end(), ok);
}

bool is_language_tag_shape(std::string_view s) {
    auto const ok = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    };
    return !s.empty() && s.front() != '-' && s.back() != '-' && std::all_of(s.begin(), s.end(), ok);
}

bool has_control_characters(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto const c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == 0x7F) return true;
        // U+0080..U+009F are encoded C2 80..C2 9F.
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F) return true;
    }
    return false;
}

int line_at(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

std::optional<problem_reason> plain_text_reason(std::string_view field, std::string_view value,
                                                std::size_t max_code_points) {
    reason_args args{{"field", std::string(field)}};
    if (util::find_invalid_utf8(value) != std::string_view::npos) return reason("text_invalid_utf8", std::move(args));
    if (value.find_first_not_of(" \t") == std::string_view::npos) return reason("text_empty", std::move(args));
    if (has_control_characters(value)) return reason("text_control", std::move(args));
    if (value.front() == ' ' || value.back() == ' ') return reason("text_spaces", std::move(args));
    std::size_t const n = util::code_points(value);
    if (n <= max_code_points) return std::nullopt;
    args.emplace_back("length", std::to_string(n));
    args.emplace_back("max", std::to_string(max_code_points));
    return reason("text_too_long", std::move(args));
}

std::optional<std::string> plain_text_problem(std::string_view value, std::size_t max_code_points) {
    // The reason without a field name: its text less the space that followed the (empty) name.
    auto why = plain_text_reason("", value, max_code_points);
    if (!why) return std::nullopt;
    return why->english.substr(1);
}

} // namespace farol::content
