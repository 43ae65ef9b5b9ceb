#pragma once
#include "content/model.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace farol::store {

class database;

// A file in the materials library: type checked and metadata stripped before it got here. Times in
// system_clock nanoseconds.
struct upload_row {
    std::int64_t id = 0;
    std::string sha256;
    std::string media_type;
    std::uint64_t size = 0; // bytes
    std::string original_name;
    std::string uploaded_by;
    std::int64_t uploaded_at_ns = 0;
};

// Where a file's bytes are offered: one material file of one campaign.
struct material_use {
    std::string slug;
    std::string material; // the material's id within the campaign
    std::string language;
    std::string file_name;
};

// A file as a campaign offers it in one language (material_files), with its material's kind.
struct attachment {
    std::string material; // id within the campaign, e.g. "folheto"
    std::string kind;      // leaflet | poster | audio | other
    content::material_file file;
};

// A file a page offered before it was replaced or detached; still served until retired_at + grace.
struct retired_file {
    content::material_file file; // language is empty
    std::int64_t retired_at_ns = 0;
};

enum class attach_outcome { attached, replaced, unchanged };

// The materials library and the campaigns' material files, as editors change them. Blocking
// (SQLite): the worker pool only. Unknown campaigns throw store_error.
class material_library {
public:
    explicit material_library(std::shared_ptr<database> db) : db_(std::move(db)) {}

    // Adds a file to the library; returns its id.
    std::int64_t add_upload(upload_row const& row);
    std::vector<upload_row> uploads() const; // in the library (not removed), newest first
    std::optional<upload_row> upload(std::int64_t id) const;
    // Takes a file out of the library (its bytes go after the grace period); false if it is not in
    // the library or a campaign still offers its bytes.
    bool remove_upload(std::int64_t id, std::int64_t now_ns);

    // Every campaign material file with these bytes.
    std::vector<material_use> uses(std::string_view sha256) const;
    // The campaign's materials with their files, in order.
    std::vector<content::material> materials_of(std::string_view slug) const;

    // Offers `a.file` as material `a.material` in `a.file.language`, creating the material (of
    // a.kind) when new; a file it replaces is retired at now_ns so its URL keeps working. The same
    // file with another kind is `replaced` too (readers see the kind).
    attach_outcome attach(std::string_view slug, attachment const& a, std::int64_t now_ns);
    // Stops offering a material in one language (the file is retired); the material goes with its
    // last file. False when there was no such file.
    bool detach(std::string_view slug, std::string_view material, std::string_view language, std::int64_t now_ns);

    // Retired files still within their grace period (retired at or after since_ns), for the site.
    std::vector<retired_file> retired_since(std::int64_t since_ns) const;
    // Forgets retired files and removed uploads older than cutoff_ns, then returns every sha256
    // still referenced (material files, library uploads, retired files): the bytes to keep.
    std::vector<std::string> sweep(std::int64_t cutoff_ns);

private:
    std::shared_ptr<database> db_;
};

} // namespace farol::store
