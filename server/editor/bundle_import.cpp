#include "editor/bundle_import.hpp"

#include "content/bundle_reader.hpp"
#include "content/bundle_zip.hpp"
#include "content/material_store.hpp"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>
#include <system_error>

namespace farol::editor {

namespace fs = std::filesystem;

namespace {

// Bytes first: a crash between the two leaves only unreferenced blobs, never a dangling hash.
void store_blobs(content::bundle_set const& set, content::material_store& blobs) {
    for (auto const& [sha256, source] : set.blobs) {
        if (blobs.put_file(source) != sha256)
            throw std::runtime_error(source.string() + " changed while it was being imported; run the import again");
    }
}

// A new empty folder under `parent` with a random name, created here so no one else owns it.
fs::path fresh_folder(fs::path const& parent) {
    if (parent.empty()) throw std::logic_error("bundle import: no scratch directory configured");
    fs::create_directories(parent);
    unsigned char random[16];
    randombytes_buf(random, sizeof random);
    char hex[sizeof random * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, random, sizeof random);
    auto dir = parent / ("import-" + std::string(hex));
    if (!fs::create_directory(dir)) throw std::system_error(EEXIST, std::generic_category(), dir.string());
    return dir;
}

// Removes the folder however the import ends.
struct folder_guard {
    fs::path dir;
    ~folder_guard() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

} // namespace

import_summary import_bundle_folder(std::function<store::database&()> const& open_store,
                                    fs::path const& materials_dir, fs::path const& dir,
                                    std::vector<std::string> const& languages, std::int64_t now_ns) {
    auto const set = content::read_bundles(dir, languages);
    content::material_store blobs(materials_dir);
    store_blobs(set, blobs);
    import_summary out;
    out.counts = store::import_library(open_store(), set.library, now_ns);
    for (auto const& c : set.library.campaigns) out.campaigns.push_back(c.slug);
    for (auto const& h : set.library.hotlines) out.hotlines.push_back(h.id);
    std::sort(out.campaigns.begin(), out.campaigns.end());
    std::sort(out.hotlines.begin(), out.hotlines.end());
    return out;
}

zip_import_outcome bundle_import::import_zip(std::string_view actor, fs::path const& zip_file) const {
    folder_guard const work{fresh_folder(paths_.scratch_dir)};
    zip_import_outcome outcome;
    try {
        outcome = unpack_and_import(zip_file, work.dir);
    } catch (...) {
        audit_.record(actor, "bundles.import", "zip", "failed");
        throw;
    }
    bool const ok = outcome.kind == zip_import_outcome::imported;
    std::string object = "zip";
    if (ok) object += ": " + std::to_string(outcome.summary.campaigns.size()) + " campaigns, " +
                      std::to_string(outcome.summary.hotlines.size()) + " hotlines";
    audit_.record(actor, "bundles.import", object, ok ? "ok" : "refused");
    if (ok) republish_();
    return outcome;
}

zip_import_outcome bundle_import::unpack_and_import(fs::path const& zip_file, fs::path const& work) const {
    zip_import_outcome out;
    auto const bundles = work / "bundles";
    try {
        content::unzip_bundles(zip_file, bundles);
    } catch (content::bundle_zip_error const& e) {
        out.kind = e.not_a_zip ? zip_import_outcome::not_a_zip : zip_import_outcome::unsafe_zip;
        if (!e.not_a_zip) out.problems.push_back({e.entry, 0, e.reason});
        return out;
    }
    try {
        auto const now_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(clock_.now().time_since_epoch());
        auto const open_store = [this]() -> store::database& { return *db_; };
        out.summary = import_bundle_folder(open_store, paths_.materials_dir, bundles, languages_, now_ns.count());
    } catch (content::bundle_invalid const& e) {
        out.kind = zip_import_outcome::invalid;
        out.problems = e.problems;
    }
    return out;
}

} // namespace farol::editor
