#include "handlers/downloads.hpp"

#include "http/http_error.hpp"

namespace farol::handlers::downloads {

void mount(http::route_group& r, deps d) {
    r.get("/m/{hash}/{*name}", [&site = d.site](http::request_context const& ctx) {
        auto const* rep = site.current()->material(ctx.params[0], ctx.params[1]);
        if (!rep) throw http::http_error(http::status::not_found, "No such file.");
        return http::serve(ctx, *rep);
    }, {.name = "material"});
}

} // namespace farol::handlers::downloads
