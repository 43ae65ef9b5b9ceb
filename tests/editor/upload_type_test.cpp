#include "editor/upload_type.hpp"

#include "editor/upload_corpus.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <system_error>
#include <thread>
#include <vector>

using farol::editor::check_upload;
using farol::editor::upload_problem_message;
using farol::editor::upload_verdict;
namespace uploads = farol::test::uploads;

namespace {

// Writes the bytes under a fixed stored name (as the handler's temporary file has) and checks them
// as if the client had named them `client_name`.
upload_verdict check_bytes(std::string_view bytes, std::string_view client_name) {
    farol::test::temp_dir dir;
    uploads::write_bytes(dir / "upload.tmp", bytes);
    return check_upload(dir / "upload.tmp", client_name);
}

void require_accepted(upload_verdict const& v, std::string_view found, std::string_view media_type,
                      std::string_view kind) {
    INFO(v.detected << " / " << v.problem << " / " << upload_problem_message(v));
    REQUIRE(v.ok);
    CHECK(v.problem.empty());
    CHECK(v.found == found);
    CHECK(v.media_type == media_type);
    CHECK(v.kind == kind);
    CHECK(upload_problem_message(v).empty());
}

void require_refused(upload_verdict const& v, std::string_view problem, std::string_view found) {
    INFO(v.detected << " / " << upload_problem_message(v));
    CHECK_FALSE(v.ok);
    CHECK(v.problem == problem);
    CHECK(v.found == found);
    CHECK(v.media_type.empty());
    CHECK(v.kind.empty());
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

} // namespace

TEST_CASE("each allowed type is accepted under its own extensions, in any case", "[upload]") {
    auto const png = uploads::encode(uploads::two_tone(), ".png");
    auto const jpeg = uploads::encode(uploads::two_tone(), ".jpg");
    require_accepted(check_bytes(uploads::pdf(false), "Leaflet.pdf"), "pdf", "application/pdf", "pdf");
    require_accepted(check_bytes(png, "map.png"), "png", "image/png", "image");
    require_accepted(check_bytes(png, "MAP.PNG"), "png", "image/png", "image");
    require_accepted(check_bytes(jpeg, "photo.jpg"), "jpeg", "image/jpeg", "image");
    require_accepted(check_bytes(jpeg, "Photo.JPEG"), "jpeg", "image/jpeg", "image");
    require_accepted(check_bytes(jpeg, "C:\\Users\\ana\\photo.jpeg"), "jpeg", "image/jpeg", "image");
    require_accepted(check_bytes(uploads::encode(uploads::two_tone(), ".webp"), "a.webp"), "webp", "image/webp",
                     "image");
    require_accepted(check_bytes(uploads::encode(uploads::two_tone(), ".webp[lossless]"), "b.WebP"), "webp",
                     "image/webp", "image");
    require_accepted(check_bytes(uploads::mp3_frames(20), "spot.mp3"), "mp3", "audio/mpeg", "audio");
    auto const opus = uploads::read_bytes(uploads::fixture("tagged.opus"));
    require_accepted(check_bytes(opus, "spot.opus"), "ogg", "audio/ogg", "audio");
    require_accepted(check_bytes(opus, "spot.ogg"), "ogg", "audio/ogg", "audio");
    require_accepted(check_bytes(opus, "spot.oga"), "ogg", "audio/ogg", "audio");
    require_accepted(check_bytes(uploads::read_bytes(uploads::fixture("tagged.ogg")), "spot.ogg"), "ogg",
                     "audio/ogg", "audio");
    require_accepted(check_bytes(uploads::read_bytes(uploads::fixture("tagged.m4a")), "spot.M4A"), "m4a",
                     "audio/mp4", "audio");
}

TEST_CASE("an MP3 with an ID3v2 tag in front is still an MP3", "[upload]") {
    // "ID3", version 2.4, no flags, syncsafe size 10, then one 0-byte-padded frame area.
    auto const tagged = std::string("ID3\x04\x00\x00\x00\x00\x00\x0a", 10) + std::string(10, '\0') +
                        uploads::mp3_frames(20);
    require_accepted(check_bytes(tagged, "spot.mp3"), "mp3", "audio/mpeg", "audio");
}

TEST_CASE("MP4 audio needs the M4A brand, major or compatible", "[upload]") {
    auto m4a = uploads::read_bytes(uploads::fixture("tagged.m4a"));
    REQUIRE(m4a.substr(4, 12) == std::string("ftypM4A \0\0\x02\0", 12));
    m4a.replace(8, 4, "mp42"); // libmagic now says video/mp4; "M4A " is still a compatible brand
    auto const compatible = check_bytes(m4a, "spot.m4a");
    CHECK(contains(compatible.detected, "MP4 v2"));
    require_accepted(compatible, "m4a", "audio/mp4", "audio");
    for (std::size_t at = m4a.find("M4A "); at < 28; at = m4a.find("M4A ")) m4a.replace(at, 4, "isom");
    require_refused(check_bytes(m4a, "spot.m4a"), "upload.not_allowed", "other");
}

TEST_CASE("an Ogg stream other than Vorbis or Opus is refused", "[upload]") {
    auto const flac = uploads::ogg_first_page(std::string("\x7f" "FLAC\x01\x00\x00\x01" "fLaC", 13) +
                                              std::string(38, '\0'));
    auto const v = check_bytes(flac, "spot.ogg");
    require_refused(v, "upload.not_allowed", "other");
    CHECK(contains(v.detected, "Ogg data"));
    CHECK(contains(upload_problem_message(v), "Ogg data"));
}

TEST_CASE("HTML named .pdf is refused as HTML", "[upload]") {
    auto const v = check_bytes("<!DOCTYPE html>\n<html><body><script>alert(1)</script></body></html>\n", "cv.pdf");
    require_refused(v, "upload.not_allowed", "html");
    CHECK(contains(v.detected, "HTML document"));
    CHECK(contains(upload_problem_message(v), "the file is an HTML document (HTML document"));
}

TEST_CASE("an SVG with a script named .png is refused as SVG", "[upload]") {
    auto const v = check_bytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.domain)</script>"
                               "<circle r=\"4\"/></svg>\n",
                               "logo.png");
    require_refused(v, "upload.not_allowed", "svg");
    CHECK(contains(upload_problem_message(v), "an SVG image"));
}

