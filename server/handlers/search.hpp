#pragma once
#include "published/site.hpp"
#include "http/router.hpp"

#include <functional>
#include <memory>

namespace farol::store {
class search_index;
}
namespace farol::view {
class page_renderer;
}
namespace farol::metrics {
class reach_recorder;
}

namespace farol::handlers::search {

struct deps {
    published::site_holder const& site;
    store::search_index const& index; // full-text search over the store, nothing else of it
    // The renderer exists once the server knows its own address, just after it starts listening.
    std::function<std::shared_ptr<view::page_renderer const>()> pages;
    metrics::reach_recorder* reach = nullptr; // counts a view of each results page; null: none
};

constexpr std::size_t max_query_bytes = 200;
constexpr std::size_t max_results = 20;

// GET /<lang>/search?q=: full-text search (SQLite FTS5) rendered per request on the worker pool.
void mount(http::route_group& r, deps d);

} // namespace farol::handlers::search
