#pragma once
#include "editor/audit_log.hpp"
#include "editor/campaigns.hpp"
#include "store/material_library.hpp"
#include "util/clock.hpp"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

namespace farol::content {
class material_store;
}

namespace farol::editor {

// An upload taken into the library, or why not: a catalog key (upload.empty, upload.not_allowed,
// upload.polyglot, upload.extension_mismatch, upload.unreadable) and what the bytes were found to be.
struct upload_result {
    std::optional<store::upload_row> stored;
    std::string problem;
    std::string found;     // upload_verdict::found (pdf, html, svg, archive...)
    std::string detected;  // libmagic's description, or the reason the file could not be read
    std::string extension; // the name's extension, e.g. ".pdf"
    std::string hidden;    // for a polyglot: "zip" or "markup"
};

struct attach_form {
    std::string slug;
    std::int64_t upload = 0; // the library file
    std::string material;    // id within the campaign; a new one creates the material
    std::string kind;        // leaflet | poster | audio | other
    std::string language;
    std::string file_name;   // as readers download it; "" derives one from the upload's name
};

// The materials library: uploads checked by content (editor/upload_type) and stripped of metadata
// (editor/strip_metadata) before they are stored content-addressed; files attached to campaigns
// per language, replaced and detached; and the bytes nothing refers to any more deleted once the
// grace period has passed. Every action is audited; attaching and detaching republish the site.
// Blocking (file I/O, libvips, SQLite): the worker pool.
class materials {
public:
    struct settings {
        std::filesystem::path work_dir;   // temporary files while stripping (the uploads directory)
        std::chrono::milliseconds grace;  // how long replaced and removed files stay
        std::uint64_t upload_max = 25ull * 1024 * 1024; // bytes of one file (the route refuses larger bodies)
    };

    materials(store::material_library& library, content::material_store& blobs, audit_log const& audit,
              campaigns const& campaigns, util::clock const& clock, settings s, std::function<void()> republish)
        : library_(library), blobs_(blobs), audit_(audit), campaigns_(campaigns), clock_(clock),
          settings_(std::move(s)), republish_(std::move(republish)) {}

    // Checks, strips and stores the file at `file` (a received upload, left in place) named
    // `client_name` by the editor's browser.
    upload_result upload(std::string_view actor, std::filesystem::path const& file, std::string_view client_name);
    std::vector<store::upload_row> list() const { return library_.uploads(); }
    std::uint64_t upload_max() const { return settings_.upload_max; }
    std::optional<store::upload_row> find(std::int64_t id) const { return library_.upload(id); }
    std::vector<store::material_use> uses(std::string_view sha256) const { return library_.uses(sha256); }
    std::vector<content::material> materials_of(std::string_view slug) const { return library_.materials_of(slug); }
    // Where the stored bytes of `sha256` are (for the editor's own download).
    std::filesystem::path path_of(std::string_view sha256) const;
    // False when a campaign still offers the file.
    bool remove(std::string_view actor, std::int64_t id);

    std::vector<field_problem> attach(std::string_view actor, attach_form const& form);
    bool detach(std::string_view actor, std::string_view slug, std::string_view material, std::string_view language);

    // Files for the site to keep serving under their old URLs.
    std::vector<content::material_file> retired() const;
    // Deletes stored bytes nothing refers to that are older than the grace period; returns how many.
    std::size_t sweep();

    // A download name for an upload: lower case, spaces to '-', only [a-z0-9._-], the stored type's
    // extension; e.g. "Folheto Final (2).PDF" -> "folheto-final-2.pdf".
    static std::string download_name(std::string_view original, std::string_view media_type);

private:
    std::int64_t now_ns() const;
    bool name_taken(attach_form const& f, std::string_view name, std::string_view sha256) const;
    // Sweeps at most once an hour, after an editor's action (and sweep() runs at start-up).
    void sweep_if_due();

    store::material_library& library_;
    content::material_store& blobs_;
    audit_log const& audit_;
    campaigns const& campaigns_;
    util::clock const& clock_;
    settings settings_;
    std::function<void()> republish_;
    std::atomic<std::int64_t> last_sweep_ns_{0};
    mutable std::shared_mutex storing_; // uploads share it from storing bytes to their row; a sweep holds it alone
};

} // namespace farol::editor
