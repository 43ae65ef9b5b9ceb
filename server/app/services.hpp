#pragma once
#include "content/model.hpp"
#include "util/clock.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace farol::published {
class site_holder;
class static_assets;
}
namespace farol::store {
class search_index;
}
namespace farol::view {
class editor_views;
class page_renderer;
}
namespace farol::editor {
struct editor_services;
}
namespace farol::metrics {
class reach_recorder;
}
namespace farol::partners {
class registry;
}

namespace farol::app {

// What the areas' handlers may use, built once by app/ and handed to mount_areas(). Each area takes
// the few it needs; none gets the database itself (only narrow services such as search_index).
struct services {
    util::clock const& clock;
    util::clock::time_point started_at;
    published::site_holder& site;
    std::shared_ptr<published::static_assets const> assets;
    store::search_index const& search;
    // The renderer exists once the server knows its own address, just after it starts listening.
    std::function<std::shared_ptr<view::page_renderer const>()> pages;
    std::function<bool()> ready;          // the store answers and a site is live
    std::function<std::string()> metrics; // the whole Prometheus exposition
    editor::editor_services& editor;      // accounts, sessions, sign-in, audit (blocking: worker pool)
    std::shared_ptr<view::editor_views const> editor_views;
    std::function<std::string()> export_zip; // the published campaigns as a bundle ZIP (blocking)
    std::function<content::library()> library; // the site's library from the store (blocking)
    std::uint64_t upload_max = 25ull * 1024 * 1024; // bytes of one uploaded file (editor.upload_max)
    metrics::reach_recorder* reach = nullptr; // counts readers on the public routes; null: nothing counted
    std::string own_host;                     // the public URL's host (the beacon believes its Referer)
    partners::registry const* partners = nullptr; // who may frame the widget and count its readers
};

} // namespace farol::app
