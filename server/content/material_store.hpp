#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace farol::content {

// True for 64 lower-case hex digits, the only names the store hands out.
bool is_sha256_hex(std::string_view s);

struct file_digest {
    std::string sha256; // lower-case hex
    std::uint64_t size = 0;
};

// Hashes a file in chunks. Throws std::system_error if it cannot be read.
file_digest digest_file(std::filesystem::path const& file);

// Material bytes, content-addressed: root/<first 2 hex>/<sha256>. Files are written once, never
// changed, so readers need no locks. Thread-safe and safe across processes.
class material_store {
public:
    explicit material_store(std::filesystem::path root);

    // Copies src in (temporary file, fsync, rename) and returns its SHA-256. Idempotent: an
    // existing copy is kept if its bytes still hash to its name (its modification time set to now,
    // so a clean-up sweeping by age spares it), replaced otherwise.
    // Throws std::system_error on I/O errors; leaves no temporary file behind.
    std::string put_file(std::filesystem::path const& src);

    // Where those bytes live (whether or not they are there). Throws std::invalid_argument
    // unless sha256 is 64 lower-case hex digits, so no name can escape root.
    std::filesystem::path path_of(std::string_view sha256) const;

    // False for a malformed hash too.
    bool contains(std::string_view sha256) const;

    std::filesystem::path const& root() const { return root_; }

private:
    std::filesystem::path root_;
};

} // namespace farol::content
