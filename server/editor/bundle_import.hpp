#pragma once
#include "content/bundle_error.hpp"
#include "editor/audit_log.hpp"
#include "store/library_repository.hpp"
#include "util/clock.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace farol::store {
class database;
}

namespace farol::editor {

// What one import stored.
struct import_summary {
    store::import_result counts;
    std::vector<std::string> campaigns; // slugs, sorted
    std::vector<std::string> hotlines;  // ids, sorted
};

// The one path of `farol import DIR` and of the editor's ZIP upload: every bundle under dir checked
// (content::read_bundles against `languages`), material bytes copied to materials_dir, then
// campaigns and hotlines upserted in one transaction into open_store()'s database, called only
// once the bundles are valid (so a refused CLI import creates no database); texts are published as
// revisions by "import" at now_ns (system_clock nanoseconds). Throws content::bundle_invalid listing
// every problem (nothing stored), store_error or std::system_error (nothing stored but unreferenced
// material blobs). Blocking.
import_summary import_bundle_folder(std::function<store::database&()> const& open_store,
                                    std::filesystem::path const& materials_dir, std::filesystem::path const& dir,
                                    std::vector<std::string> const& languages, std::int64_t now_ns);

// Where the import keeps bytes: materials (content-addressed) and scratch, for unpacked uploads.
struct import_paths {
    std::filesystem::path materials_dir; // app::materials_dir(cfg)
    std::filesystem::path scratch_dir;   // <data dir>/tmp
};

struct zip_import_outcome {
    enum kind_t { imported, invalid, unsafe_zip, not_a_zip } kind = imported;
    import_summary summary;                        // imported
    std::vector<content::bundle_problem> problems; // invalid: every problem; unsafe_zip: the entry and why
};

// The editor's "import a ZIP of bundles": unpacks the upload (content::unzip_bundles, its limits)
// into a fresh folder under paths.scratch_dir, removed afterwards whatever happens, imports it with
// import_bundle_folder (all or nothing), asks for a new Site and records "bundles.import" in the
// audit log (outcome "ok" or "refused"). Blocking: the worker pool.
class bundle_import {
public:
    bundle_import(std::shared_ptr<store::database> db, import_paths paths, std::vector<std::string> languages,
                  audit_log const& audit, util::clock const& clock, std::function<void()> republish)
        : db_(std::move(db)), paths_(std::move(paths)), languages_(std::move(languages)), audit_(audit),
          clock_(clock), republish_(std::move(republish)) {}

    // zip_file: the uploaded file, left in place. Problems with the bundles are outcomes; an I/O or
    // store failure throws (nothing stored, the temporary folder removed).
    zip_import_outcome import_zip(std::string_view actor, std::filesystem::path const& zip_file) const;

private:
    zip_import_outcome unpack_and_import(std::filesystem::path const& zip_file,
                                         std::filesystem::path const& work) const;

    std::shared_ptr<store::database> db_;
    import_paths paths_;
    std::vector<std::string> languages_;
    audit_log const& audit_;
    util::clock const& clock_;
    std::function<void()> republish_;
};

} // namespace farol::editor
