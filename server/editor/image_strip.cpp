#include "editor/image_strip.hpp"

#include "editor/strip_metadata.hpp"
#include "editor/upload_bytes.hpp"
#include "editor/webp_container.hpp"

#include <vips/vips8>

#include <cerrno>
#include <fstream>
#include <mutex>
#include <stdexcept>
#include <string>
#include <system_error>

namespace farol::editor {

namespace {

using vips::VImage;

// A decoder bomb guard: a small file can declare a huge canvas. 100 million pixels is above any
// phone camera in use (up to 200 MP exist but save 12-50 MP by default) and is ~300 MB decoded.
constexpr double max_pixels = 100e6;
constexpr int lossy_quality = 90;

void start_vips() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (VIPS_INIT("farol") != 0)
            throw std::runtime_error("libvips cannot start: " + std::string(vips_error_buffer()));
        // libvips caches loads by file name; an upload's temporary name can come back with other bytes.
        vips_cache_set_max(0);
    });
}

VImage load(std::filesystem::path const& in, std::string_view media_type) {
    // fail_on=error: a truncated or corrupt image is an error rather than grey rows at the bottom.
    auto* options = VImage::option()->set("fail_on", VIPS_FAIL_ON_ERROR);
    if (media_type == "image/jpeg") return VImage::jpegload(in.c_str(), options);
    if (media_type == "image/png") return VImage::pngload(in.c_str(), options);
    return VImage::webpload(in.c_str(), options->set("n", -1)); // every frame of an animation
}

// Converts to sRGB with the embedded profile, so dropping the profile keeps the colours. A profile
// lcms cannot use is dropped as it is: slightly off colours beat refusing the image.
VImage without_profile_colours(VImage image) {
    if (image.get_typeof("icc-profile-data") == 0) return image;
    int const depth = image.format() == VIPS_FORMAT_USHORT ? 16 : 8;
    try {
        return image.icc_transform("srgb", VImage::option()->set("embedded", true)->set("depth", depth));
    } catch (vips::VError const&) {
        vips_error_clear();
        return image;
    }
}

void write_file(std::filesystem::path const& out, std::string const& bytes) {
    errno = 0;
    std::ofstream file(out, std::ios::binary | std::ios::trunc);
    file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    file.close();
    if (!file)
        throw std::system_error(errno != 0 ? errno : EIO, std::generic_category(), "cannot write " + out.string());
}

// libvips 8.14's webpsave ignores strip=true (and with it would drop an animation's loop count), so
// the WebP is encoded whole and its metadata chunks removed from the container.
void save_webp(VImage const& image, std::filesystem::path const& out, bool lossless) {
    auto* options = lossless ? VImage::option()->set("lossless", true) : VImage::option()->set("Q", lossy_quality);
    VipsBlob* blob = image.webpsave_buffer(options);
    std::size_t size = 0;
    auto const* data = static_cast<char const*>(vips_blob_get(blob, &size));
    std::string const encoded(data, size);
    vips_area_unref(VIPS_AREA(blob));
    write_file(out, without_webp_metadata(encoded));
}

void save(VImage const& image, std::filesystem::path const& out, std::string_view media_type, bool lossless) {
    if (media_type == "image/jpeg") {
        image.jpegsave(out.c_str(),
                       VImage::option()->set("strip", true)->set("Q", lossy_quality)->set("optimize_coding", true));
    } else if (media_type == "image/png") {
        image.pngsave(out.c_str(), VImage::option()->set("strip", true));
    } else {
        save_webp(image, out, lossless);
    }
}

} // namespace

void strip_image(std::filesystem::path const& in, std::filesystem::path const& out, std::string_view media_type) {
    if (media_type != "image/jpeg" && media_type != "image/png" && media_type != "image/webp")
        throw std::invalid_argument("not an image type: " + std::string(media_type));
    start_vips();
    bool const lossless = media_type == "image/webp" && is_lossless_webp(in);
    try {
        VImage image = load(in, media_type);
        if (double(image.width()) * image.height() > max_pixels)
            throw strip_error("the image is larger than 100 million pixels");
        // autorot turns a still image upright and drops its orientation tag; an animation's frames
        // are stacked in one tall image, which turning would scramble.
        if (vips_image_get_page_height(image.get_image()) == image.height()) image = image.autorot();
        save(without_profile_colours(image), out, media_type, lossless);
    } catch (vips::VError const& e) {
        std::string reason = e.what();
        vips_error_clear();
        if (auto const line = reason.find('\n'); line != std::string::npos) reason.resize(line);
        throw strip_error("the image cannot be read: " + reason);
    }
}

} // namespace farol::editor
