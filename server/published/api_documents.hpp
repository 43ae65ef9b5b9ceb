#pragma once
#include "http/representation.hpp"

#include <array>
#include <chrono>
#include <cstddef>
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

// One campaign document, held only gzip-compressed: API clients all but always take gzip, and a
// client that does not gets it inflated per request (a few microseconds for ~3.5 KB). Identity and
// brotli copies of 6,000 documents cost tens of megabytes of resident memory for nothing.
struct api_document {
    http::shared_bytes gzip;         // the JSON, gzip level 9 (1 in a fast first pass); may share a campaign's arena
    std::array<char, 16> hash{};     // util::content_hash of the JSON (16 hex digits): the ETags' base
    int quality = 0;                 // the brotli quality its build asked for (as representation::br_quality)

    std::string_view content_hash() const { return {hash.data(), hash.size()}; }
    // The strong ETag suffix of the gzip bytes: "-gz" at the best quality, "-gz1" in a fast pass.
    std::string_view gzip_suffix() const;
};

// The JSON API v1's documents (/api/v1/...), prepared with the site like its pages: compressed,
// with strong ETags, so the read path renders nothing and touches no database.
struct api_documents {
    std::string public_url;           // absolute, no trailing slash: the Link header's targets
    std::vector<api_listing> listing; // every published campaign, in library (slug) order
    // Keyed "<slug> <lang>": one campaign in every UI language (a fallback text where it has none);
    // "<slug> " (no language) is its default language's.
    std::map<std::string, api_document, std::less<>> campaigns;
    // Keyed "<slot> <lang>": what every stored slot shows now in every UI language, chosen as the
    // widget chooses it, and when that changes (absent: only with a publish).
    std::map<std::string, http::representation, std::less<>> slots;
    std::map<std::string, std::chrono::system_clock::time_point, std::less<>> slot_changes;
    http::representation languages; // the site's UI languages

    // Heap bytes these documents keep (payloads, keys, summaries, node overheads estimated), shared
    // payloads counted once: what the size test bounds.
    std::size_t retained_bytes() const;
};

} // namespace farol::published
