#pragma once
// Decoding of hotlines.json and <slug>/campaign.json trees per campaigns/README.md. Everything
// that needs only the JSON is checked here; files on disk are the reader's job.
#include "content/located_json.hpp"
#include "content/model.hpp"
#include "content/problem_reason.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace farol::content {

using report_fn = std::function<void(int line, problem_reason why)>;

constexpr std::size_t max_label_chars = 40;        // code points
constexpr std::size_t max_description_chars = 200; // code points

struct hotline_set {
    std::vector<hotline> hotlines; // the valid ones, sorted by id
    std::set<std::string> ids;     // every well-formed id, valid or not, so campaigns do not cascade
};

hotline_set decode_hotlines(json_node const& root, std::vector<std::string> const& languages, report_fn const& report);

struct material_path {
    std::string language;
    std::string path; // relative to the campaign folder, lexically checked
    int line = 0;
};

struct material_spec {
    std::string id;
    std::string kind;
    std::vector<material_path> files; // in language order
};

struct campaign_spec {
    campaign settings; // no translations or materials yet
    std::vector<material_spec> materials;
    int slug_line = 1;
    int default_language_line = 1;
};

// hotline_ids == nullptr skips the hotline check (hotlines.json itself was unusable).
// Returns nullopt if anything was reported.
std::optional<campaign_spec> decode_campaign(json_node const& root, std::vector<std::string> const& languages,
                                             std::set<std::string> const* hotline_ids, report_fn const& report);

} // namespace farol::content
