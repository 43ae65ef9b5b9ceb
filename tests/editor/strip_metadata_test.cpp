#include "editor/strip_metadata.hpp"

#include "editor/upload_bytes.hpp"
#include "editor/upload_corpus.hpp"
#include "editor/upload_type.hpp"
#include "support/temp_dir.hpp"

// qpdf 11 asks new code to say it needs no PointerHolder; its header warns otherwise (-Werror).
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <zlib.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <thread>
#include <utility>
#include <vector>

using farol::editor::strip_error;
using farol::editor::strip_metadata;
using vips::VImage;
namespace uploads = farol::test::uploads;
namespace fs = std::filesystem;

namespace {

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

std::vector<std::string> fields(VImage const& image) {
    std::vector<std::string> names;
    char** all = vips_image_get_fields(image.get_image());
    for (char** name = all; *name != nullptr; ++name) names.emplace_back(*name);
    g_strfreev(all);
    return names;
}

// The metadata fields libvips reads from a file: EXIF (and the orientation it gives), XMP, IPTC,
// the ICC profile and PNG text chunks.
std::vector<std::string> metadata_fields(VImage const& image) {
    std::vector<std::string> found;
    for (auto const& name : fields(image)) {
        if (name.starts_with("exif-") || name == "orientation" || name == "xmp-data" || name == "iptc-data" ||
            name == "icc-profile-data" || name.starts_with("png-comment-"))
            found.push_back(name);
    }
    return found;
}

VImage load(fs::path const& file) { return VImage::new_from_file(file.c_str()); }

// Reads an image with metadata back, checks it really carries it, strips it and returns the result.
VImage strip_tagged_image(farol::test::temp_dir const& dir, char const* suffix, std::string const& name,
                          std::string_view media_type) {
    uploads::write_bytes(dir / name, uploads::image_with_metadata(suffix));
    auto const before = load(dir / name);
    REQUIRE(before.get_typeof("exif-ifd3-GPSLatitude") != 0);
    REQUIRE(contains(before.get_string("exif-ifd3-GPSLatitude"), "38/1 43/1 2012/100"));
    REQUIRE(before.get_typeof("exif-ifd3-GPSLongitude") != 0);
    REQUIRE(before.get_typeof("xmp-data") != 0);
    REQUIRE(before.get_int("orientation") == 6);
    REQUIRE(contains(uploads::read_bytes(dir / name), "Ana Silva"));
    strip_metadata(dir / name, dir / ("stripped-" + name), media_type);
    auto const verdict = farol::editor::check_upload(dir / ("stripped-" + name), name);
    CHECK(verdict.media_type == media_type); // still the same kind of file
    CHECK_FALSE(contains(uploads::read_bytes(dir / ("stripped-" + name)), "Ana Silva"));
    return load(dir / ("stripped-" + name));
}

// two_tone() turned upright by orientation 6: 90° clockwise, so its dark left half is now on top.
void check_upright(VImage const& image, double tolerance) {
    CHECK(image.width() == 8);
    CHECK(image.height() == 12);
    CHECK(image.getpoint(4, 1)[0] == Approx(20).margin(tolerance));
    CHECK(image.getpoint(4, 10)[0] == Approx(235).margin(tolerance));
}

} // namespace

TEST_CASE("a JPEG loses its EXIF with the GPS position and its XMP, and is turned upright", "[upload]") {
    farol::test::temp_dir dir;
    auto const out = strip_tagged_image(dir, ".jpg", "photo.jpg", "image/jpeg");
    CHECK(metadata_fields(out).empty());
    CHECK(out.get_typeof("exif-data") == 0);
    CHECK(out.get_typeof("exif-ifd3-GPSLatitude") == 0);
    CHECK(out.get_typeof("xmp-data") == 0);
    check_upright(out, 8);
}

TEST_CASE("a PNG loses its EXIF, XMP and text chunks and keeps its exact pixels", "[upload]") {
    farol::test::temp_dir dir;
    uploads::write_bytes(dir / "probe.png", uploads::image_with_metadata(".png"));
    auto const comments = fields(load(dir / "probe.png"));
    REQUIRE(std::any_of(comments.begin(), comments.end(), [](auto const& f) { return f.starts_with("png-comment-"); }));
    auto const out = strip_tagged_image(dir, ".png", "map.png", "image/png");
    CHECK(metadata_fields(out).empty());
    check_upright(out, 0);
}

