#include "app/areas.hpp"

#include "handlers/downloads.hpp"
#include "handlers/ops.hpp"
#include "handlers/pages.hpp"
#include "handlers/search.hpp"
#include "handlers/static_files.hpp"

namespace farol::app {

http::router mount_areas(services const& s) {
    http::router r;
    // ops: operators and their probes; plain errors, no cookies.
    auto ops = r.area(http::area::ops);
    handlers::ops::mount(ops, {s.clock, s.started_at, s.ready, s.metrics});
    // public: what readers fetch; errors in the reader's language, never a cookie.
    auto site = r.area(http::area::public_site);
    handlers::static_files::mount(site, {s.assets});
    handlers::pages::mount(site, {s.site});
    handlers::downloads::mount(site, {s.site});
    handlers::search::mount(site, {s.site, s.search, s.pages});
    return r;
}

} // namespace farol::app
