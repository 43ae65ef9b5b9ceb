#pragma once
#include <string_view>

namespace farol::http {

// Whether compressing this type pays off (text, JSON, SVG...; not PDF, images, audio). Media types
// by file name are util/media_types.hpp's.
bool compressible(std::string_view content_type);

} // namespace farol::http
