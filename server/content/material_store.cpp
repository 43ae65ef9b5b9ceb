#include "content/material_store.hpp"

#include "util/hash.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <stdexcept>
#include <system_error>
#include <utility>

namespace farol::content {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t chunk_size = 64 * 1024;

[[noreturn]] void fail(std::string const& what, fs::path const& p) {
    throw std::system_error(errno, std::generic_category(), what + " " + p.string());
}

class unique_fd {
public:
    unique_fd(fs::path const& p, int flags, char const* what) : fd_(::open(p.c_str(), flags | O_CLOEXEC, 0644)) {
        if (fd_ < 0) fail(what, p);
    }
    ~unique_fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    unique_fd(unique_fd const&) = delete;
    unique_fd& operator=(unique_fd const&) = delete;
    int get() const { return fd_; }
    // Closes and reports the error a deferred write may only show here.
    void close(fs::path const& p) {
        int const rc = ::close(std::exchange(fd_, -1));
        if (rc != 0) fail("cannot close", p);
    }

private:
    int fd_;
};

// Reads a chunk, retrying on EINTR; 0 at the end.
std::size_t read_some(int fd, char* buf, fs::path const& p) {
    for (;;) {
        ssize_t const n = ::read(fd, buf, chunk_size);
        if (n >= 0) return static_cast<std::size_t>(n);
        if (errno != EINTR) fail("cannot read", p);
    }
}

void write_all(int fd, char const* data, std::size_t size, fs::path const& p) {
    while (size > 0) {
        ssize_t const n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail("cannot write", p);
        data += n;
        size -= static_cast<std::size_t>(n);
    }
}

std::string finish(crypto_hash_sha256_state& state) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state, digest);
    return util::to_hex({reinterpret_cast<char const*>(digest), sizeof digest});
}

// Copies src to the open fd `out` (if any) while hashing.
file_digest copy_hashing(fs::path const& src, int out, fs::path const& out_path) {
    unique_fd in(src, O_RDONLY, "cannot open");
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    std::string buf(chunk_size, '\0');
    file_digest d;
    while (std::size_t const n = read_some(in.get(), buf.data(), src)) {
        crypto_hash_sha256_update(&state, reinterpret_cast<unsigned char const*>(buf.data()), n);
        if (out >= 0) write_all(out, buf.data(), n, out_path);
        d.size += n;
    }
    d.sha256 = finish(state);
    return d;
}

// O_EXCL refuses a clash; pid + counter make one unlikely across processes and threads.
fs::path temporary_in(fs::path const& dir) {
    static std::atomic<unsigned> counter{0};
    return dir / (".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
}

void fsync_dir(fs::path const& dir) {
    unique_fd d(dir, O_RDONLY | O_DIRECTORY, "cannot open directory");
    if (::fsync(d.get()) != 0) fail("cannot fsync directory", dir);
}

bool holds(fs::path const& file, std::string const& sha256) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) return false;
    try {
        return digest_file(file).sha256 == sha256;
    } catch (std::system_error const&) {
        return false; // unreadable: replace it
    }
}

} // namespace

bool is_sha256_hex(std::string_view s) {
    return s.size() == 64 &&
           std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

file_digest digest_file(fs::path const& file) { return copy_hashing(file, -1, {}); }

material_store::material_store(fs::path root) : root_(std::move(root)) {}

fs::path material_store::path_of(std::string_view sha256) const {
    if (!is_sha256_hex(sha256))
        throw std::invalid_argument("not a SHA-256 hex digest: " + std::string(sha256.substr(0, 80)));
    return root_ / sha256.substr(0, 2) / sha256;
}

bool material_store::contains(std::string_view sha256) const {
    std::error_code ec;
    return is_sha256_hex(sha256) && fs::is_regular_file(path_of(sha256), ec);
}

std::string material_store::put_file(fs::path const& src) {
    fs::path const tmp_dir = root_ / "tmp";
    fs::create_directories(tmp_dir);
    fs::path const tmp = temporary_in(tmp_dir);
    try {
        unique_fd out(tmp, O_WRONLY | O_CREAT | O_EXCL, "cannot create");
        file_digest const d = copy_hashing(src, out.get(), tmp);
        if (::fsync(out.get()) != 0) fail("cannot fsync", tmp);
        out.close(tmp);
        fs::path const dest = path_of(d.sha256);
        if (holds(dest, d.sha256)) {
            fs::remove(tmp);
            // Stored again now: a sweep that began before this must see the bytes as young.
            fs::last_write_time(dest, fs::file_time_type::clock::now());
            return d.sha256;
        }
        fs::create_directories(dest.parent_path());
        fs::rename(tmp, dest);
        fsync_dir(dest.parent_path());
        return d.sha256;
    } catch (...) {
        std::error_code ec;
        fs::remove(tmp, ec);
        throw;
    }
}

} // namespace farol::content
