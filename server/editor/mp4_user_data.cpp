#include "editor/mp4_user_data.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <fstream>
#include <stdexcept>
#include <string>
#include <system_error>

namespace farol::editor {

namespace {

struct box {
    std::string type;
    std::uint64_t start = 0;  // where its size field is
    std::uint64_t header = 8; // 16 with a 64-bit size
    std::uint64_t end = 0;
};

[[noreturn]] void io_failed(std::filesystem::path const& file) {
    throw std::system_error(errno != 0 ? errno : EIO, std::generic_category(), "cannot rewrite " + file.string());
}

std::uint64_t big_endian(std::string const& bytes, std::size_t at, std::size_t width) {
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < width; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
    return value;
}

// The box starting at `at`, which must end by `limit` (ISO/IEC 14496-12 4.2: size 1 means a 64-bit
// size follows the type, 0 means "to the end of the file").
box read_box(std::fstream& io, std::filesystem::path const& file, std::uint64_t at, std::uint64_t limit) {
    std::string bytes(16, '\0');
    io.seekg(static_cast<std::streamoff>(at));
    io.read(bytes.data(), 16);
    if (io.bad()) io_failed(file);
    auto const got = static_cast<std::uint64_t>(io.gcount());
    io.clear();
    if (got < 8) throw std::invalid_argument("an MP4 box header is cut short");
    box b{bytes.substr(4, 4), at, 8, 0};
    std::uint64_t size = big_endian(bytes, 0, 4);
    if (size == 1) {
        if (got < 16) throw std::invalid_argument("an MP4 box header is cut short");
        size = big_endian(bytes, 8, 8);
        b.header = 16;
    } else if (size == 0) {
        size = limit - at;
    }
    if (size < b.header || size > limit - at) throw std::invalid_argument("an MP4 box runs past its parent");
    b.end = at + size;
    return b;
}

void blank(std::fstream& io, std::filesystem::path const& file, box const& b) {
    io.seekp(static_cast<std::streamoff>(b.start + 4));
    io.write("free", 4);
    if (b.header == 16) io.seekp(8, std::ios::cur); // keep the 64-bit size
    std::string const zeros(64 * 1024, '\0');
    for (auto left = b.end - b.start - b.header; left > 0;) {
        auto const n = std::min<std::uint64_t>(left, zeros.size());
        io.write(zeros.data(), static_cast<std::streamsize>(n));
        left -= n;
    }
    if (!io) io_failed(file);
}

// Calls `each` with every child box of the range [from, to).
template <typename F>
void children(std::fstream& io, std::filesystem::path const& file, std::uint64_t from, std::uint64_t to, F each) {
    for (auto at = from; at + 8 <= to;) {
        auto const child = read_box(io, file, at, to);
        each(child);
        at = child.end;
    }
}

// Where a meta box's children start: ISO meta is a full box (4 bytes of version and flags, all zero
// in practice), QuickTime's is not and starts with a child's non-zero size.
std::uint64_t meta_children(std::fstream& io, std::filesystem::path const& file, box const& meta) {
    std::string first(4, '\0');
    io.seekg(static_cast<std::streamoff>(meta.start + meta.header));
    io.read(first.data(), 4);
    if (io.bad()) io_failed(file);
    io.clear();
    return meta.start + meta.header + (first == std::string(4, '\0') ? 4 : 0);
}

class user_data_blanker {
public:
    user_data_blanker(std::fstream& io, std::filesystem::path const& file) : io_(io), file_(file) {}

    void moov(box const& moov) {
        each_child(moov.start + moov.header, moov.end, [&](box const& child) {
            if (child.type == "meta") {
                blank_box(child);
            } else if (child.type == "udta") {
                each_child(child.start + child.header, child.end, [&](box const& data) { udta_child(data); });
            } else if (child.type == "trak") {
                each_child(child.start + child.header, child.end, [&](box const& part) {
                    if (part.type == "udta") blank_box(part);
                });
            }
        });
    }

    int blanked() const { return blanked_; }

private:
    // The iTunes meta box stays, with only its handler and the (now empty) item list.
    void udta_child(box const& data) {
        if (data.type == "free") return; // blank already
        if (data.type != "meta") {
            blank_box(data);
            return;
        }
        each_child(meta_children(io_, file_, data), data.end, [&](box const& part) {
            if (part.type != "hdlr" && part.type != "ilst" && part.type != "free") blank_box(part);
        });
    }

    template <typename F> void each_child(std::uint64_t from, std::uint64_t to, F each) {
        children(io_, file_, from, to, each);
    }

    void blank_box(box const& b) {
        blank(io_, file_, b);
        ++blanked_;
    }

    std::fstream& io_;
    std::filesystem::path const& file_;
    int blanked_ = 0;
};

} // namespace

int blank_mp4_user_data(std::filesystem::path const& file) {
    errno = 0;
    std::fstream io(file, std::ios::in | std::ios::out | std::ios::binary);
    if (!io) io_failed(file);
    io.seekg(0, std::ios::end);
    auto const size = static_cast<std::uint64_t>(io.tellg());
    user_data_blanker blanker(io, file);
    children(io, file, 0, size, [&](box const& top) {
        if (top.type == "moov") blanker.moov(top);
    });
    io.close();
    if (!io) io_failed(file);
    return blanker.blanked();
}

} // namespace farol::editor
