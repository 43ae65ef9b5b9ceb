#include "content/bundle_zip.hpp"

#include "util/utf8.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <map>
#include <memory>
#include <system_error>
#include <utility>
#include <vector>

namespace farol::content {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t chunk_size = 64 * 1024;
constexpr std::string_view resource_forks = "__MACOSX/";
constexpr zip_uint16_t dos_epoch_date = (0 << 9) | (1 << 5) | 1; // 1980-01-01: years since 1980, month, day
constexpr zip_uint16_t dos_midnight = 0;

struct zip_discarder {
    void operator()(zip_t* z) const { zip_discard(z); }
};
using zip_handle = std::unique_ptr<zip_t, zip_discarder>;

struct zip_file_closer {
    void operator()(zip_file_t* f) const { zip_fclose(f); }
};
using zip_file_handle = std::unique_ptr<zip_file_t, zip_file_closer>;

[[noreturn]] void fail_errno(std::string const& what, fs::path const& p) {
    throw std::system_error(errno, std::generic_category(), what + " " + p.string());
}

std::string libzip_message(int code) {
    zip_error_t e;
    zip_error_init_with_code(&e, code);
    std::string out = zip_error_strerror(&e);
    zip_error_fini(&e);
    return out;
}

zip_handle open_zip(fs::path const& p, int flags) {
    int code = 0;
    zip_t* z = zip_open(p.c_str(), flags, &code);
    if (!z) {
        bundle_zip_error e("cannot open " + p.string() + ": " + libzip_message(code));
        e.not_a_zip = true;
        throw e;
    }
    return zip_handle(z);
}

std::string to_string(std::uint64_t n) { return std::to_string(n); }

// The reason a stored name must not become a path under the destination, or empty if it may.
std::string name_problem(std::string_view name) {
    if (name.empty()) return "has an empty name";
    if (name.find('\\') != std::string_view::npos) return "has a backslash (a Windows path?)";
    bool const drive = name.size() >= 2 && name[1] == ':' && std::isalpha(static_cast<unsigned char>(name[0]));
    if (name.front() == '/' || drive) return "is an absolute path";
    if (name.ends_with('/')) name.remove_suffix(1);
    for (std::size_t from = 0; from <= name.size();) {
        std::size_t const to = std::min(name.find('/', from), name.size());
        std::string_view const segment = name.substr(from, to - from);
        if (segment.empty()) return "has an empty path segment ('//')";
        if (segment == "." || segment == "..") return "has a '" + std::string(segment) + "' segment";
        from = to + 1;
    }
    return {};
}

struct planned_entry {
    zip_uint64_t index = 0;
    std::string name; // as stored
    std::string path; // relative path to create, '/'-separated, without a trailing '/'
    bool directory = false;
    zip_uint64_t bytes = 0; // uncompressed, as the header says
    zip_uint64_t compressed_bytes = 0;
};

// Unix file type from the external attributes; 0 when the ZIP was not made on Unix.
unsigned unix_file_type(zip_t* z, zip_uint64_t index) {
    zip_uint8_t opsys = 0;
    zip_uint32_t attributes = 0;
    if (zip_file_get_external_attributes(z, index, 0, &opsys, &attributes) != 0 || opsys != ZIP_OPSYS_UNIX) return 0;
    return (attributes >> 16) & S_IFMT;
}

// Whether bytes inflated from `compressed` bytes exceed the ratio; small entries are let through.
bool over_ratio(std::uint64_t bytes, std::uint64_t compressed, zip_limits const& limits) {
    return bytes > limits.ratio_exempt_bytes && bytes / std::max<std::uint64_t>(limits.max_ratio, 1) > compressed;
}

std::string ratio_reason(zip_limits const& limits) {
    return "is compressed more than " + to_string(limits.max_ratio) + ":1 (a zip bomb?)";
}

// Everything the central directory says about one entry, checked before anything is written.
planned_entry plan_entry(zip_t* z, zip_uint64_t index, zip_limits const& limits) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(z, index, 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME))
        throw bundle_zip_error("cannot be read: " + std::string(zip_strerror(z)), "#" + to_string(index));
    planned_entry e{index, st.name, st.name, false, st.size, st.comp_size};
    auto const refuse = [&](std::string const& reason) { throw bundle_zip_error(reason, e.name); };
    if (auto const problem = name_problem(e.name); !problem.empty()) refuse(problem);
    e.directory = e.name.ends_with('/');
    if (e.directory) e.path.pop_back();
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) refuse("is encrypted");
    unsigned const type = unix_file_type(z, index);
    if (type == S_IFLNK) refuse("is a symbolic link");
    if (type != 0 && type != (e.directory ? S_IFDIR : S_IFREG)) refuse("is not a regular file or folder");
    if (!(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE)) refuse("has no size in its header");
    if (st.size > limits.max_entry_bytes)
        refuse("is " + to_string(st.size) + " bytes uncompressed; at most " + to_string(limits.max_entry_bytes));
    if (over_ratio(st.size, st.comp_size, limits)) refuse(ratio_reason(limits));
    return e;
}

