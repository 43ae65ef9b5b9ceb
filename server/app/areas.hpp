#pragma once
#include "app/services.hpp"
#include "http/router.hpp"

namespace farol::app {

// The one place where every area's routes are mounted (public site, ops; editor, api and embed as
// they come), each area's handlers given only the services they use.
http::router mount_areas(services const& s);

} // namespace farol::app
