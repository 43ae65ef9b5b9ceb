#include "editor/strip_metadata.hpp"

#include "editor/mp4_user_data.hpp"
#include "editor/upload_bytes.hpp"
#include "editor/upload_corpus.hpp"
#include "editor/upload_type.hpp"
#include "support/temp_dir.hpp"

// qpdf 11 asks new code to say it needs no PointerHolder; its header warns otherwise (-Werror).
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <taglib/apetag.h>
#include <taglib/id3v1tag.h>
#include <taglib/id3v2tag.h>
#include <taglib/mp4file.h>
#include <taglib/mpegfile.h>
#include <taglib/opusfile.h>
#include <taglib/tpropertymap.h>
#include <taglib/vorbisfile.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
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

TEST_CASE("an MP3 loses its ID3v1, ID3v2 and APE tags and keeps its audio frames byte for byte", "[upload]") {
    farol::test::temp_dir dir;
    auto const frames = uploads::mp3_frames(40);
    uploads::write_bytes(dir / "in.mp3", frames);
    {
        TagLib::MPEG::File tagged((dir / "in.mp3").c_str());
        tagged.ID3v2Tag(true)->setTitle("Fixture title");
        tagged.ID3v2Tag()->setArtist("Ana Silva");
        tagged.ID3v1Tag(true)->setArtist("Ana Silva");
        tagged.APETag(true)->setComment("Recorded at 38.7223,-9.1393");
        REQUIRE(tagged.save(TagLib::MPEG::File::AllTags, TagLib::File::StripNone, TagLib::ID3v2::v4,
                            TagLib::File::DoNotDuplicate));
    }
    {
        TagLib::MPEG::File before((dir / "in.mp3").c_str());
        REQUIRE((before.hasID3v2Tag() && before.hasID3v1Tag() && before.hasAPETag()));
        REQUIRE(before.ID3v2Tag()->artist() == "Ana Silva");
        REQUIRE(farol::editor::check_upload(dir / "in.mp3", "in.mp3").ok);
    }
    strip_metadata(dir / "in.mp3", dir / "out.mp3", "audio/mpeg");
    TagLib::MPEG::File out((dir / "out.mp3").c_str());
    CHECK_FALSE(out.hasID3v2Tag());
    CHECK_FALSE(out.hasID3v1Tag());
    CHECK_FALSE(out.hasAPETag());
    CHECK(out.properties().isEmpty());
    REQUIRE(out.audioProperties() != nullptr);
    CHECK(out.audioProperties()->bitrate() == 128);
    CHECK(out.audioProperties()->sampleRate() == 44100);
    CHECK(uploads::read_bytes(dir / "out.mp3") == frames);
    CHECK(uploads::read_bytes(dir / "in.mp3") != frames); // the input is left as it was
}

namespace {

template <typename ogg_file> void check_ogg_stripped(std::string const& fixture, std::string const& name) {
    farol::test::temp_dir dir;
    int length = 0;
    {
        ogg_file before(uploads::fixture(fixture).c_str());
        REQUIRE(before.properties()["ARTIST"].toString() == "Ana Silva");
        REQUIRE(before.properties().contains("DESCRIPTION"));
        length = before.audioProperties()->lengthInMilliseconds();
    }
    strip_metadata(uploads::fixture(fixture), dir / name, "audio/ogg");
    ogg_file out((dir / name).c_str());
    REQUIRE(out.isValid());
    CHECK(out.tag()->fieldCount() == 0);
    CHECK(out.tag()->pictureList().isEmpty());
    CHECK(out.properties().isEmpty());
    CHECK_FALSE(out.tag()->vendorID().isEmpty()); // the encoder's name stays
    CHECK(out.audioProperties()->lengthInMilliseconds() == length);
    CHECK_FALSE(contains(uploads::read_bytes(dir / name), "Ana Silva"));
    CHECK(farol::editor::check_upload(dir / name, name).ok);
}

} // namespace

TEST_CASE("an Ogg Opus or Vorbis file loses every comment field and keeps its audio", "[upload]") {
    check_ogg_stripped<TagLib::Ogg::Opus::File>("tagged.opus", "out.opus");
    check_ogg_stripped<TagLib::Ogg::Vorbis::File>("tagged.ogg", "out.ogg");
}

