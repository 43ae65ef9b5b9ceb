#pragma once
#include "content/model.hpp"
#include "content/site.hpp"

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string_view>

namespace farol::view {

class page_renderer;

// Where a material's bytes are, by SHA-256 (the content-addressed material store).
using material_locator = std::function<std::filesystem::path(std::string_view sha256)>;

// Renders, compresses and hashes every public page in every UI language, and maps every material
// file: the whole public site as of `now`. Slow by design (brotli at its best ratio): run it off the
// io threads. Throws if a template fails or a material file is missing.
std::shared_ptr<content::site const> build_site(page_renderer const& pages, content::library const& lib,
                                                material_locator const& locate,
                                                std::chrono::system_clock::time_point now);

// The campaigns public at `now`, in library order.
std::vector<content::campaign const*> published_at(content::library const& lib,
                                                   std::chrono::system_clock::time_point now);

// RFC 6266 Content-Disposition for a download: ASCII fallback plus UTF-8 filename*.
std::string attachment_disposition(std::string_view file_name);

} // namespace farol::view
