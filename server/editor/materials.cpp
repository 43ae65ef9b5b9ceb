#include "editor/materials.hpp"

#include "content/material_store.hpp"
#include "content/text_rules.hpp"
#include "editor/strip_metadata.hpp"
#include "editor/upload_type.hpp"
#include "util/media_types.hpp"
#include "util/temp_file.hpp"

#include <algorithm>
#include <mutex>
#include <set>
#include <shared_mutex>
#include <system_error>

namespace farol::editor {

namespace {
bool is_kind(std::string_view k) { return k == "leaflet" || k == "poster" || k == "audio" || k == "other"; }

std::string object_of(std::string_view slug, std::string_view material, std::string_view language) {
    return "campaign:" + std::string(slug) + "/" + std::string(material) + "/" + std::string(language);
}
} // namespace

std::int64_t materials::now_ns() const {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(clock_.now().time_since_epoch()).count();
}

std::string materials::download_name(std::string_view original, std::string_view media_type) {
    auto const dot = original.rfind('.');
    auto const stem_in = dot == std::string_view::npos ? original : original.substr(0, dot);
    std::string stem;
    for (unsigned char ch : stem_in) {
        char c = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
        bool const keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        if (keep) stem += c;
        else if ((c == ' ' || c == '-' || c == '.') && !stem.empty() && stem.back() != '-') stem += '-';
    }
    while (!stem.empty() && stem.back() == '-') stem.pop_back();
    if (stem.empty()) stem = "file";
    auto const extension = util::material_extension(media_type);
    return stem + "." + std::string(extension.empty() ? "bin" : extension);
}

upload_result materials::upload(std::string_view actor, std::filesystem::path const& file, std::string_view client_name) {
    auto const verdict = check_upload(file, client_name);
    std::string const object = "file:" + verdict.extension; // not the name: nothing was stored
    if (!verdict.ok) {
        audit_.record(actor, "material.upload", object, "refused");
        return {std::nullopt, verdict.problem, verdict.found, verdict.detected, verdict.extension, verdict.hidden};
    }
    auto stripped = util::temp_file::create(settings_.work_dir, "upload-strip-");
    try {
        strip_metadata(file, stripped.path(), verdict.media_type);
    } catch (strip_error const& e) {
        audit_.record(actor, "material.upload", object, "refused");
        return {std::nullopt, "upload.unreadable", verdict.found, e.what(), verdict.extension, ""};
    }
    std::shared_lock lock(storing_); // from the bytes to their row, no sweep runs
    store::upload_row row{0, blobs_.put_file(stripped.path()), verdict.media_type,
                          static_cast<std::uint64_t>(std::filesystem::file_size(stripped.path())),
                          std::string(client_name), std::string(actor), now_ns()};
    row.id = library_.add_upload(row);
    lock.unlock();
    audit_.record(actor, "material.upload", "upload:" + std::to_string(row.id));
    return {row, "", verdict.found, verdict.detected, verdict.extension, ""};
}

std::filesystem::path materials::path_of(std::string_view sha256) const { return blobs_.path_of(sha256); }

bool materials::remove(std::string_view actor, std::int64_t id) {
    bool const removed = library_.remove_upload(id, now_ns());
    audit_.record(actor, "material.delete", "upload:" + std::to_string(id), removed ? "ok" : "in use");
    sweep_if_due();
    return removed;
}

// An export writes every file of a campaign to materials/<name>: two different files may not share one.
bool materials::name_taken(attach_form const& f, std::string_view name, std::string_view sha256) const {
    for (auto const& m : library_.materials_of(f.slug))
        for (auto const& file : m.files)
            if (file.file_name == name && file.sha256 != sha256 && !(m.id == f.material && file.language == f.language))
                return true;
    return false;
}

std::vector<field_problem> materials::attach(std::string_view actor, attach_form const& f) {
    std::vector<field_problem> problems;
    if (!campaigns_.find(f.slug)) return {{"slug", "material.campaign_missing", ""}};
    auto const up = library_.upload(f.upload);
    if (!up) problems.push_back({"upload", "material.upload_missing", ""});
    if (!content::is_id(f.material)) problems.push_back({"material", "material.id_invalid", ""});
    if (!is_kind(f.kind)) problems.push_back({"kind", "material.kind_invalid", ""});
    if (!campaigns_.known_language(f.language)) problems.push_back({"language", "material.language_invalid", ""});
    auto const name = f.file_name.empty() && up ? download_name(up->original_name, up->media_type) : f.file_name;
    if (!content::is_safe_file_name(name)) problems.push_back({"file_name", "material.file_name_invalid", ""});
    else if (up && util::material_media_type(name) != up->media_type)
        problems.push_back({"file_name", "material.file_name_type", ""});
    if (problems.empty() && name_taken(f, name, up->sha256))
        problems.push_back({"file_name", "material.file_name_taken", ""});
    if (!problems.empty()) return problems;
    auto const outcome =
        library_.attach(f.slug, {f.material, f.kind, {f.language, name, up->sha256, up->size, up->media_type}}, now_ns());
    if (outcome == store::attach_outcome::unchanged) return problems;
    audit_.record(actor, outcome == store::attach_outcome::replaced ? "material.replace" : "material.attach",
                  object_of(f.slug, f.material, f.language));
    republish_();
    sweep_if_due();
    return problems;
}

bool materials::detach(std::string_view actor, std::string_view slug, std::string_view material,
                       std::string_view language) {
    if (!library_.detach(slug, material, language, now_ns())) return false;
    audit_.record(actor, "material.detach", object_of(slug, material, language));
    republish_();
    sweep_if_due();
    return true;
}

std::vector<content::material_file> materials::retired() const {
    auto const since = now_ns() - std::chrono::duration_cast<std::chrono::nanoseconds>(settings_.grace).count();
    std::vector<content::material_file> out;
    for (auto& r : library_.retired_since(since)) out.push_back(std::move(r.file));
    return out;
}

std::size_t materials::sweep() {
    std::unique_lock lock(storing_); // the keep-set and the deletions see no upload half done
    auto const grace = std::chrono::duration_cast<std::chrono::nanoseconds>(settings_.grace);
    auto const keep_list = library_.sweep(now_ns() - grace.count());
    std::set<std::string, std::less<>> const keep(keep_list.begin(), keep_list.end());
    // An upload or import stores its bytes before its row: files younger than the grace period
    // (an hour at least) are never swept, and uploads in progress hold the lock.
    auto const window = std::max<std::chrono::nanoseconds>(grace, std::chrono::hours(1));
    auto const young = std::filesystem::file_time_type::clock::now() - window;
    std::size_t removed = 0;
    std::error_code ec;
    for (std::filesystem::recursive_directory_iterator it(blobs_.root(), ec), end; !ec && it != end; it.increment(ec)) {
        auto const name = it->path().filename().string();
        if (!it->is_regular_file() || !content::is_sha256_hex(name) || keep.contains(name)) continue;
        std::error_code fe;
        if (std::filesystem::last_write_time(it->path(), fe) > young || fe) continue;
        if (std::filesystem::remove(it->path(), fe)) ++removed;
    }
    if (removed > 0) audit_.record("", "material.sweep", "files:" + std::to_string(removed));
    last_sweep_ns_ = now_ns();
    return removed;
}

void materials::sweep_if_due() {
    constexpr std::int64_t hour_ns = 3600'000'000'000;
    auto last = last_sweep_ns_.load();
    if (now_ns() - last < hour_ns || !last_sweep_ns_.compare_exchange_strong(last, now_ns())) return;
    sweep();
}

} // namespace farol::editor
