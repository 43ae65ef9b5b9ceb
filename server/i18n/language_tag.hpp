#pragma once
#include <string_view>

namespace farol::i18n {

// Whether s is shaped like a language tag: 1*8ALPHA *("-" 1*8alphanum), as RFC 9110 language ranges (no '*').
bool valid_language_tag(std::string_view s);

} // namespace farol::i18n
