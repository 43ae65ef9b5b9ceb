#pragma once
#include "published/site.hpp"
#include "http/dispatcher.hpp"

namespace farol::handlers {

// Error pages in the reader's language (from the path, else Accept-Language, else the default),
// pre-rendered in the Site: the public area's error style (the dispatcher picks it by area).
http::error_renderer localized_errors(published::site_holder const& site);

} // namespace farol::handlers
