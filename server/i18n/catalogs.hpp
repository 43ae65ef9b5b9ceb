#pragma once
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace farol::i18n {

// A catalog that cannot be used; what() is "<file>: <reason>".
class catalog_error : public std::runtime_error {
public:
    catalog_error(std::filesystem::path const& file, std::string const& reason);
};

// One {name} placeholder value; inserted as is (HTML escaping is the view's job).
struct arg {
    std::string_view name;
    std::string value;
};

// The UI string catalogs (templates/i18n/<tag>.json), immutable once loaded and safe to share between threads.
class catalogs {
public:
    // Loads dir/<tag>.json for each tag; languages.front() is the default. Throws catalog_error.
    static catalogs load(std::filesystem::path const& dir, std::vector<std::string> const& languages);

    std::vector<std::string> const& languages() const; // default first
    std::string const& default_language() const;
    bool has(std::string_view tag) const;
    // meta.name; std::out_of_range for a tag that is not loaded.
    std::string const& native_name(std::string_view tag) const;
    // meta.dir == "rtl"; std::out_of_range for a tag that is not loaded.
    bool rtl(std::string_view tag) const;

    // Text of key in lang, else in the default language; std::out_of_range for an unknown key.
    // A plural key gives its "other" form. A lang that is not loaded reads as the default.
    std::string text(std::string_view lang, std::string_view key, std::initializer_list<arg> args = {}) const;
    // The same, for arguments gathered at run time.
    std::string text_with(std::string_view lang, std::string_view key, std::span<arg const> args) const;
    // The CLDR plural form of key for n in lang; {count} becomes n formatted for that language.
    std::string plural(std::string_view lang, std::string_view key, std::int64_t n,
                       std::initializer_list<arg> args = {}) const;

    std::vector<std::string> keys() const; // every key of the default catalog, sorted
    bool has_key(std::string_view key) const; // in the default catalog (every key text() can answer)
    bool is_plural(std::string_view key) const;

private:
    struct state;
    explicit catalogs(std::shared_ptr<state const> s);
    std::shared_ptr<state const> state_;
};

} // namespace farol::i18n
