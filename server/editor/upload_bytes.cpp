#include "editor/upload_bytes.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <fstream>
#include <system_error>

namespace farol::editor {

namespace {

std::uint32_t big_endian_32(std::string_view bytes, std::size_t at) {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
    return value;
}

std::uint32_t little_endian(std::string_view bytes, std::size_t at, std::size_t width) {
    std::uint32_t value = 0;
    for (std::size_t i = width; i-- > 0;) value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
    return value;
}

[[noreturn]] void read_failed(std::filesystem::path const& file) {
    int const code = errno != 0 ? errno : EIO;
    throw std::system_error(code, std::generic_category(), "cannot read " + file.string());
}

std::string read_at(std::ifstream& in, std::filesystem::path const& file, std::uintmax_t at, std::size_t count) {
    std::string bytes(count, '\0');
    in.seekg(static_cast<std::streamoff>(at));
    in.read(bytes.data(), static_cast<std::streamsize>(count));
    if (in.bad()) read_failed(file);
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    in.clear();
    return bytes;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool tag_terminator(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '>' || c == '/';
}

// Where `needle` (lower case) starts in `bytes` at or after `from`, ignoring ASCII case.
std::size_t find_ignoring_case(std::string_view bytes, std::string_view needle, std::size_t from) {
    auto const it = std::search(bytes.begin() + static_cast<std::ptrdiff_t>(from), bytes.end(), needle.begin(),
                                needle.end(), [](char a, char b) { return lower(a) == b; });
    return it == bytes.end() ? std::string_view::npos : static_cast<std::size_t>(it - bytes.begin());
}

} // namespace

file_ends read_ends(std::filesystem::path const& file, std::size_t head_bytes, std::size_t tail_bytes) {
    errno = 0;
    std::ifstream in(file, std::ios::binary);
    if (!in) read_failed(file);
    file_ends ends;
    in.seekg(0, std::ios::end);
    auto const end = in.tellg();
    if (end < 0) read_failed(file);
    ends.size = static_cast<std::uintmax_t>(end);
    ends.head = read_at(in, file, 0, static_cast<std::size_t>(std::min<std::uintmax_t>(head_bytes, ends.size)));
    auto const tail_size = std::min<std::uintmax_t>(tail_bytes, ends.size);
    ends.tail = read_at(in, file, ends.size - tail_size, static_cast<std::size_t>(tail_size));
    return ends;
}

ogg_codec first_ogg_codec(std::string_view head) {
    // Page header: "OggS", version 0, header type, granule (8), serial (4), sequence (4), CRC (4),
    // segment count, then the segment table; the first packet follows the table.
    if (head.size() < 27 || head.substr(0, 5) != std::string_view("OggS\0", 5)) return ogg_codec::other;
    std::size_t const packet = 27 + static_cast<unsigned char>(head[26]);
    if (head.size() < packet + 8) return ogg_codec::other;
    auto const signature = head.substr(packet, 8);
    if (signature.substr(0, 7) == "\x01vorbis") return ogg_codec::vorbis;
    if (signature == "OpusHead") return ogg_codec::opus;
    return ogg_codec::other;
}

bool has_m4a_brand(std::string_view head) {
    if (head.size() < 16 || head.substr(4, 4) != "ftyp") return false;
    std::size_t const box_size = big_endian_32(head, 0);
    if (box_size < 16 || box_size > head.size()) return false;
    if (head.substr(8, 4) == "M4A ") return true;
    for (std::size_t at = 16; at + 4 <= box_size; at += 4) // after major brand and minor version
        if (head.substr(at, 4) == "M4A ") return true;
    return false;
}

bool is_lossless_webp(std::filesystem::path const& file) {
    errno = 0;
    std::ifstream in(file, std::ios::binary);
    if (!in) read_failed(file);
    if (auto const riff = read_at(in, file, 0, 12); riff.size() < 12 || riff.substr(8, 4) != "WEBP") return false;
    std::uintmax_t at = 12;
    for (int chunks = 0; chunks < 64; ++chunks) { // image data comes after a few header chunks at most
        auto const header = read_at(in, file, at, 8);
        if (header.size() < 8) return false;
        auto const fourcc = header.substr(0, 4);
        if (fourcc == "VP8L") return true;
        if (fourcc == "VP8 ") return false;
        // An animation's frames carry their image chunks inside, after a 16-byte frame header.
        at += fourcc == "ANMF" ? 8 + 16 : 8 + ((std::uintmax_t{little_endian(header, 4, 4)} + 1) & ~std::uintmax_t{1});
    }
    return false;
}

bool has_zip_end_record(std::string_view tail) {
    constexpr std::string_view signature("PK\x05\x06", 4);
    for (std::size_t end = tail.size(); end > 0;) {
        auto const at = tail.rfind(signature, end - 1);
        if (at == std::string_view::npos) break;
        if (at + 22 <= tail.size() && little_endian(tail, at + 20, 2) == tail.size() - (at + 22)) return true;
        end = at;
    }
    return false;
}

bool has_markup_start(std::string_view bytes) {
    static constexpr std::array<std::string_view, 4> starts{"<html", "<script", "<svg", "<!doctype html"};
    for (auto const start : starts) {
        for (auto at = find_ignoring_case(bytes, start, 0); at != std::string_view::npos;
             at = find_ignoring_case(bytes, start, at + 1)) {
            auto const after = at + start.size();
            if (after < bytes.size() && tag_terminator(bytes[after])) return true;
        }
    }
    return false;
}

} // namespace farol::editor