// Refuses a name given twice, and a path below one that is a file.
void check_paths(std::vector<planned_entry> const& entries) {
    std::map<std::string_view, bool> directory; // path -> is a directory
    for (auto const& e : entries)
        if (!directory.emplace(e.path, e.directory).second) throw bundle_zip_error("appears twice", e.name);
    for (auto const& e : entries) {
        for (auto slash = e.path.find('/'); slash != std::string::npos; slash = e.path.find('/', slash + 1)) {
            auto const parent = directory.find(std::string_view(e.path).substr(0, slash));
            if (parent != directory.end() && !parent->second)
                throw bundle_zip_error("is inside '" + std::string(parent->first) + "', which is a file", e.name);
        }
    }
}

// A zipped folder: one folder holds everything (so hotlines.json is not at the top). Strips it.
void strip_single_folder(std::vector<planned_entry>& entries) {
    if (entries.empty()) return;
    std::string const top = entries.front().path.substr(0, entries.front().path.find('/'));
    bool inner = false;
    for (auto const& e : entries) {
        if (e.path == top && e.directory) continue;
        if (!e.path.starts_with(top + "/")) return;
        inner = true;
    }
    if (!inner) return;
    std::erase_if(entries, [&](planned_entry const& e) { return e.path == top; });
    for (auto& e : entries) e.path.erase(0, top.size() + 1);
}

std::vector<planned_entry> plan(zip_t* z, zip_limits const& limits) {
    zip_int64_t const count = zip_get_num_entries(z, 0);
    if (count < 0) throw bundle_zip_error("cannot be read: " + std::string(zip_strerror(z)));
    if (static_cast<zip_uint64_t>(count) > limits.max_entries)
        throw bundle_zip_error("has " + to_string(count) + " entries; at most " + to_string(limits.max_entries));
    std::vector<planned_entry> entries;
    for (zip_uint64_t i = 0; i < static_cast<zip_uint64_t>(count); ++i) {
        char const* name = zip_get_name(z, i, 0);
        if (name && std::string_view(name).starts_with(resource_forks)) continue;
        entries.push_back(plan_entry(z, i, limits));
    }
    check_paths(entries);
    strip_single_folder(entries);
    return entries;
}

// Creates each missing folder of rel (a '/'-separated path) under root, mode 0755.
void make_folders(fs::path const& root, std::string_view rel) {
    fs::path p = root;
    for (auto const& part : fs::path(rel)) {
        p /= part;
        if (::mkdir(p.c_str(), 0755) != 0 && errno != EEXIST) fail_errno("cannot create", p);
    }
}

class extractor {
public:
    extractor(zip_t* z, fs::path root, zip_limits const& limits) : zip_(z), root_(std::move(root)), limits_(limits) {}