TEST_CASE("XML and scripts are refused as what they are", "[upload]") {
    require_refused(check_bytes("<?xml version=\"1.0\"?>\n<note><to>Ana</to></note>\n", "a.pdf"), "upload.not_allowed",
                    "xml");
    require_refused(check_bytes("#!/bin/sh\nrm -rf /tmp/x\n", "a.mp3"), "upload.not_allowed", "script");
    require_refused(check_bytes("<?php system($_GET['c']); ?>\n", "a.jpg"), "upload.not_allowed", "script");
    require_refused(check_bytes("#!/usr/bin/env python3\nimport os\nos.system('id')\n", "a.png"),
                    "upload.not_allowed", "script");
    require_refused(check_bytes("#!/usr/bin/env node\nconsole.log(process.env)\n", "a.ogg"), "upload.not_allowed",
                    "script");
    require_refused(check_bytes("Just some notes.\n", "notes.pdf"), "upload.not_allowed", "text");
}

TEST_CASE("archives are refused naming the archive", "[upload]") {
    auto const zip = check_bytes(uploads::zip_archive("hello"), "song.mp3");
    require_refused(zip, "upload.not_allowed", "archive");
    CHECK(contains(zip.detected, "Zip archive"));
    CHECK(contains(upload_problem_message(zip), "the file is an archive (Zip archive data"));
    auto const tar = check_bytes(uploads::tar_archive("hello"), "a.pdf");
    require_refused(tar, "upload.not_allowed", "archive");
    CHECK(contains(tar.detected, "tar archive"));
    std::string const gzip("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x03\x00\x00\x00\x00\x00\x00\x00\x00\x00", 20);
    require_refused(check_bytes(gzip, "a.pdf"), "upload.not_allowed", "archive");
    require_refused(check_bytes(std::string("7z\xbc\xaf\x27\x1c\x00\x04", 8) + std::string(24, '\0'), "a.pdf"),
                    "upload.not_allowed", "archive");
    require_refused(check_bytes(std::string("Rar!\x1a\x07\x01\x00", 8) + std::string(24, '\0'), "a.pdf"),
                    "upload.not_allowed", "archive");
}

