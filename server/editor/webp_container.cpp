#include "editor/webp_container.hpp"

#include <cstdint>
#include <stdexcept>

namespace farol::editor {

namespace {

// VP8X flag bits (RFC 9649 2.7): ICC profile, EXIF, XMP.
constexpr unsigned char vp8x_metadata_flags = 0x20 | 0x08 | 0x04;

std::uint32_t little_endian_32(std::string_view bytes, std::size_t at) {
    std::uint32_t value = 0;
    for (std::size_t i = 4; i-- > 0;) value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
    return value;
}

void put_little_endian_32(std::string& bytes, std::size_t at, std::uint32_t value) {
    for (std::size_t i = 0; i < 4; ++i, value >>= 8) bytes[at + i] = static_cast<char>(value & 0xff);
}

bool is_metadata(std::string_view fourcc) { return fourcc == "EXIF" || fourcc == "XMP " || fourcc == "ICCP"; }

} // namespace

std::string without_webp_metadata(std::string_view webp) {
    if (webp.size() < 12 || webp.substr(0, 4) != "RIFF" || webp.substr(8, 4) != "WEBP")
        throw std::invalid_argument("not a RIFF WebP container");
    std::string out(webp.substr(0, 12));
    for (std::size_t at = 12; at < webp.size();) {
        if (webp.size() - at < 8) throw std::invalid_argument("a WebP chunk header is cut short");
        auto const fourcc = webp.substr(at, 4);
        std::size_t const size = little_endian_32(webp, at + 4);
        std::size_t const padded = size + (size & 1); // chunks are padded to an even length
        if (padded > webp.size() - at - 8) throw std::invalid_argument("a WebP chunk is cut short");
        auto const chunk = webp.substr(at, 8 + padded);
        at += chunk.size();
        if (is_metadata(fourcc)) continue;
        out += chunk;
        if (fourcc == "VP8X" && size > 0) {
            auto& flags = out[out.size() - chunk.size() + 8];
            flags = static_cast<char>(static_cast<unsigned char>(flags) & ~vp8x_metadata_flags);
        }
    }
    put_little_endian_32(out, 4, static_cast<std::uint32_t>(out.size() - 8));
    return out;
}

} // namespace farol::editor
