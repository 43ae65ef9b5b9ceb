#include "i18n/catalogs.hpp"

#include "i18n/catalog_file.hpp"
#include "i18n/icu_support.hpp"
#include "i18n/language_tag.hpp"
#include "i18n/placeholders.hpp"

#include <unicode/numberformatter.h>
#include <unicode/plurrule.h>

#include <algorithm>

namespace farol::i18n {

catalog_error::catalog_error(std::filesystem::path const& file, std::string const& reason)
    : std::runtime_error(file.string() + ": " + reason) {}

namespace {

// One loaded language; the ICU objects are built once here and only used through const methods afterwards.
struct language {
    std::string tag;
    detail::catalog strings;
    std::unique_ptr<icu::PluralRules const> rules;
    icu::number::LocalizedNumberFormatter count_format;
};

detail::category_set categories_of(icu::PluralRules const& rules) {
    UErrorCode ec = U_ZERO_ERROR;
    std::unique_ptr<icu::StringEnumeration> keywords(rules.getKeywords(ec));
    detail::category_set out;
    while (U_SUCCESS(ec) && keywords) {
        auto const* keyword = keywords->next(nullptr, ec);
        if (!keyword) break;
        out.emplace(keyword);
    }
    return out;
}

language load_language(std::filesystem::path const& file, std::string const& tag) {
    auto const locale = detail::locale_for(tag);
    if (locale.isBogus()) throw catalog_error(file, "ICU cannot read the language tag \"" + tag + "\"");
    UErrorCode ec = U_ZERO_ERROR;
    std::unique_ptr<icu::PluralRules const> rules(icu::PluralRules::forLocale(locale, ec));
    if (U_FAILURE(ec) || !rules) throw catalog_error(file, "ICU has no plural rules for \"" + tag + "\"");
    auto strings = detail::read_catalog(file, tag, categories_of(*rules));
    return language{tag, std::move(strings), std::move(rules), icu::number::NumberFormatter::withLocale(locale)};
}

} // namespace

struct catalogs::state {
    std::vector<std::string> tags;
    std::vector<language> languages; // same order as tags

    language const& def() const { return languages.front(); }

    language const* find(std::string_view tag) const {
        for (auto const& l : languages)
            if (l.tag == tag) return &l;
        return nullptr;
    }

    // The language and entry to use for key in tag: tag's own, else the default's.
    std::pair<language const*, detail::message const*> lookup(std::string_view tag, std::string_view key) const {
        auto const* lang = find(tag);
        if (lang) {
            if (auto it = lang->strings.strings.find(key); it != lang->strings.strings.end()) return {lang, &it->second};
        }
        if (auto it = def().strings.strings.find(key); it != def().strings.strings.end()) return {&def(), &it->second};
        throw std::out_of_range("i18n: unknown key \"" + std::string(key) + "\"");
    }

    language const& at(std::string_view tag) const {
        if (auto const* lang = find(tag)) return *lang;
        throw std::out_of_range("i18n: language \"" + std::string(tag) + "\" is not loaded");
    }
};

catalogs::catalogs(std::shared_ptr<state const> s) : state_(std::move(s)) {}

catalogs catalogs::load(std::filesystem::path const& dir, std::vector<std::string> const& languages) {
    if (languages.empty()) throw catalog_error(dir, "no language to load");
    auto s = std::make_shared<state>();
    for (auto const& tag : languages) {
        auto const file = dir / (tag + ".json");
        if (!valid_language_tag(tag)) throw catalog_error(file, "\"" + tag + "\" is not a language tag");
        if (s->find(tag)) throw catalog_error(file, "language \"" + tag + "\" is listed twice");
        s->languages.push_back(load_language(file, tag));
        if (s->languages.size() > 1) detail::check_translation(s->languages.back().strings, s->def().strings, file);
    }
    s->tags = languages;
    return catalogs(std::move(s));
}

std::vector<std::string> const& catalogs::languages() const { return state_->tags; }

std::string const& catalogs::default_language() const { return state_->tags.front(); }

bool catalogs::has(std::string_view tag) const { return state_->find(tag) != nullptr; }

std::string const& catalogs::native_name(std::string_view tag) const { return state_->at(tag).strings.name; }

bool catalogs::rtl(std::string_view tag) const { return state_->at(tag).strings.rtl; }

std::string catalogs::text(std::string_view lang, std::string_view key, std::initializer_list<arg> args) const {
    return text_with(lang, key, std::span<arg const>(args.begin(), args.size()));
}

std::string catalogs::text_with(std::string_view lang, std::string_view key, std::span<arg const> args) const {
    auto const* message = state_->lookup(lang, key).second;
    return detail::fill(message->other(), args);
}

std::string catalogs::plural(std::string_view lang, std::string_view key, std::int64_t n,
                             std::initializer_list<arg> args) const {
    auto const [source, message] = state_->lookup(lang, key);
    UErrorCode ec = U_ZERO_ERROR;
    auto const formatted = source->count_format.formatInt(n, ec);
    auto category = detail::to_utf8(source->rules->select(formatted, ec));
    auto count = detail::to_utf8(formatted.toString(ec));
    if (U_FAILURE(ec)) {
        count = std::to_string(n);
        category = "other";
    }
    auto form = message->forms.find(category);
    if (form == message->forms.end()) form = message->forms.find("other");
    std::vector<arg> all{{"count", std::move(count)}}; // first, so that it wins over a caller's "count"
    all.insert(all.end(), args.begin(), args.end());
    return detail::fill(form->second, all);
}

std::vector<std::string> catalogs::keys() const {
    std::vector<std::string> out;
    out.reserve(state_->def().strings.strings.size());
    for (auto const& entry : state_->def().strings.strings) out.push_back(entry.first);
    return out;
}

bool catalogs::has_key(std::string_view key) const {
    auto const& strings = state_->def().strings.strings;
    return strings.find(key) != strings.end();
}

bool catalogs::is_plural(std::string_view key) const {
    auto const& strings = state_->def().strings.strings;
    auto const it = strings.find(key);
    return it != strings.end() && it->second.plural;
}

} // namespace farol::i18n
