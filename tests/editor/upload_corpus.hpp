#pragma once
#include <filesystem>
#include <string>
#include <string_view>

#include <vips/vips8>

// Upload test files made in code with the libraries Farol itself uses, so each test states the bytes
// it needs; Ogg and M4A come from tests/fixtures/uploads (see its README).
namespace farol::test::uploads {

std::string read_bytes(std::filesystem::path const& file);
void write_bytes(std::filesystem::path const& file, std::string_view bytes);
std::filesystem::path fixture(std::string const& name); // tests/fixtures/uploads/<name>

// Starts libvips for the test process (the library starts it on its own first use too).
void start_vips();

// A 12x8 image, left half dark and right half light, so turning it shows in the pixels.
vips::VImage two_tone();
// The image encoded by the saver for `suffix` (".jpg", ".png", ".webp[lossless]"...).
std::string encode(vips::VImage const& image, char const* suffix);
// two_tone() with EXIF (Artist and a GPS position), orientation 6 (turn 90° clockwise), an XMP
// packet naming "Ana Silva" and a PNG text comment; the saver for `suffix` keeps what its format can.
std::string image_with_metadata(char const* suffix);

// A one-page PDF (qpdf, static /ID, streams uncompressed) whose page draws "0 0 m 200 100 l S".
// With metadata: /Info with /Author and /Title, an XMP stream in the catalog and another on the page,
// each naming "Ana Silva". With a user password: AES-256 encrypted (R6), owner password "owner"; ""
// opens without asking, as a PDF with only restrictions does.
std::string pdf(bool with_metadata, char const* user_password = nullptr);

// `count` silent MPEG-1 Layer III frames, 128 kbit/s, 44.1 kHz, mono, no CRC (ISO/IEC 11172-3):
// 417 bytes each, a header and zeroed side information and main data (every granule empty).
std::string mp3_frames(int count);

// A ZIP archive (APPNOTE.TXT) with one stored file, "notes.txt" holding `text`.
std::string zip_archive(std::string_view text);

// A POSIX ustar archive (POSIX.1-2001 pax format's header) with one file, "notes.txt" holding `text`.
std::string tar_archive(std::string_view text);

// The PNG with one more chunk of `type` (4 letters) and `data` right after IHDR (PNG 3rd edition 5.3:
// length, type, data, CRC-32 of type and data).
std::string png_with_chunk(std::string_view png, std::string_view type, std::string_view data);

// An x86-64 ELF executable's 64-byte file header (System V ABI), enough for libmagic.
std::string elf_header();

// One Ogg page (RFC 3533) holding a single beginning-of-stream packet, CRC left zero (libmagic and
// the upload check do not verify it).
std::string ogg_first_page(std::string_view packet);

} // namespace farol::test::uploads
