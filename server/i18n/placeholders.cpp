#include "i18n/placeholders.hpp"

namespace farol::i18n::detail {

namespace {

bool name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool name_char(char c) { return name_start(c) || (c >= '0' && c <= '9'); }

// The placeholder name at text[open] == '{', or an empty view when there is none there.
std::string_view name_at(std::string_view text, std::size_t open) {
    auto const start = open + 1;
    if (start >= text.size() || !name_start(text[start])) return {};
    auto end = start;
    while (end < text.size() && name_char(text[end])) ++end;
    if (end >= text.size() || text[end] != '}') return {};
    return text.substr(start, end - start);
}

} // namespace

std::set<std::string, std::less<>> placeholder_names(std::string_view text) {
    std::set<std::string, std::less<>> names;
    for (auto open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
        auto const name = name_at(text, open);
        if (!name.empty()) names.emplace(name);
    }
    return names;
}

std::string fill(std::string_view text, std::span<arg const> args) {
    std::string out;
    out.reserve(text.size() + 16);
    std::size_t done = 0;
    for (auto open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
        auto const name = name_at(text, open);
        if (name.empty()) continue;
        for (auto const& a : args) {
            if (a.name != name) continue;
            out.append(text.substr(done, open - done)).append(a.value);
            done = open + name.size() + 2;
            break;
        }
    }
    out.append(text.substr(done));
    return out;
}

} // namespace farol::i18n::detail
