#include "i18n/icu_support.hpp"

namespace farol::i18n::detail {

icu::Locale locale_for(std::string_view tag) {
    UErrorCode ec = U_ZERO_ERROR;
    auto loc = icu::Locale::forLanguageTag(icu::StringPiece(tag.data(), static_cast<std::int32_t>(tag.size())), ec);
    if (U_FAILURE(ec)) loc.setToBogus();
    return loc;
}

std::string to_utf8(icu::UnicodeString const& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

} // namespace farol::i18n::detail
