#include "editor/webp_container.hpp"

#include "editor/upload_corpus.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

using farol::editor::without_webp_metadata;
namespace uploads = farol::test::uploads;

namespace {

// The top-level chunk types of a WebP, in order.
std::string chunk_types(std::string_view webp) {
    std::string types;
    for (std::size_t at = 12; at + 8 <= webp.size();) {
        std::uint32_t size = 0;
        for (std::size_t i = 4; i-- > 0;) size = (size << 8) | static_cast<unsigned char>(webp[at + 4 + i]);
        types += std::string(webp.substr(at, 4)) + ",";
        at += 8 + size + (size & 1);
    }
    return types;
}

std::uint32_t riff_size(std::string_view webp) {
    std::uint32_t size = 0;
    for (std::size_t i = 4; i-- > 0;) size = (size << 8) | static_cast<unsigned char>(webp[4 + i]);
    return size;
}

} // namespace

TEST_CASE("a WebP container loses its EXIF, XMP and ICC chunks and their VP8X flags", "[upload]") {
    auto const tagged = uploads::image_with_metadata(".webp[lossless]");
    REQUIRE(chunk_types(tagged) == "VP8X,VP8L,EXIF,XMP ,");
    REQUIRE((static_cast<unsigned char>(tagged[20]) & 0x0c) == 0x0c); // EXIF and XMP flags
    auto const clean = without_webp_metadata(tagged);
    CHECK(chunk_types(clean) == "VP8X,VP8L,");
    CHECK((static_cast<unsigned char>(clean[20]) & 0x2c) == 0);
    CHECK(riff_size(clean) == clean.size() - 8);
    CHECK(clean.find("Ana Silva") == std::string::npos);
    auto const before = vips::VImage::new_from_buffer(tagged, "");
    auto const after = vips::VImage::new_from_buffer(clean, "");
    CHECK(after.get_typeof("exif-data") == 0);
    CHECK(after.get_typeof("xmp-data") == 0);
    CHECK((after - before).abs().max() == 0); // the same pixels
}

TEST_CASE("a WebP without metadata comes out byte for byte", "[upload]") {
    // libvips 8.14 writes an EXIF chunk into every WebP, so the plain file is made here.
    auto const plain = without_webp_metadata(uploads::encode(uploads::two_tone(), ".webp"));
    REQUIRE(chunk_types(plain) == "VP8X,VP8 ,");
    CHECK(without_webp_metadata(plain) == plain);
}

TEST_CASE("bytes that are not a whole WebP container are refused", "[upload]") {
    auto const plain = uploads::encode(uploads::two_tone(), ".webp");
    CHECK_THROWS_AS(without_webp_metadata("RIFF\x04\0\0\0WEBX"), std::invalid_argument);
    CHECK_THROWS_AS(without_webp_metadata(plain.substr(0, plain.size() - 3)), std::invalid_argument);
    CHECK_THROWS_AS(without_webp_metadata(plain.substr(0, 15)), std::invalid_argument);
}
