#pragma once
#include <filesystem>

namespace farol::store {

// Copies a live database (WAL; a server may keep writing) to `dest` with SQLite's online backup:
// into a temporary file next to dest, checked, fsync'd, then renamed over dest. On failure dest is
// untouched and no temporary file is left. Throws store_error (missing or non-database source, ...).
void backup(std::filesystem::path const& source_db, std::filesystem::path const& dest);

} // namespace farol::store
