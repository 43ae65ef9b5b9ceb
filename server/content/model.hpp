#pragma once
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace farol::content {

using time_point = std::chrono::system_clock::time_point;


// A downloadable file in one language. Bytes live content-addressed under the data directory.
struct material_file {
    std::string language;
    std::string file_name;    // as offered for download, e.g. "folheto-pt-BR.pdf"
    std::string sha256;       // full lower-case hex of the bytes
    std::uint64_t size = 0;
    std::string content_type; // e.g. "application/pdf"
    bool operator==(material_file const&) const = default;
};

struct material {
    std::string id;   // unique within the campaign, e.g. "folheto"
    std::string kind; // leaflet | poster | audio | other
    std::vector<material_file> files;
    bool operator==(material const&) const = default;
};

struct publish_window {
    std::optional<time_point> from;
    std::optional<time_point> until; // exclusive
    bool contains(time_point t) const { return (!from || *from <= t) && (!until || t < *until); }
    bool operator==(publish_window const&) const = default;
};

// One language version of a campaign. body_html is rendered from Markdown at import/save, never per request.
struct translation {
    std::string language; // BCP 47, e.g. "pt-BR"
    std::string title;
    std::string summary;
    std::string body_markdown;
    std::string body_html;
    publish_window window; // this language alone; the campaign's window applies too
    bool operator==(translation const&) const = default;
};

struct campaign {
    std::string slug;
    std::string default_language;
    std::vector<std::string> tags;
    std::vector<std::string> hotlines; // ids into library::hotlines
    publish_window window;
    std::vector<translation> translations;
    std::vector<material> materials;

    translation const* find_translation(std::string const& language) const {
        for (auto const& t : translations)
            if (t.language == language) return &t;
        return nullptr;
    }
    bool operator==(campaign const&) const = default;
};

struct hotline {
    std::string id;     // e.g. "disque-100"
    std::string number; // dialled as is, e.g. "100"
    std::map<std::string, std::string> label;       // language -> text
    std::map<std::string, std::string> description; // language -> text
    bool operator==(hotline const&) const = default;
};

// One campaign's place in a slot's rotation, as editors store it (schedule/plan turns it into
// what schedule::pick takes).
struct rotation_entry {
    std::int64_t id = 0;
    std::string campaign;                // slug
    publish_window window;               // UTC
    bool all_languages = true;           // every language the campaign is published in
    std::vector<std::string> languages;  // otherwise these (BCP 47)
    int weight = 1;                      // 0..1000; 0 pauses the entry
    int priority = 1;                    // 0 fallback, 1 scheduled, 2 override
    int days = 0x7f;                     // bit 0 Sunday .. bit 6 Saturday, in the slot's zone
    std::optional<int> hour_from;        // local hours [from, until), 0..23 and 1..24; both or neither
    std::optional<int> hour_until;
    bool operator==(rotation_entry const&) const = default;
};

// A named placement ("home-featured", "home-list", "widget-default", or an admin's).
struct rotation_slot {
    std::string name;
    std::string zone = "America/Sao_Paulo"; // IANA; day and hour rules read it
    std::int64_t period_seconds = 3600;    // rotation period: 60..86400, dividing a day
    int list_size = 1;                      // campaigns shown at once
    bool builtin = false;                   // the site's own slots cannot be removed
    std::vector<rotation_entry> entries;    // by id
    bool operator==(rotation_slot const&) const = default;
};

// Everything the site is built from.
struct library {
    std::vector<campaign> campaigns; // sorted by slug
    std::vector<hotline> hotlines;   // sorted by id
    // Files pages offered before they were replaced (language empty): served, never linked, until
    // their grace period ends, since cached pages may still point at them.
    std::vector<material_file> retired;
    std::vector<rotation_slot> slots; // by name
    bool operator==(library const&) const = default;
};

} // namespace farol::content
