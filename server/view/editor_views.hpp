#pragma once
#include "i18n/catalogs.hpp"
#include "view/templates.hpp"

#include <boost/json/object.hpp>

#include <initializer_list>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>


namespace farol::view {

// The editor's pages: templates/editor/ with their own catalogs (templates/editor/i18n/, pt-BR
// and en at least), rendered per request (they are private, so nothing is pre-rendered).
class editor_views {
public:
    // Throws template_error if a template uses a {{t.key}} the default editor catalog lacks.
    editor_views(std::shared_ptr<templates const> views, std::shared_ptr<i18n::catalogs const> catalogs,
                 std::string css_href, std::string js_href = {});
    // Loads templates_dir/editor and templates_dir/editor/i18n/<tag>.json for `languages`.
    static std::shared_ptr<editor_views const> load(std::filesystem::path const& templates_dir,
                                                    std::vector<std::string> const& languages, std::string css_href,
                                                    std::string js_href = {});

    // The UI language for an Accept-Language value: the best of the catalogs', else the default.
    std::string language(std::string_view accept_language) const;
    // editor/<name> with `data` plus lang, dir, css_href, js_href and t (the strings in `lang`).
    std::string render(std::string_view name, std::string_view lang, boost::json::object data) const;
    // One string, with {name} placeholders filled; std::out_of_range for an unknown key.
    std::string text(std::string_view lang, std::string_view key, std::initializer_list<i18n::arg> args = {}) const;
    bool has_text(std::string_view key) const;
    // The same, for arguments gathered at run time.
    std::string text_with(std::string_view lang, std::string_view key, std::span<i18n::arg const> args) const;

private:
    std::shared_ptr<templates const> views_;
    std::shared_ptr<i18n::catalogs const> catalogs_;
    std::string css_href_;
    std::string js_href_; // upload progress and the live slug check; pages work without it
    std::map<std::string, std::shared_ptr<templates::shared_data const>, std::less<>> strings_;
};

} // namespace farol::view