TEST_CASE("a WebP loses its EXIF and XMP and stays lossy or lossless as it was", "[upload]") {
    farol::test::temp_dir dir;
    auto const lossy = strip_tagged_image(dir, ".webp", "lossy.webp", "image/webp");
    CHECK(metadata_fields(lossy).empty());
    check_upright(lossy, 8);
    CHECK_FALSE(farol::editor::is_lossless_webp(dir / "stripped-lossy.webp"));
    auto const lossless = strip_tagged_image(dir, ".webp[lossless]", "lossless.webp", "image/webp");
    CHECK(metadata_fields(lossless).empty());
    check_upright(lossless, 0);
    CHECK(farol::editor::is_lossless_webp(dir / "stripped-lossless.webp"));
}

TEST_CASE("an image's ICC profile goes, its colours converted to sRGB first", "[upload]") {
    farol::test::temp_dir dir;
    auto image = uploads::two_tone().copy();
    VipsBlob* profile = VImage::profile_load("srgb");
    std::size_t size = 0;
    void const* data = vips_blob_get(profile, &size);
    vips_image_set_blob_copy(image.get_image(), "icc-profile-data", data, size);
    vips_area_unref(VIPS_AREA(profile));
    uploads::write_bytes(dir / "in.jpg", uploads::encode(image, ".jpg"));
    REQUIRE(load(dir / "in.jpg").get_typeof("icc-profile-data") != 0);
    strip_metadata(dir / "in.jpg", dir / "out.jpg", "image/jpeg");
    auto const out = load(dir / "out.jpg");
    CHECK(out.get_typeof("icc-profile-data") == 0);
    CHECK(out.bands() == 3);
    CHECK(out.getpoint(2, 4)[0] == Approx(20).margin(8));
    CHECK(out.getpoint(9, 4)[0] == Approx(235).margin(8));
}

TEST_CASE("an animated WebP keeps every frame, its delays and its loop count", "[upload]") {
    farol::test::temp_dir dir;
    auto const frame = uploads::two_tone();
    auto frames = frame.join(frame.flip(VIPS_DIRECTION_HORIZONTAL), VIPS_DIRECTION_VERTICAL).copy();
    frames.set("page-height", 8);
    frames.set("delay", std::vector<int>{100, 250});
    frames.set("loop", 3);
    uploads::write_bytes(dir / "in.webp", uploads::encode(frames, ".webp[lossless]"));
    strip_metadata(dir / "in.webp", dir / "out.webp", "image/webp");
    auto const out = VImage::new_from_file((dir / "out.webp").c_str(), VImage::option()->set("n", -1));
    CHECK(out.get_int("n-pages") == 2);
    CHECK(out.get_int("page-height") == 8);
    CHECK(out.get_array_int("delay") == std::vector<int>{100, 250});
    CHECK(out.get_int("loop") == 3);
    CHECK(out.getpoint(1, 1)[0] == 20);  // first frame: dark on the left
    CHECK(out.getpoint(1, 9)[0] == 235); // second frame: mirrored, never turned
}

TEST_CASE("a corrupt or truncated image is a strip_error and leaves no output", "[upload]") {
    farol::test::temp_dir dir;
    auto const noise = VImage::gaussnoise(64, 64).cast(VIPS_FORMAT_UCHAR);
    auto const jpeg = uploads::encode(noise, ".jpg");
    uploads::write_bytes(dir / "truncated.jpg", jpeg.substr(0, jpeg.size() / 2));
    uploads::write_bytes(dir / "out.jpg", "an older file");
    CHECK_THROWS_AS(strip_metadata(dir / "truncated.jpg", dir / "out.jpg", "image/jpeg"), strip_error);
    CHECK_FALSE(fs::exists(dir / "out.jpg"));
    uploads::write_bytes(dir / "garbage.png", "\x89PNG\r\n\x1a\n and then nothing a decoder can use");
    CHECK_THROWS_AS(strip_metadata(dir / "garbage.png", dir / "out.png", "image/png"), strip_error);
    // A PNG named as a JPEG is decoded as a JPEG, and fails: the declared type picks the decoder.
    uploads::write_bytes(dir / "png.jpg", uploads::encode(uploads::two_tone(), ".png"));
    CHECK_THROWS_AS(strip_metadata(dir / "png.jpg", dir / "out.jpg", "image/jpeg"), strip_error);
    try {
        strip_metadata(dir / "truncated.jpg", dir / "out.jpg", "image/jpeg");
    } catch (strip_error const& e) {
        CHECK(contains(e.what(), "the image cannot be read: "));
    }
}

