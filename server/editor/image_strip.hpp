#pragma once
#include <filesystem>
#include <string_view>

namespace farol::editor {

// Re-encodes a PNG, JPEG or WebP (media_type image/png, image/jpeg, image/webp) from its decoded
// pixels with libvips, upright (EXIF orientation applied), in sRGB when it had an ICC profile, and
// saved with no EXIF, XMP, IPTC, ICC or text chunk: JPEG and PNG with strip=true, WebP with those
// chunks cut from its container (an animation keeps its frames, delays and loop count). The decoder
// is the one for media_type, never libvips's guess. Starts libvips once per process on first use. Throws
// strip_error for an image libvips cannot decode (corrupt, truncated) or over 100 million pixels.
void strip_image(std::filesystem::path const& in, std::filesystem::path const& out, std::string_view media_type);

} // namespace farol::editor
