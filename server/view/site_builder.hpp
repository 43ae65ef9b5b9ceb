#pragma once
#include "content/model.hpp"
#include "published/site.hpp"

#include <atomic>
#include <chrono>
#include <deque>
#include <stdexcept>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace farol::view {

class page_renderer;

// Where a material's bytes are, by SHA-256 (the content-addressed material store).
using material_locator = std::function<std::filesystem::path(std::string_view sha256)>;

// The brotli quality of a fast first pass: none. At the qualities that are fast, brotli is no
// smaller than gzip level 1 on an 8 KB page (q1 3,125 B, q2 2,932 B, gzip-1 3,035 B) and costs as
// much again; brotli readers get gzip until the background pass adds brotli 11.
constexpr int fast_brotli_quality = 0;

// What one build did, for the publisher's log line: wall-clock milliseconds per stage and page counts.
struct build_report {
    double plan_ms = 0, render_ms = 0, compress_ms = 0, pack_ms = 0, materials_ms = 0, api_ms = 0;
    std::size_t reused = 0;     // documents taken over from the previous site unrendered
    std::size_t rendered = 0;   // documents rendered by the templates
    std::size_t compressed = 0; // distinct documents compressed
    std::size_t api_bytes = 0;  // heap bytes the API's documents keep (published::api_documents::retained_bytes)
    // "reused 6000, rendered 74, compressed 3; plan 9 ms, render 41 ms, compress 12 ms, pack 5 ms,
    // materials 2 ms, api 30 ms (9876 KB)" (api: the JSON API's documents, view/api_builder, and what they keep)
    std::string summary() const;
};

struct build_options {
    // Pages whose bytes did not change keep their compressed variants from this site.
    published::site const* previous = nullptr;
    // Over this many pages to compress, brotli runs at a fast quality and the site is marked for a
    // later refinement at the best quality (start-up with thousands of pages stays quick).
    std::size_t fast_over = 300;
    bool allow_fast = true;
    unsigned threads = 1; // rendering and compression threads
    // Checked between pages: a server that is stopping does not wait for a long build.
    std::atomic<bool> const* cancel = nullptr;
    build_report* report = nullptr; // filled when set
};

struct build_cancelled : std::runtime_error {
    build_cancelled() : std::runtime_error("site build cancelled") {}
};

// Renders, compresses and hashes every public page in every UI language, and maps every material
// file: the whole public site as of `now`. Slow by design: run it off the io threads. Throws if a
// template fails or a material file is missing.
std::shared_ptr<published::site const> build_site(page_renderer const& pages, content::library const& lib,
                                                material_locator const& locate,
                                                std::chrono::system_clock::time_point now,
                                                build_options const& options = {});

// The campaigns public at `now`, in library order, each with only its texts public then (their own
// windows): a campaign with a text outside its window is copied into `narrowed`, which must outlive
// the result. A campaign whose default language is not public is not either.
std::vector<content::campaign const*> published_at(content::library const& lib,
                                                   std::chrono::system_clock::time_point now,
                                                   std::deque<content::campaign>& narrowed);

// RFC 6266 Content-Disposition for a download: ASCII fallback plus UTF-8 filename*.
std::string attachment_disposition(std::string_view file_name);

} // namespace farol::view