namespace {

// Every box of an MP4 as "parent/child" paths with their sizes, walking the containers on the path
// to user data (ISO/IEC 14496-12; meta is a full box, 4 bytes of version and flags first).
void mp4_boxes(std::string_view bytes, std::string const& parent, std::vector<std::string>& out) {
    for (std::size_t at = 0; at + 8 <= bytes.size();) {
        std::size_t size = 0;
        for (std::size_t i = 0; i < 4; ++i) size = (size << 8) | static_cast<unsigned char>(bytes[at + i]);
        REQUIRE((size >= 8 && size <= bytes.size() - at));
        auto const path = parent + std::string(bytes.substr(at + 4, 4));
        out.push_back(path);
        auto const type = bytes.substr(at + 4, 4);
        std::size_t const skip = type == "meta" ? 12 : 8;
        if (type == "moov" || type == "udta" || type == "trak" || type == "meta")
            mp4_boxes(bytes.substr(at + skip, size - skip), path + "/", out);
        at += size;
    }
}

std::vector<std::string> mp4_boxes(std::string_view bytes) {
    std::vector<std::string> out;
    mp4_boxes(bytes, "", out);
    return out;
}

bool has(std::vector<std::string> const& list, std::string const& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

} // namespace

TEST_CASE("an M4A loses every metadata item, cover art included, its location box, and keeps its audio",
          "[upload]") {
    farol::test::temp_dir dir;
    int length = 0;
    {
        TagLib::MP4::File before(uploads::fixture("tagged.m4a").c_str());
        REQUIRE(before.tag()->contains("covr"));
        REQUIRE(before.tag()->contains("\251ART"));
        length = before.audioProperties()->lengthInMilliseconds();
        REQUIRE(has(mp4_boxes(uploads::read_bytes(uploads::fixture("tagged.m4a"))), "moov/udta/loci"));
    }
    strip_metadata(uploads::fixture("tagged.m4a"), dir / "out.m4a", "audio/mp4");
    TagLib::MP4::File out((dir / "out.m4a").c_str());
    REQUIRE(out.isValid());
    CHECK(out.tag()->itemMap().isEmpty());
    CHECK(out.audioProperties()->lengthInMilliseconds() == length);
    auto const boxes = mp4_boxes(uploads::read_bytes(dir / "out.m4a"));
    CHECK_FALSE(has(boxes, "moov/udta/loci"));
    CHECK(has(boxes, "moov/udta/free"));
    CHECK(has(boxes, "moov/udta/meta/hdlr"));
    CHECK(has(boxes, "moov/trak")); // the audio track is still there
    auto const bytes = uploads::read_bytes(dir / "out.m4a");
    CHECK_FALSE(contains(bytes, "Ana Silva"));
    CHECK_FALSE(contains(bytes, "Fixture title"));
    CHECK(farol::editor::check_upload(dir / "out.m4a", "out.m4a").media_type == "audio/mp4");
}

TEST_CASE("audio TagLib cannot parse is a strip_error", "[upload]") {
    farol::test::temp_dir dir;
    uploads::write_bytes(dir / "noise", std::string(4000, 'x'));
    CHECK_THROWS_AS(strip_metadata(dir / "noise", dir / "out.mp3", "audio/mpeg"), strip_error);
    CHECK_THROWS_AS(strip_metadata(dir / "noise", dir / "out.m4a", "audio/mp4"), strip_error);
    CHECK_THROWS_AS(strip_metadata(dir / "noise", dir / "out.ogg", "audio/ogg"), strip_error);
    auto const flac = uploads::ogg_first_page(std::string("\x7f" "FLAC", 5) + std::string(46, '\0'));
    uploads::write_bytes(dir / "flac.ogg", flac);
    CHECK_THROWS_AS(strip_metadata(dir / "flac.ogg", dir / "out.ogg", "audio/ogg"), strip_error);
    CHECK_FALSE(fs::exists(dir / "out.ogg"));
}

TEST_CASE("MP4 user data boxes are blanked in place, QuickTime and 64-bit sizes included", "[upload]") {
    auto const box = [](std::string_view type, std::string const& body) {
        auto const size = static_cast<std::uint32_t>(body.size() + 8);
        std::string header{static_cast<char>(size >> 24), static_cast<char>(size >> 16 & 0xff),
                           static_cast<char>(size >> 8 & 0xff), static_cast<char>(size & 0xff)};
        return header + std::string(type) + body;
    };
    auto const keys_meta = box("meta", box("hdlr", std::string(25, 'h')) + box("keys", "com.apple.quicktime.location"));
    auto const itunes_meta = box("meta", std::string(4, '\0') + box("hdlr", std::string(25, 'h')) +
                                             box("ilst", "") + box("xml ", "<x:xmpmeta>Ana Silva</x:xmpmeta>"));
    // A 64-bit size: size field 1, the type, then the real size over 8 bytes.
    std::string const big_xyz = std::string("\0\0\0\1\251xyz\0\0\0\0\0\0\0\x22", 16) + "+38.7223-009.1393/";
    auto const moov = box("moov", box("mvhd", std::string(100, 'm')) + keys_meta +
                                      box("udta", itunes_meta + big_xyz + box("\251day", "2026-01-01")) +
                                      box("trak", box("tkhd", std::string(84, 't')) + box("udta", "name=Ana")));
    farol::test::temp_dir dir;
    uploads::write_bytes(dir / "a.m4a", box("ftyp", "M4A ") + moov);
    CHECK(farol::editor::blank_mp4_user_data(dir / "a.m4a") == 5); // keys meta, xml, ©xyz, ©day, trak udta
    auto const bytes = uploads::read_bytes(dir / "a.m4a");
    CHECK(bytes.size() == 8 + 4 + moov.size());
    for (auto const* secret : {"Ana Silva", "38.7223", "2026-01-01", "name=Ana", "com.apple"})
        CHECK(bytes.find(secret) == std::string::npos);
    CHECK(bytes.find(std::string(25, 'h')) != std::string::npos); // the iTunes handler stays
    CHECK(farol::editor::blank_mp4_user_data(dir / "a.m4a") == 0); // "free" boxes are left alone
    uploads::write_bytes(dir / "bad.m4a", box("moov", std::string("\0\0\1\0udta", 8)));
    CHECK_THROWS_AS(farol::editor::blank_mp4_user_data(dir / "bad.m4a"), std::invalid_argument);
}
