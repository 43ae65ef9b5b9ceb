#pragma once
#include "http/router.hpp"
#include "util/clock.hpp"

#include <memory>
#include <string>

namespace farol::editor {
class audit_log;
}
namespace farol::store {
class reach_query;
}
namespace farol::view {
class editor_views;
}

namespace farol::handlers::editor_reach {

struct deps {
    std::shared_ptr<view::editor_views const> views;
    store::reach_query const& reach;
    editor::audit_log const& audit;
    util::clock const& clock;
    std::string zone; // site.zone: the days of the rollups and "today" are local there
    unsigned k;       // metrics.k
};

// Admins, editors and analysts (partners get 403):
// GET /editor/reach?from=YYYY-MM-DD&to=YYYY-MM-DD&by=campaign,language: views and readers per day
// (SVG charts, each followed by a table), the chosen grouping with subtotals by its first
// dimension, and views by source (chart and table), all suppressed with k. Default range: the 28
// local days ending today. A bad date, from after to or more than 366 days: 400, the reason beside
// the field. GET /editor/reach.csv with the same query: the grouping as CSV (an attachment),
// recorded in the audit log as "reach.export" with the range and grouping; 400 for bad input.
void mount(http::route_group& r, deps d);

} // namespace farol::handlers::editor_reach
