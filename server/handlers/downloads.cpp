#include "handlers/downloads.hpp"

#include "http/http_error.hpp"
#include "metrics/reach_recorder.hpp"

namespace farol::handlers::downloads {

void mount(http::route_group& r, deps d) {
    r.get("/m/{hash}/{*name}", [&site = d.site, reach = d.reach](http::request_context const& ctx) {
        auto const current = site.current();
        auto const* rep = current->material(ctx.params[0], ctx.params[1]);
        if (!rep) throw http::http_error(http::status::not_found, "No such file.");
        auto res = http::serve(ctx, *rep);
        // A 304 revalidates a copy the reader already has: no new download.
        if (reach && (res.result() == http::status::ok || res.result() == http::status::partial_content))
            if (auto const* owner = current->owner(ctx.params[0], ctx.params[1]))
                reach->download(ctx, owner->campaign, owner->language);
        return res;
    }, {.name = "material"});
}

} // namespace farol::handlers::downloads
