#pragma once
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace farol::content {

// A ZIP that cannot be unpacked safely, or cannot be read as a ZIP at all.
class bundle_zip_error : public std::runtime_error {
public:
    // what() is "entry: reason", or just the reason when no single entry is to blame.
    bundle_zip_error(std::string reason, std::string entry = {});
    std::string reason; // short, in English, e.g. "has a '..' segment"
    std::string entry;  // the entry name as stored in the ZIP (UTF-8), empty for the whole archive
    bool not_a_zip = false; // libzip could not open it as an archive at all (not a ZIP, or damaged)
};

// Bounds on what unzip_bundles writes; sizes in bytes of uncompressed data.
struct zip_limits {
    std::uint64_t max_entries = 10'000;                     // entries in the central directory
    std::uint64_t max_total_bytes = 512ull * 1024 * 1024;   // all entries together
    std::uint64_t max_entry_bytes = 100ull * 1024 * 1024;   // any one entry
    std::uint64_t max_ratio = 200;                          // uncompressed / compressed, per entry
    std::uint64_t ratio_exempt_bytes = 64 * 1024;           // entries up to this size skip the ratio check
};

// Extracts a ZIP (APPNOTE 6.3.x, via libzip) of campaign bundles (campaigns/README.md) into
// dest_dir, which must be empty or absent (created then). Regular files and directories only:
// every name is checked before anything is written, and an entry that is absolute (or starts
// with a drive letter), has an empty, "." or ".." segment or a backslash, is a symbolic link or
// other special file in its Unix mode, is encrypted, or repeats a name, or a path that is both a
// file and a folder, is refused. Sizes and ratios are checked against limits from the headers
// and again on the bytes actually inflated, which decide. Entries under __MACOSX/ (Finder's
// resource forks) are skipped. If every entry is under one folder (a zipped folder, so
// hotlines.json is not at the top), that folder is stripped. Throws bundle_zip_error (reason and
// entry name), std::invalid_argument if dest_dir holds anything, std::system_error on I/O
// errors; on any error dest_dir is left empty. Files get mode 0644, folders 0755 (less the umask).
void unzip_bundles(std::filesystem::path const& zip_file, std::filesystem::path const& dest_dir,
                   zip_limits const& limits = {});

// Writes every regular file under source_dir to zip_file, deterministically: the same tree gives
// the same bytes. Entries are sorted by their '/'-separated relative path (bytes); a name that is
// not plain ASCII has the UTF-8 flag (bit 11), which libzip leaves off for ASCII names, the same
// in either encoding. Folders are implied by the paths, with no entries of their own, so empty
// folders are not kept. Each entry has the DOS epoch as its time (1980-01-01 00:00), Unix mode
// 0644 and no extra fields; media that are already compressed (.pdf .png .jpg .jpeg .webp .mp3
// .ogg .opus .m4a) are stored, everything else deflated (level 9). Written to a temporary file
// next to zip_file, then renamed over it. Throws bundle_zip_error for a symbolic link or special
// file in the tree, std::invalid_argument if zip_file is inside source_dir, std::system_error
// or bundle_zip_error on I/O errors (leaving no temporary file behind).
void zip_bundles(std::filesystem::path const& source_dir, std::filesystem::path const& zip_file);

} // namespace farol::content
