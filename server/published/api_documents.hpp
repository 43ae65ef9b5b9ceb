#pragma once
#include "http/representation.hpp"

#include <chrono>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace farol::published {

// One published campaign as the API's list shows it: what its filters read, and its summary object
// per language it has a text in, serialized at the build (Boost.JSON) so a list is only joined.
struct api_listing {
    std::string slug;
    std::vector<std::string> tags;
    std::string default_language;
    std::map<std::string, std::string, std::less<>> summaries; // language -> JSON object text

    // The summary in `lang` ("" for the campaign's default language); null when it has no text in it.
    std::string const* summary(std::string_view lang) const {
        auto const it = summaries.find(lang.empty() ? std::string_view(default_language) : lang);
        return it == summaries.end() ? nullptr : &it->second;
    }
    bool tagged(std::string_view tag) const {
        for (auto const& t : tags)
            if (t == tag) return true;
        return false;
    }
};

// The JSON API v1's documents (/api/v1/...), prepared with the site like its pages: compressed,
// with strong ETags, so the read path renders nothing and touches no database.
struct api_documents {
    std::string public_url;           // absolute, no trailing slash: the Link header's targets
    std::vector<api_listing> listing; // every published campaign, in library (slug) order
    // Keyed "<slug> <lang>": one campaign in every UI language (a fallback text where it has none);
    // "<slug> " (no language) is its default language's.
    std::map<std::string, http::representation, std::less<>> campaigns;
    // Keyed "<slot> <lang>": what every stored slot shows now in every UI language, chosen as the
    // widget chooses it, and when that changes (absent: only with a publish).
    std::map<std::string, http::representation, std::less<>> slots;
    std::map<std::string, std::chrono::system_clock::time_point, std::less<>> slot_changes;
    http::representation languages; // the site's UI languages
};

} // namespace farol::published
