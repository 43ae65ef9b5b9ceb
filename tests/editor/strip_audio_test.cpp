#include "editor/strip_metadata.hpp"

#include "editor/mp4_user_data.hpp"
#include "editor/upload_corpus.hpp"
#include "editor/upload_type.hpp"
#include "support/temp_dir.hpp"

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
namespace uploads = farol::test::uploads;
namespace fs = std::filesystem;

namespace {

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

} // namespace

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
