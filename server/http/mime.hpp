#pragma once
#include <string_view>

namespace farol::http {

// Content-Type for a file name, by extension; application/octet-stream when unknown.
std::string_view mime_type_for(std::string_view file_name);

// Whether compressing this type pays off (text, JSON, SVG...; not PDF, images, audio).
bool compressible(std::string_view content_type);

} // namespace farol::http
