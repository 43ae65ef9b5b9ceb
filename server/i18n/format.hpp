#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace farol::i18n {

// A file size for humans in lang: kB under 1 MB (at least "0.1 kB" when not empty), else MB; one fraction digit at
// most, the locale's digits and unit names ("1,2 MB" in pt-BR, "1.2 MB" in en, "1,2 Mo" in fr).
std::string format_size(std::string_view lang, std::uint64_t bytes);

// The name of language `tag` written in language `in_lang` (ICU display names): display_name("fr", "pt-BR") is
// "francês". The tag itself when ICU has no name for its language.
std::string display_name(std::string_view tag, std::string_view in_lang);

} // namespace farol::i18n
