#include "i18n/format.hpp"

#include "i18n/icu_support.hpp"

#include <unicode/locdspnm.h>
#include <unicode/measunit.h>
#include <unicode/numberformatter.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>

namespace farol::i18n {

namespace {

namespace number = icu::number;

constexpr std::size_t max_cached = 256; // tags come from configuration; the bound only guards against misuse

struct size_formatters {
    number::LocalizedNumberFormatter kilobytes;
    number::LocalizedNumberFormatter megabytes;
};

size_formatters make_size_formatters(std::string_view lang) {
    auto locale = detail::locale_for(lang);
    if (locale.isBogus()) locale = icu::Locale::getRoot();
    auto const base = number::NumberFormatter::withLocale(locale).precision(number::Precision::maxFraction(1));
    return {base.unit(icu::MeasureUnit::getKilobyte()), base.unit(icu::MeasureUnit::getMegabyte())};
}

// Formatters are built once per language: LocalizedNumberFormatter is immutable and safe to share between threads.
size_formatters const& size_formatters_for(std::string_view lang) {
    static std::mutex mutex;
    static std::map<std::string, size_formatters, std::less<>> cache;
    std::lock_guard lock(mutex);
    if (auto const it = cache.find(lang); it != cache.end()) return it->second;
    if (cache.size() >= max_cached) lang = "und";
    return cache.try_emplace(std::string(lang), make_size_formatters(lang)).first->second;
}

std::string compute_display_name(std::string_view tag, std::string_view in_lang) {
    auto const target = detail::locale_for(tag);
    auto in = detail::locale_for(in_lang);
    if (target.isBogus() || *target.getLanguage() == '\0') return std::string(tag);
    if (in.isBogus()) in = icu::Locale::getRoot();
    std::unique_ptr<icu::LocaleDisplayNames> names(icu::LocaleDisplayNames::createInstance(in, ULDN_STANDARD_NAMES));
    if (!names) return std::string(tag);
    icu::UnicodeString language;
    names->languageDisplayName(target.getLanguage(), language);
    if (language.isBogus() || language == icu::UnicodeString(target.getLanguage(), -1, US_INV))
        return std::string(tag); // ICU answers with the code itself when it has no name
    icu::UnicodeString full;
    names->localeDisplayName(target, full);
    return full.isBogus() ? std::string(tag) : detail::to_utf8(full);
}

} // namespace

std::string format_size(std::string_view lang, std::uint64_t bytes) {
    constexpr std::uint64_t megabyte_from = 999'950; // what would round to "1000 kB" is shown as "1 MB"
    auto const megabytes = bytes >= megabyte_from;
    // A tiny file still shows as "0.1 kB", never as an empty "0 kB".
    auto const value = megabytes ? static_cast<double>(bytes) / 1e6
                                 : static_cast<double>(bytes == 0 ? 0 : std::max<std::uint64_t>(bytes, 100)) / 1e3;
    auto const& formatters = size_formatters_for(lang);
    UErrorCode ec = U_ZERO_ERROR;
    auto const text = (megabytes ? formatters.megabytes : formatters.kilobytes).formatDouble(value, ec).toString(ec);
    if (U_FAILURE(ec)) return std::to_string(bytes) + " B";
    return detail::to_utf8(text);
}

std::string display_name(std::string_view tag, std::string_view in_lang) {
    static std::mutex mutex;
    static std::map<std::string, std::string, std::less<>> cache; // a display name costs ICU several microseconds
    auto key = std::string(tag) + '\x1f' + std::string(in_lang);
    {
        std::lock_guard lock(mutex);
        if (auto const it = cache.find(key); it != cache.end()) return it->second;
    }
    auto name = compute_display_name(tag, in_lang);
    std::lock_guard lock(mutex);
    if (cache.size() < max_cached * 8) cache.try_emplace(std::move(key), name);
    return name;
}

} // namespace farol::i18n