TEST_CASE("executables are refused naming the executable", "[upload]") {
    auto const elf = check_bytes(uploads::elf_header(), "photo.jpg");
    require_refused(elf, "upload.not_allowed", "executable");
    CHECK(contains(elf.detected, "ELF 64-bit"));
    CHECK(contains(upload_problem_message(elf), "an executable program (ELF 64-bit"));
    std::string dos(128, '\0');
    dos.replace(0, 2, "MZ");
    require_refused(check_bytes(dos, "a.pdf"), "upload.not_allowed", "executable");
    require_refused(check_bytes(std::string("\xcf\xfa\xed\xfe\x07\x00\x00\x01\x03\x00\x00\x00\x02\x00\x00\x00", 16),
                                "a.png"),
                    "upload.not_allowed", "executable");
}

TEST_CASE("an empty file is refused as empty", "[upload]") {
    auto const v = check_bytes("", "photo.jpg");
    require_refused(v, "upload.empty", "empty");
    CHECK(upload_problem_message(v) == "the file is empty");
}

TEST_CASE("an extension that does not match the content is refused naming both", "[upload]") {
    auto const jpeg = uploads::encode(uploads::two_tone(), ".jpg");
    auto const v = check_bytes(jpeg, "photo.png");
    require_refused(v, "upload.extension_mismatch", "jpeg");
    CHECK(v.extension == ".png");
    CHECK(upload_problem_message(v) == "the file is a JPEG image but its name ends in .png");
    CHECK(upload_problem_message(check_bytes(jpeg, "photo.PDF")) == "the file is a JPEG image but its name ends in .pdf");
    CHECK(upload_problem_message(check_bytes(jpeg, "photo")) == "the file is a JPEG image but its name has no extension");
    CHECK(check_bytes(jpeg, "photo.").problem == "upload.extension_mismatch");
    CHECK(check_bytes(jpeg, "photo.jpg.exe").problem == "upload.extension_mismatch");
    CHECK(check_bytes(uploads::mp3_frames(20), "spot.m4a").problem == "upload.extension_mismatch");
    CHECK(check_bytes(uploads::read_bytes(uploads::fixture("tagged.m4a")), "spot.mp4").problem ==
          "upload.extension_mismatch");
}

TEST_CASE("an allowed file with a ZIP archive appended is a refused polyglot", "[upload]") {
    auto const zip = uploads::zip_archive("payload");
    auto const jpeg = check_bytes(uploads::encode(uploads::two_tone(), ".jpg") + zip, "photo.jpg");
    require_refused(jpeg, "upload.polyglot", "jpeg");
    CHECK(jpeg.hidden == "zip");
    CHECK(upload_problem_message(jpeg) == "the file is a JPEG image but it also holds a ZIP archive");
    auto const pdf = check_bytes(uploads::pdf(false) + zip, "leaflet.pdf");
    require_refused(pdf, "upload.polyglot", "pdf");
    CHECK(pdf.hidden == "zip");
    // A comment after the record is part of the archive: unzip still finds it.
    auto commented = zip;
    commented.replace(commented.size() - 2, 2, std::string("\x05\x00", 2));
    CHECK(check_bytes(uploads::mp3_frames(20) + commented + "hello", "a.mp3").hidden == "zip");
    // The signature alone, not reaching the end of the file, is no archive.
    CHECK(check_bytes(uploads::mp3_frames(20) + zip + "trailing bytes", "a.mp3").ok);
}

