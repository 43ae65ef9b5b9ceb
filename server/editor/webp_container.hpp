#pragma once
#include <string>
#include <string_view>

namespace farol::editor {

// A WebP file (RFC 9649: a RIFF container of chunks) without its EXIF, "XMP " and ICCP chunks, the
// VP8X header's flags for them cleared and the RIFF size made right; image and animation chunks
// are copied as they are. libvips 8.14's webpsave ignores strip=true and writes EXIF anyway
// (libvips issue 3340), so the stripped WebP is finished here. Throws std::invalid_argument if the
// bytes are not a whole RIFF WebP container.
std::string without_webp_metadata(std::string_view webp);

} // namespace farol::editor
