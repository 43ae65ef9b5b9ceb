#pragma once
#include "content/bundle_error.hpp"
#include "content/model.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace farol::content {

// campaign.json, hotlines.json and <lang>.md are read whole; nothing legitimate comes close.
constexpr std::uintmax_t max_bundle_text_bytes = 1024 * 1024;

struct bundle_set {
    content::library library;
    std::map<std::string, std::filesystem::path> blobs; // sha256 -> a source file with those bytes
};

// Reads and checks every bundle under dir (campaigns/README.md): hotlines.json and one folder per
// campaign; dotfiles and README.md are ignored. languages: the known tags, in display order.
// Collects every problem first and then throws bundle_invalid; otherwise returns the library
// with body_html rendered, material hashes, sizes and types, campaigns sorted by slug,
// translations and material files in `languages` order, hotlines sorted by id.
bundle_set read_bundles(std::filesystem::path const& dir, std::vector<std::string> const& languages);

} // namespace farol::content
