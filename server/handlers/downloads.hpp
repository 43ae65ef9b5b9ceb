#pragma once
#include "published/site.hpp"
#include "http/router.hpp"

namespace farol::handlers::downloads {

struct deps {
    published::site_holder const& site;
};

// GET /m/<hash>/<file-name>: immutable material bytes with ranges, so a cut download resumes.
void mount(http::route_group& r, deps d);

} // namespace farol::handlers::downloads