TEST_CASE("a PDF with an HTML document start in its first KiB is a refused polyglot", "[upload]") {
    auto const pdf = uploads::pdf(false);
    auto const after_header = pdf.find('\n') + 1;
    auto polyglot = pdf;
    polyglot.insert(after_header, "%<!DOCTYPE html><HTML><body><script>alert(document.cookie)</script>\n");
    auto const v = check_bytes(polyglot, "leaflet.pdf");
    REQUIRE(contains(v.detected, "PDF document"));
    require_refused(v, "upload.polyglot", "pdf");
    CHECK(v.hidden == "markup");
    CHECK(upload_problem_message(v) == "the file is a PDF document but it also holds HTML or SVG markup");
    auto script_only = pdf;
    script_only.insert(after_header, "%<script>alert(1)</script>\n");
    CHECK(check_bytes(script_only, "leaflet.pdf").problem == "upload.polyglot");
    // Past the first KiB, where content sniffers stop looking, the same bytes are part of the document.
    auto late = pdf;
    late.insert(after_header, "%" + std::string(1100, 'x') + "\n%<html><script>alert(1)</script>\n");
    CHECK(check_bytes(late, "leaflet.pdf").ok);
}

TEST_CASE("an image with script or SVG markup in its first 4 KiB is a refused polyglot", "[upload]") {
    // A PNG text chunk and a JPEG or WebP XMP packet, stored uncompressed as they are in the file.
    auto with_comment = [](std::string_view text, char const* suffix) {
        if (std::string_view(suffix) == ".png")
            return uploads::png_with_chunk(uploads::encode(uploads::two_tone(), ".png"), "tEXt",
                                           "Comment" + std::string(1, '\0') + std::string(text));
        auto image = uploads::two_tone().copy();
        vips_image_set_blob_copy(image.get_image(), "xmp-data", text.data(), text.size());
        return uploads::encode(image, suffix);
    };
    auto const png = check_bytes(with_comment("<script>alert(1)</script>", ".png"), "a.png");
    require_refused(png, "upload.polyglot", "png");
    CHECK(png.hidden == "markup");
    CHECK(upload_problem_message(png) == "the file is a PNG image but it also holds HTML or SVG markup");
    CHECK(check_bytes(with_comment("<SVG onload=alert(1)>", ".jpg"), "a.jpg").problem == "upload.polyglot");
    CHECK(check_bytes(with_comment("<svg/onload=alert(1)>", ".webp"), "a.webp").problem == "upload.polyglot");
    CHECK(check_bytes(with_comment("<!DOCTYPE html>", ".jpg"), "a.jpg").problem == "upload.polyglot");
    // A tag name only counts when a tag-terminating byte follows it.
    CHECK(check_bytes(with_comment("<svgfile> and <scripture>", ".png"), "a.png").ok);
}

TEST_CASE("each thread keeps its own libmagic handle", "[upload]") {
    farol::test::temp_dir dir;
    uploads::write_bytes(dir / "a.jpg", uploads::encode(uploads::two_tone(), ".jpg"));
    uploads::write_bytes(dir / "b.pdf", uploads::pdf(false));
    uploads::write_bytes(dir / "c.zip", uploads::zip_archive("x"));
    std::vector<std::thread> threads;
    std::vector<int> right(4, 0);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 25; ++i) {
                right[t] += check_upload(dir / "a.jpg", "a.jpg").found == "jpeg";
                right[t] += check_upload(dir / "b.pdf", "b.pdf").found == "pdf";
                right[t] += check_upload(dir / "c.zip", "c.mp3").found == "archive";
            }
        });
    }
    for (auto& thread : threads) thread.join();
    CHECK(right == std::vector<int>(4, 75));
}

TEST_CASE("a file that cannot be read is an error, not a verdict", "[upload]") {
    farol::test::temp_dir dir;
    CHECK_THROWS_AS(check_upload(dir / "missing", "a.pdf"), std::system_error);
}
