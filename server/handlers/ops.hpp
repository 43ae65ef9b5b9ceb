#pragma once
#include "http/router.hpp"
#include "util/clock.hpp"

#include <functional>
#include <string>

namespace farol::handlers::ops {

struct deps {
    util::clock const& clock;
    util::clock::time_point started_at;
    std::function<bool()> ready;            // database and templates are loaded
    std::function<std::string()> metrics;   // the whole Prometheus exposition
};

// GET /healthz (liveness), /readyz (readiness), /metrics (Prometheus text format).
void mount(http::route_group& r, deps d);

} // namespace farol::handlers::ops
