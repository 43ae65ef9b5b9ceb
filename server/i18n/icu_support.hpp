#pragma once
#include <string>
#include <string_view>

#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace farol::i18n::detail {

// The ICU locale of a BCP 47 tag; a bogus locale when ICU cannot parse it.
icu::Locale locale_for(std::string_view tag);

std::string to_utf8(icu::UnicodeString const& s);

} // namespace farol::i18n::detail
