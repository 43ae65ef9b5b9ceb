#include "util/strings.hpp"

#include <algorithm>

namespace farol::util {

namespace {
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
} // namespace

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

std::string to_lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), lower);
    return out;
}

std::string_view trim(std::string_view s) {
    auto const ws = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && ws(s.front())) s.remove_prefix(1);
    while (!s.empty() && ws(s.back())) s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    for (;;) {
        auto const pos = s.find(sep);
        out.push_back(trim(s.substr(0, pos)));
        if (pos == std::string_view::npos) break;
        s.remove_prefix(pos + 1);
    }
    return out;
}

void pieces::iterator::advance() {
    if (done_) return;
    if (last_) {
        done_ = true;
        return;
    }
    auto const pos = rest_.find(sep_);
    piece_ = trim(rest_.substr(0, pos));
    if (pos == std::string_view::npos) {
        last_ = true;
        rest_ = rest_.substr(rest_.size());
    } else {
        rest_.remove_prefix(pos + 1);
    }
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

} // namespace farol::util

namespace farol::util {

namespace {
// Length of the valid UTF-8 sequence at s[i], or 0 (overlongs, surrogates and > U+10FFFF are invalid).
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
    auto const b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    auto const c0 = b(0);
    if (c0 < 0x80) return 1;
    std::size_t n = c0 >= 0xF0 ? 4 : c0 >= 0xE0 ? 3 : c0 >= 0xC2 ? 2 : 0;
    if (n == 0 || c0 > 0xF4 || i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((b(k) & 0xC0) != 0x80) return 0;
    if (c0 == 0xE0 && b(1) < 0xA0) return 0;
    if (c0 == 0xED && b(1) >= 0xA0) return 0;
    if (c0 == 0xF0 && b(1) < 0x90) return 0;
    if (c0 == 0xF4 && b(1) >= 0x90) return 0;
    return n;
}
} // namespace

std::string to_valid_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        if (auto n = utf8_sequence(s, i)) {
            out.append(s.substr(i, n));
            i += n;
        } else {
            out += "\xEF\xBF\xBD";
            ++i;
        }
    }
    return out;
}

} // namespace farol::util
