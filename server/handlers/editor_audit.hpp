#pragma once
#include "http/router.hpp"

#include <memory>

namespace farol::editor {
class audit_log;
}
namespace farol::view {
class editor_views;
}

namespace farol::handlers::editor_audit {

struct deps {
    std::shared_ptr<view::editor_views const> views;
    editor::audit_log const& audit;
};

constexpr std::size_t page_size = 50;
constexpr std::size_t max_export_rows = 100000;

// Admins only: GET /editor/audit?user=&action=&from=YYYY-MM-DD&until=YYYY-MM-DD&page=N (newest
// first), and GET /editor/audit.csv with the same filters (RFC 4180, formulas neutralised).
void mount(http::route_group& r, deps d);

} // namespace farol::handlers::editor_audit
