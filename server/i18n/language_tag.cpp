#include "i18n/language_tag.hpp"

namespace farol::i18n {

namespace {
bool alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool alphanum(char c) { return alpha(c) || (c >= '0' && c <= '9'); }
} // namespace

bool valid_language_tag(std::string_view s) {
    std::size_t run = 0;
    bool first = true;
    for (char c : s) {
        if (c == '-') {
            if (run == 0) return false;
            run = 0;
            first = false;
        } else if (first ? alpha(c) : alphanum(c)) {
            if (++run > 8) return false;
        } else {
            return false;
        }
    }
    return run > 0;
}

} // namespace farol::i18n
