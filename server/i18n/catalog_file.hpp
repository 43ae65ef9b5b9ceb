#pragma once
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>

namespace farol::i18n::detail {

using category_set = std::set<std::string, std::less<>>;

// One entry: a plain string is stored as its only form, "other"; a plural entry always has "other".
struct message {
    bool plural = false;
    std::map<std::string, std::string, std::less<>> forms;

    std::string const& other() const { return forms.find("other")->second; }
};

struct catalog {
    std::string name;
    bool rtl = false;
    std::map<std::string, message, std::less<>> strings;
};

// Reads one catalog file and checks it on its own: JSON syntax, meta, value types, and that plural forms are
// CLDR categories of its language (`categories`, from ICU). Throws catalog_error.
catalog read_catalog(std::filesystem::path const& file, std::string_view tag, category_set const& categories);

// Checks a translation against the default catalog: no key the default lacks, the same kind of entry (plain or
// plural), no placeholder the default's entry lacks. Throws catalog_error.
void check_translation(catalog const& translation, catalog const& fallback, std::filesystem::path const& file);

} // namespace farol::i18n::detail
