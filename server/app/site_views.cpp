#include "app/site_views.hpp"

#include "i18n/catalogs.hpp"
#include "i18n/fallback.hpp"
#include "view/templates.hpp"

#include <algorithm>
#include <stdexcept>

namespace farol::app {

site_views load_site_views(config const& cfg) {
    site_views v;
    v.catalogs = std::make_shared<i18n::catalogs const>(i18n::catalogs::load(cfg.templates_dir / "i18n", language_list(cfg)));
    v.templates = view::load_site_templates(cfg.templates_dir);
    auto const keys = v.catalogs->keys();
    for (auto const& key : v.templates->string_keys())
        if (!std::binary_search(keys.begin(), keys.end(), key))
            throw view::template_error(cfg.templates_dir.string() + ": templates use {{t." + key +
                                       "}}, which the default catalog lacks");
    for (auto const& [from, chain] : i18n::parse_fallbacks(cfg.fallbacks))
        for (auto const& tag : chain)
            if (!v.catalogs->has(tag))
                throw std::runtime_error("site.fallbacks: " + from + ":" + tag +
                                         " names a language the site does not serve (" + cfg.languages + ")");
    return v;
}

} // namespace farol::app