    void write(planned_entry const& e) {
        if (e.directory) return make_folders(root_, e.path);
        fs::path const rel(e.path);
        if (rel.has_parent_path()) make_folders(root_, rel.parent_path().generic_string());
        zip_file_handle in(zip_fopen_index(zip_, e.index, 0));
        if (!in) throw bundle_zip_error("cannot be read: " + std::string(zip_strerror(zip_)), e.name);
        fs::path const out_path = root_ / rel;
        // O_EXCL and O_NOFOLLOW: nothing written here may replace or follow something already there.
        int const fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (fd < 0) fail_errno("cannot create", out_path);
        try {
            copy(in.get(), fd, e, out_path);
        } catch (...) {
            ::close(fd);
            throw;
        }
        if (::close(fd) != 0) fail_errno("cannot write", out_path);
    }

private:
    void copy(zip_file_t* in, int fd, planned_entry const& e, fs::path const& out_path);
    void count(std::uint64_t n, planned_entry const& e, std::uint64_t entry_bytes);

    zip_t* zip_;
    fs::path root_;
    zip_limits const& limits_;
    std::uint64_t total_ = 0;
};

void extractor::copy(zip_file_t* in, int fd, planned_entry const& e, fs::path const& out_path) {
    std::vector<char> buf(chunk_size);
    std::uint64_t entry_bytes = 0;
    for (;;) {
        zip_int64_t const n = zip_fread(in, buf.data(), buf.size());
        if (n < 0) throw bundle_zip_error("cannot be extracted: " + std::string(zip_file_strerror(in)), e.name);
        if (n == 0) break;
        entry_bytes += static_cast<std::uint64_t>(n);
        count(static_cast<std::uint64_t>(n), e, entry_bytes);
        for (char const* p = buf.data(); p < buf.data() + n;) {
            ssize_t const w = ::write(fd, p, static_cast<std::size_t>(buf.data() + n - p));
            if (w < 0 && errno == EINTR) continue;
            if (w < 0) fail_errno("cannot write", out_path);
            p += w;
        }
    }
    if (entry_bytes != e.bytes) throw bundle_zip_error("is not the size its header says", e.name);
}

// The limits, on the bytes actually inflated: the header's sizes only served to refuse early.
void extractor::count(std::uint64_t n, planned_entry const& e, std::uint64_t entry_bytes) {
    total_ += n;
    if (entry_bytes > limits_.max_entry_bytes)
        throw bundle_zip_error("is more than " + to_string(limits_.max_entry_bytes) + " bytes uncompressed", e.name);
    if (over_ratio(entry_bytes, e.compressed_bytes, limits_)) throw bundle_zip_error(ratio_reason(limits_), e.name);
    if (total_ > limits_.max_total_bytes)
        throw bundle_zip_error("brings the archive over " + to_string(limits_.max_total_bytes) +
                                   " bytes uncompressed",
                               e.name);
}

// Removes everything in dir, keeping dir.
void empty_folder(fs::path const& dir) {
    std::error_code ec;
    for (auto const& child : fs::directory_iterator(dir, ec)) fs::remove_all(child.path(), ec);
}

bool inside(fs::path const& inner, fs::path const& outer) {
    auto const rel = inner.lexically_relative(outer);
    return !rel.empty() && *rel.begin() != "..";
}

// Already-compressed media: deflate would spend time to gain nothing.
bool store_uncompressed(fs::path const& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    for (std::string_view const e : {".pdf", ".png", ".jpg", ".jpeg", ".webp", ".mp3", ".ogg", ".opus", ".m4a"})
        if (ext == e) return true;
    return false;
}

struct tree_file {
    std::string name; // '/'-separated path relative to the root, UTF-8
    fs::path path;
};

// Every regular file under root, sorted by name; anything else but a folder is refused.
std::vector<tree_file> list_files(fs::path const& root) {
    std::vector<tree_file> out;
    for (auto const& item : fs::recursive_directory_iterator(root)) {
        auto const st = item.symlink_status();
        if (fs::is_directory(st)) continue;
        std::string name = item.path().lexically_relative(root).generic_string();
        if (fs::is_symlink(st)) throw bundle_zip_error("is a symbolic link", name);
        if (!fs::is_regular_file(st)) throw bundle_zip_error("is not a regular file or folder", name);
        if (util::find_invalid_utf8(name) != std::string::npos)
            throw bundle_zip_error("has a name that is not UTF-8", name);
        out.push_back({std::move(name), item.path()});
    }
    std::sort(out.begin(), out.end(), [](auto const& a, auto const& b) { return a.name < b.name; });
    return out;
}

