#include "app/areas.hpp"

#include "handlers/downloads.hpp"
#include "handlers/ops.hpp"
#include "handlers/pages.hpp"
#include "handlers/search.hpp"
#include "handlers/static_files.hpp"

namespace farol::app {

http::router mount_areas(services const& s) {
    http::router r;
    // ops: operators and their probes.
    handlers::ops::mount(r, {s.clock, s.started_at, s.ready, s.metrics});
    // public: what readers fetch.
    handlers::static_files::mount(r, {s.assets});
    handlers::pages::mount(r, {s.site});
    handlers::downloads::mount(r, {s.site});
    handlers::search::mount(r, {s.site, s.search, s.pages});
    return r;
}

} // namespace farol::app
