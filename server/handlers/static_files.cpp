#include "handlers/static_files.hpp"

#include "http/representation.hpp"
#include "http/http_error.hpp"

#include <optional>

namespace farol::handlers::static_files {

namespace {

// Fixed URLs can change meaning when the icon does: a day's cache, revalidated by ETag.
constexpr char root_cache[] = "public, max-age=86400";

// GET `path` answers the static asset `name` (404 when static/ lacks it) under root_cache.
void mount_root(http::route_group& r, published::static_assets const& assets, std::string_view path,
                std::string_view name, std::string route_name) {
    std::optional<http::representation> rep;
    if (auto const* a = assets.find(name)) {
        rep = a->rep; // shares the bytes; only the caching differs
        rep->cache_control = root_cache;
    }
    r.get(path, [rep = std::move(rep)](http::request_context const& ctx) {
        if (!rep) throw http::http_error(http::status::not_found, "No such file.");
        return http::serve(ctx, *rep);
    }, {.name = std::move(route_name)});
}

} // namespace

void mount(http::route_group& r, deps d) {
    r.get("/s/{hash}/{*name}", [assets = d.assets](http::request_context const& ctx) {
        auto const* a = assets->find(ctx.params[1]);
        // A stale hash is a 404, not the new bytes: immutable URLs must never change meaning.
        if (!a || a->hash != ctx.params[0]) throw http::http_error(http::status::not_found, "No such file.");
        return http::serve(ctx, a->rep);
    }, {.name = "static"});
    // Browsers ask for these by name whatever the page links.
    mount_root(r, *d.assets, "/favicon.ico", "img/favicon.ico", "favicon");
    mount_root(r, *d.assets, "/apple-touch-icon.png", "img/apple-touch-icon.png", "apple_touch_icon");
}

} // namespace farol::handlers::static_files
