#pragma once
#include "content/material_store.hpp"
#include "content/model.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace farol::content {

// Writes the library in campaigns/README.md's format under dir (created if needed): hotlines.json,
// <slug>/campaign.json, <slug>/<lang>.md and <slug>/materials/<file name> copied from the store.
// Output is deterministic (fixed key order, 2-space JSON, '\n'), so writing twice gives identical
// bytes. Files it writes are replaced; other files in dir are left alone. Language-keyed objects
// (hotline labels, descriptions) follow language_order, then any other language alphabetically.
// Throws std::runtime_error if a material's bytes are not in the store, std::system_error on I/O.
void write_bundles(library const& lib, material_store const& store, std::filesystem::path const& dir,
                   std::vector<std::string> const& language_order = {});

// The campaign.json text of a campaign (tests, and diff tools).
std::string campaign_json(campaign const& c);

} // namespace farol::content
