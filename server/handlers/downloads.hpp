#pragma once
#include "published/site.hpp"
#include "http/router.hpp"

namespace farol::metrics {
class reach_recorder;
}

namespace farol::handlers::downloads {

struct deps {
    published::site_holder const& site;
    metrics::reach_recorder* reach = nullptr; // counts downloads; null: nothing is counted
};

// GET /m/<hash>/<file-name>: immutable material bytes with ranges, so a cut download resumes.
// A full GET or a range from byte 0 of a published campaign's file counts one download.
void mount(http::route_group& r, deps d);

} // namespace farol::handlers::downloads
