#include "view/editor_views.hpp"

#include "i18n/catalogs.hpp"
#include "i18n/negotiate.hpp"
#include "view/catalog_data.hpp"

#include <algorithm>

namespace farol::view {

editor_views::editor_views(std::shared_ptr<templates const> views, std::shared_ptr<i18n::catalogs const> catalogs,
                           std::string css_href, std::string js_href)
    : views_(std::move(views)), catalogs_(std::move(catalogs)), css_href_(std::move(css_href)),
      js_href_(std::move(js_href)) {
    auto const keys = catalogs_->keys();
    for (auto const& key : views_->string_keys())
        if (!std::binary_search(keys.begin(), keys.end(), key))
            throw template_error("templates/editor: templates use {{t." + key + "}}, which the default editor catalog lacks");
    for (auto const& lang : catalogs_->languages())
        strings_.emplace(lang, templates::prepare(catalog_strings(*catalogs_, lang)));
}

std::shared_ptr<editor_views const> editor_views::load(std::filesystem::path const& templates_dir,
                                                       std::vector<std::string> const& languages, std::string css_href,
                                                       std::string js_href) {
    auto catalogs = std::make_shared<i18n::catalogs const>(i18n::catalogs::load(templates_dir / "editor" / "i18n", languages));
    return std::make_shared<editor_views const>(load_editor_templates(templates_dir), std::move(catalogs),
                                                std::move(css_href), std::move(js_href));
}

std::string editor_views::language(std::string_view accept_language) const {
    return i18n::negotiate(accept_language, catalogs_->languages()).value_or(catalogs_->default_language());
}

std::string editor_views::render(std::string_view name, std::string_view lang, boost::json::object data) const {
    auto const strings = strings_.find(lang);
    auto const& t = strings != strings_.end() ? strings->second : strings_.find(catalogs_->default_language())->second;
    data["lang"] = lang;
    data["dir"] = catalogs_->rtl(lang) ? "rtl" : "ltr";
    data["css_href"] = css_href_;
    data["js_href"] = js_href_;
    return views_->render(name, data, {{"t", t.get()}});
}

std::string editor_views::text(std::string_view lang, std::string_view key, std::initializer_list<i18n::arg> args) const {
    return catalogs_->text(lang, key, args);
}

bool editor_views::has_text(std::string_view key) const { return catalogs_->has_key(key); }

std::string editor_views::text_with(std::string_view lang, std::string_view key, std::span<i18n::arg const> args) const {
    return catalogs_->text_with(lang, key, args);
}

} // namespace farol::view
