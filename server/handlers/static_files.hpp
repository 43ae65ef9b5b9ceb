#pragma once
#include "published/static_assets.hpp"
#include "http/router.hpp"

#include <memory>

namespace farol::handlers::static_files {

struct deps {
    std::shared_ptr<published::static_assets const> assets;
};

// GET /s/<hash>/<name>: immutable, content-hashed, pre-compressed assets; /favicon.ico and
// /apple-touch-icon.png: the same icons at the fixed URLs browsers ask for, cached for a day.
void mount(http::route_group& r, deps d);

} // namespace farol::handlers::static_files