TEST_CASE("a PDF loses its /Info and every XMP stream, and keeps its page", "[upload]") {
    farol::test::temp_dir dir;
    uploads::write_bytes(dir / "in.pdf", uploads::pdf(true));
    QPDF in;
    in.processFile((dir / "in.pdf").c_str());
    REQUIRE(in.getTrailer().getKey("/Info").getKey("/Author").getUTF8Value() == "Ana Silva");
    REQUIRE(in.getRoot().getKey("/Metadata").isStream());
    strip_metadata(dir / "in.pdf", dir / "out.pdf", "application/pdf");

    QPDF out;
    out.processFile((dir / "out.pdf").c_str());
    CHECK_FALSE(out.getTrailer().hasKey("/Info"));
    CHECK_FALSE(out.getRoot().hasKey("/Metadata"));
    for (auto& object : out.getAllObjects()) {
        auto dict = object.isStream() ? object.getDict() : object;
        if (dict.isDictionary()) CHECK_FALSE(dict.hasKey("/Metadata"));
    }
    CHECK_FALSE(contains(uploads::read_bytes(dir / "out.pdf"), "Ana Silva"));
    auto const pages = QPDFPageDocumentHelper(out).getAllPages();
    REQUIRE(pages.size() == 1);
    auto page = pages.front().getObjectHandle();
    CHECK(page.getKey("/MediaBox").unparse() == "[ 0 0 200 100 ]");
    auto const content = page.getKey("/Contents").getRawStreamData();
    CHECK(std::string(reinterpret_cast<char const*>(content->getBuffer()), content->getSize()) == "0 0 m 200 100 l S");
    CHECK(out.getTrailer().getKey("/ID").unparse() != in.getTrailer().getKey("/ID").unparse());
}

TEST_CASE("stripping a PDF twice gives the same bytes", "[upload]") {
    farol::test::temp_dir dir;
    uploads::write_bytes(dir / "in.pdf", uploads::pdf(true));
    strip_metadata(dir / "in.pdf", dir / "a.pdf", "application/pdf");
    strip_metadata(dir / "in.pdf", dir / "b.pdf", "application/pdf");
    CHECK(uploads::read_bytes(dir / "a.pdf") == uploads::read_bytes(dir / "b.pdf"));
}

TEST_CASE("an encrypted PDF that opens without a password keeps its encryption, not its /Info", "[upload]") {
    farol::test::temp_dir dir;
    uploads::write_bytes(dir / "in.pdf", uploads::pdf(true, ""));
    strip_metadata(dir / "in.pdf", dir / "out.pdf", "application/pdf");
    QPDF out;
    out.processFile((dir / "out.pdf").c_str());
    CHECK(out.isEncrypted());
    CHECK_FALSE(out.getTrailer().hasKey("/Info"));
    CHECK_FALSE(out.getRoot().hasKey("/Metadata"));
}

TEST_CASE("a PDF that needs a password or cannot be read is a strip_error", "[upload]") {
    farol::test::temp_dir dir;
    uploads::write_bytes(dir / "locked.pdf", uploads::pdf(true, "secret"));
    try {
        strip_metadata(dir / "locked.pdf", dir / "out.pdf", "application/pdf");
        FAIL("a password-protected PDF was stripped");
    } catch (strip_error const& e) {
        CHECK(std::string(e.what()) == "the PDF needs a password to open");
    }
    CHECK_FALSE(fs::exists(dir / "out.pdf"));
    uploads::write_bytes(dir / "broken.pdf", "%PDF-1.7\nnot a single object here\n%%EOF\n");
    CHECK_THROWS_AS(strip_metadata(dir / "broken.pdf", dir / "out.pdf", "application/pdf"), strip_error);
}

TEST_CASE("only the media types check_upload gives are stripped, never in place", "[upload]") {
    farol::test::temp_dir dir;
    uploads::write_bytes(dir / "a.jpg", uploads::encode(uploads::two_tone(), ".jpg"));
    CHECK_THROWS_AS(strip_metadata(dir / "a.jpg", dir / "b.gif", "image/gif"), std::invalid_argument);
    CHECK_THROWS_AS(strip_metadata(dir / "a.jpg", dir / "b.svg", "image/svg+xml"), std::invalid_argument);
    CHECK_THROWS_AS(strip_metadata(dir / "a.jpg", dir / "a.jpg", "image/jpeg"), std::invalid_argument);
    CHECK(fs::exists(dir / "a.jpg"));
}

