#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace farol::editor {

// Byte-level facts about an uploaded file that libmagic's answer does not give: which codec an Ogg
// stream carries, an MP4's brands, and the signs of a second format hidden in the same bytes.

// The first and last bytes of a file (the two overlap when it is short) and its size in bytes.
struct file_ends {
    std::string head;
    std::string tail;
    std::uintmax_t size = 0;
};

// Reads up to head_bytes from the start and tail_bytes from the end. Throws std::system_error if the
// file cannot be opened or read.
file_ends read_ends(std::filesystem::path const& file, std::size_t head_bytes, std::size_t tail_bytes);

// How many bytes from the end a ZIP end-of-central-directory record can start: the 22-byte record
// plus the longest comment its 16-bit length allows (APPNOTE.TXT 4.3.16).
inline constexpr std::size_t zip_end_record_reach = 22 + 65535;

enum class ogg_codec { vorbis, opus, other };

// The codec of the first logical stream of an Ogg file (RFC 3533 page, then the first packet's
// signature: "\x01vorbis" per the Vorbis I spec, "OpusHead" per RFC 7845). `head` is the file's first
// bytes, at least the first page's header and its first packet's 8 bytes; other when they are not.
ogg_codec first_ogg_codec(std::string_view head);

// True when an ISO base media file's leading ftyp box (ISO/IEC 14496-12 4.3) names brand "M4A " as
// its major brand or among its compatible brands: Apple's mark of an MPEG-4 audio file.
bool has_m4a_brand(std::string_view head);

// True when a lossless WebP: its first image chunk is "VP8L" rather than "VP8 " (RFC 9649 2.5-2.7).
// Walks the RIFF chunks of the file; throws std::system_error if it cannot be read.
bool is_lossless_webp(std::filesystem::path const& file);

// True when the file ends in a ZIP end-of-central-directory record ("PK\x05\x06" whose comment length
// reaches exactly to the end of the file): unzip finds an archive there whatever comes before it.
// `tail` is the file's last bytes (up to zip_end_record_reach).
bool has_zip_end_record(std::string_view tail);

// True when the bytes hold the start of an HTML or SVG document ("<html", "<script", "<svg",
// "<!doctype html", any case) followed by a tag-terminating byte (space, tab, CR, LF, FF, '>' or '/',
// as in WHATWG MIME Sniffing 7.1), which a browser sniffing the content would render and run.
bool has_markup_start(std::string_view bytes);

} // namespace farol::editor
