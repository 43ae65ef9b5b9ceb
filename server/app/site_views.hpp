#pragma once
#include "app/config.hpp"

#include <memory>

namespace farol::i18n {
class catalogs;
}
namespace farol::view {
class templates;
}

namespace farol::app {

// The public site's message catalogs and templates, read once per process.
struct site_views {
    std::shared_ptr<i18n::catalogs const> catalogs;
    std::shared_ptr<view::templates const> templates;
};

// Loads them from templates_dir and checks they fit: every {{t.key}} the templates use is in the
// default catalog, and every site.fallbacks language is served. Throws (view::template_error,
// std::runtime_error) with the file or setting and the reason, so a bad one stops the start.
site_views load_site_views(config const& cfg);

} // namespace farol::app
