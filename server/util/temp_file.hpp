#pragma once
#include <filesystem>

namespace farol::util {

// A file that exists only while this object owns it: removed on destruction unless released, so an
// upload cut off mid-way, a refused one or one whose handler threw leaves nothing on disk.
class temp_file {
public:
    temp_file() = default;
    explicit temp_file(std::filesystem::path path) : path_(std::move(path)) {}
    temp_file(temp_file&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }
    temp_file& operator=(temp_file&& other) noexcept;
    temp_file(temp_file const&) = delete;
    temp_file& operator=(temp_file const&) = delete;
    ~temp_file() { remove(); }

    // A new, empty file in `dir` (created 0600 with O_EXCL, named "<prefix><32 random hex>"), the
    // directory created if missing. Throws std::system_error when it cannot be created.
    static temp_file create(std::filesystem::path const& dir, char const* prefix);

    std::filesystem::path const& path() const { return path_; }
    explicit operator bool() const { return !path_.empty(); }
    // Removes the file now (errors ignored: it may be gone already).
    void remove() noexcept;
    // Gives up ownership: the file stays.
    std::filesystem::path release() noexcept;

private:
    std::filesystem::path path_;
};

// Removes files left in `dir` by a process that died mid-upload (names starting with `prefix`);
// returns how many. Never throws.
std::size_t remove_stale_temp_files(std::filesystem::path const& dir, char const* prefix) noexcept;

} // namespace farol::util