TEST_CASE("each stripped media type has a sentence saying what it loses", "[upload]") {
    using farol::editor::removed_metadata_summary;
    CHECK(contains(removed_metadata_summary("image/jpeg"), "GPS position"));
    CHECK(removed_metadata_summary("image/png") == removed_metadata_summary("image/webp"));
    CHECK(contains(removed_metadata_summary("application/pdf"), "author"));
    CHECK(contains(removed_metadata_summary("audio/mpeg"), "ID3v2"));
    CHECK(contains(removed_metadata_summary("audio/ogg"), "comment field"));
    CHECK(contains(removed_metadata_summary("audio/mp4"), "cover art"));
    CHECK(removed_metadata_summary("text/html").empty());
}

TEST_CASE("an image over 100 million pixels is refused before it is decoded", "[upload]") {
    auto png = uploads::encode(uploads::two_tone(), ".png");
    // IHDR's width and height, 20000 x 6000, and its CRC over type and data again.
    png.replace(16, 8, std::string("\0\0\x4e\x20\0\0\x17\x70", 8));
    auto const crc = crc32(0, reinterpret_cast<Bytef const*>(png.data() + 12), 17);
    png.replace(29, 4, std::string{static_cast<char>(crc >> 24), static_cast<char>(crc >> 16 & 0xff),
                                   static_cast<char>(crc >> 8 & 0xff), static_cast<char>(crc & 0xff)});
    farol::test::temp_dir dir;
    uploads::write_bytes(dir / "huge.png", png);
    REQUIRE(load(dir / "huge.png").width() == 20000);
    try {
        strip_metadata(dir / "huge.png", dir / "out.png", "image/png");
        FAIL("a 120-megapixel image was decoded");
    } catch (strip_error const& e) {
        CHECK(std::string(e.what()) == "the image is larger than 100 million pixels");
    }
}

TEST_CASE("images are stripped from several threads at once", "[upload]") {
    farol::test::temp_dir dir;
    uploads::write_bytes(dir / "in.jpg", uploads::image_with_metadata(".jpg"));
    std::vector<std::thread> threads;
    std::vector<int> clean(4, 0);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 5; ++i) {
                auto const out = dir / ("out-" + std::to_string(t) + "-" + std::to_string(i) + ".jpg");
                strip_metadata(dir / "in.jpg", out, "image/jpeg");
                clean[t] += !contains(uploads::read_bytes(out), "Ana Silva");
            }
        });
    }
    for (auto& thread : threads) thread.join();
    CHECK(clean == std::vector<int>(4, 5));
}

TEST_CASE("every accepted upload comes out stripped as the same accepted type", "[upload]") {
    // ID3v2.3 with one TPE1 (artist) frame: header, syncsafe size 20, frame header, Latin-1 text.
    auto const id3 = std::string("ID3\x03\0\0\0\0\0\x14", 10) + std::string("TPE1\0\0\0\x0a\0\0\0", 11) + "Ana Silva";
    std::vector<std::pair<std::string, std::string>> const samples{
        {"leaflet.pdf", uploads::pdf(true)},
        {"map.png", uploads::image_with_metadata(".png")},
        {"photo.jpeg", uploads::image_with_metadata(".jpg")},
        {"photo.webp", uploads::image_with_metadata(".webp")},
        {"spot.mp3", id3 + uploads::mp3_frames(20)},
        {"spot.opus", uploads::read_bytes(uploads::fixture("tagged.opus"))},
        {"spot.ogg", uploads::read_bytes(uploads::fixture("tagged.ogg"))},
        {"spot.m4a", uploads::read_bytes(uploads::fixture("tagged.m4a"))},
    };
    farol::test::temp_dir dir;
    for (auto const& [name, bytes] : samples) {
        INFO(name);
        REQUIRE(contains(bytes, "Ana Silva"));
        uploads::write_bytes(dir / name, bytes);
        auto const verdict = farol::editor::check_upload(dir / name, name);
        REQUIRE(verdict.ok);
        strip_metadata(dir / name, dir / ("stripped-" + name), verdict.media_type);
        auto const after = farol::editor::check_upload(dir / ("stripped-" + name), name);
        CHECK(after.ok);
        CHECK(after.media_type == verdict.media_type);
        CHECK_FALSE(contains(uploads::read_bytes(dir / ("stripped-" + name)), "Ana Silva"));
    }
}
