#pragma once
#include "app/config.hpp"

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

namespace farol::app {

// `farol import DIR`: checks every bundle in dir against the configured languages (site.languages), copies material bytes into
// <data_dir>/materials and upserts campaigns and hotlines into <data_dir>/farol.db in one
// transaction. Invalid bundles: every problem as a "file:line: reason" line on err, nothing
// stored, exit status 1. Returns the process exit status.
int import_bundles(config const& cfg, std::filesystem::path const& dir, std::ostream& out, std::ostream& err);

// `farol export DIR`: writes every published campaign and hotline in the bundle format (what
// readers see: drafts and archived campaigns stay in the editor).
int export_bundles(config const& cfg, std::filesystem::path const& dir, std::ostream& out, std::ostream& err);

// The editor's download: `farol export` into a temporary directory under the data directory, then
// content::zip_bundles (deterministic), so it equals zipping `farol export`'s folder byte for byte.
// Returns the ZIP's bytes; throws std::runtime_error if the export fails. Blocking.
std::string export_zip(config const& cfg);

} // namespace farol::app