// Adds one file with the fixed time, mode and method that make the archive reproducible.
void add_file(zip_t* z, tree_file const& f) {
    auto const fail = [&](zip_source_t* src) {
        std::string const why = zip_strerror(z);
        if (src) zip_source_free(src);
        throw bundle_zip_error("cannot be added: " + why, f.name);
    };
    zip_source_t* src = zip_source_file(z, f.path.c_str(), 0, -1);
    if (!src) fail(nullptr);
    zip_int64_t const added = zip_file_add(z, f.name.c_str(), src, ZIP_FL_ENC_UTF_8);
    if (added < 0) fail(src);
    auto const i = static_cast<zip_uint64_t>(added);
    bool const store = store_uncompressed(f.path);
    if (zip_set_file_compression(z, i, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, store ? 0 : 9) != 0 ||
        zip_file_set_dostime(z, i, dos_midnight, dos_epoch_date, 0) != 0 ||
        zip_file_set_external_attributes(z, i, 0, ZIP_OPSYS_UNIX, (S_IFREG | 0644u) << 16) != 0)
        fail(nullptr);
}

void write_zip(fs::path const& out, std::vector<tree_file> const& files) {
    zip_handle z = open_zip(out, ZIP_CREATE | ZIP_EXCL);
    for (auto const& f : files) add_file(z.get(), f);
    if (zip_close(z.get()) != 0) throw bundle_zip_error("cannot write " + out.string() + ": " + zip_strerror(z.get()));
    z.release(); // zip_close freed it
}

// So a crash after the rename cannot leave a name pointing at unwritten blocks.
void sync_file(fs::path const& p) {
    int const fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail_errno("cannot open", p);
    int const rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0) fail_errno("cannot sync", p);
}

fs::path temporary_name(fs::path const& target) {
    static std::atomic<unsigned> counter{0};
    return target.parent_path() / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                                   std::to_string(counter++));
}

} // namespace

bundle_zip_error::bundle_zip_error(std::string reason_, std::string entry_)
    : std::runtime_error(entry_.empty() ? reason_ : entry_ + ": " + reason_), reason(std::move(reason_)),
      entry(std::move(entry_)) {}

void unzip_bundles(fs::path const& zip_file, fs::path const& dest_dir, zip_limits const& limits) {
    fs::create_directories(dest_dir);
    if (!fs::is_empty(dest_dir)) throw std::invalid_argument("unzip_bundles: " + dest_dir.string() + " is not empty");
    try {
        zip_handle const z = open_zip(zip_file, ZIP_RDONLY);
        auto const entries = plan(z.get(), limits);
        extractor out(z.get(), dest_dir, limits);
        for (auto const& e : entries) out.write(e);
    } catch (...) {
        empty_folder(dest_dir);
        throw;
    }
}

void zip_bundles(fs::path const& source_dir, fs::path const& zip_file) {
    if (inside(fs::weakly_canonical(zip_file), fs::canonical(source_dir)))
        throw std::invalid_argument("zip_bundles: " + zip_file.string() + " is inside " + source_dir.string());
    auto const files = list_files(source_dir);
    // libzip writes no file for an archive without entries; a bundle set always has hotlines.json.
    if (files.empty()) throw bundle_zip_error("there is no file to zip in " + source_dir.string());
    fs::path const tmp = temporary_name(fs::absolute(zip_file));
    try {
        write_zip(tmp, files);
        sync_file(tmp);
        fs::rename(tmp, zip_file);
    } catch (...) {
        std::error_code ec;
        fs::remove(tmp, ec);
        throw;
    }
}

} // namespace farol::content
