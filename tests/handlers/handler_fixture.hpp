#pragma once
// Handlers mounted on a real router and dispatcher over a Site built from a small library, with a
// fixed clock and no socket: the handler tests' common ground.
#include "published/site.hpp"
#include "published/static_assets.hpp"
#include "handlers/error_pages.hpp"
#include "http/dispatcher.hpp"
#include "i18n/catalogs.hpp"
#include "support/request_builder.hpp"
#include "support/test_server.hpp"
#include "view/page_renderer.hpp"
#include "view/site_builder.hpp"
#include "view/templates.hpp"

#include <filesystem>
#include <functional>
#include <memory>

namespace farol::test {

inline content::library small_library() {
    content::library lib;
    lib.hotlines.push_back({"disque-100", "100", {{"pt-BR", "Disque 100"}}, {{"pt-BR", "Direitos humanos."}}});
    content::campaign c;
    c.slug = "teste";
    c.default_language = "pt-BR";
    c.hotlines = {"disque-100"};
    c.translations.push_back({"pt-BR", "Título PT", "Resumo PT", "", "<p>corpo pt</p>"});
    c.translations.push_back({"ar", "عنوان", "ملخص", "", "<p>نص</p>"});
    lib.campaigns.push_back(c);
    return lib;
}

struct handler_fixture {
    std::filesystem::path source = FAROL_SOURCE_DIR;
    util::fixed_clock clock{test_epoch()};
    std::shared_ptr<published::static_assets const> assets = published::static_assets::load(source / "static");
    std::shared_ptr<view::page_renderer const> pages = make_pages(false);
    content::library library = small_library();
    published::site_holder site{built_site()};

    // The site's renderer; beacon: as with metrics.count_at = beacon (pages carry a /b image).
    std::shared_ptr<view::page_renderer const> make_pages(bool beacon) const {
        view::site_options options{"https://farol.example.org", "https://neutral.example", {}};
        options.beacon = beacon;
        return std::make_shared<view::page_renderer const>(
            view::load_site_templates(source / "templates"),
            std::make_shared<i18n::catalogs const>(
                i18n::catalogs::load(source / "templates/i18n", {"pt-BR", "es", "en", "fr", "ht", "ar"})),
            assets, options);
    }

    // As app/ builds it: the pages, plus the library whose hotlines search pages show.
    std::shared_ptr<published::site const> built_site() const {
        auto s = view::build_site(*pages, library, [](std::string_view) { return std::filesystem::path(); }, clock.now());
        std::const_pointer_cast<published::site>(s)->source = std::make_shared<content::library const>(library);
        return s;
    }

    // A dispatcher over the routes `mount` adds to the public area, with the reader-language error pages.
    http::dispatcher dispatcher_for(std::function<void(http::route_group&)> const& mount) const {
        http::router r;
        auto site_area = r.area(http::area::public_site);
        mount(site_area);
        http::dispatcher d(std::move(r), {}, clock);
        d.set_error_renderer(handlers::localized_errors(site));
        return d;
    }
};

} // namespace farol::test
