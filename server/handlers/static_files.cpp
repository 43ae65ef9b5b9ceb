#include "handlers/static_files.hpp"

#include "http/representation.hpp"
#include "http/http_error.hpp"

namespace farol::handlers::static_files {

void mount(http::router& r, deps d) {
    r.get("/s/{hash}/{*name}", [assets = d.assets](http::request_context const& ctx) {
        auto const* a = assets->find(ctx.params[1]);
        // A stale hash is a 404, not the new bytes: immutable URLs must never change meaning.
        if (!a || a->hash != ctx.params[0]) throw http::http_error(http::status::not_found, "No such file.");
        return http::serve(ctx, a->rep);
    }, {.name = "static"});
}

} // namespace farol::handlers::static_files
