#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace farol::partners {

// An organisation that embeds Farol on its own site (an NGO, a municipality, a shelter).
struct partner {
    std::string id;                   // public, in embed codes and ?src=partner:<id>: [a-z0-9-]{1,40}
    std::string name;                 // shown to editors
    std::vector<std::string> origins; // serialized origins ("https://ngo.example", "http://127.0.0.1:8081")
    std::string default_slot = "widget-default";
    std::string default_language;     // a BCP 47 tag; empty: the site's default language
    bool enabled = true;              // a disabled partner's embeds and statistics stop; its id stays taken
    bool operator==(partner const&) const = default;
};

// Why `id` cannot name a partner, or nullopt when it can: 1–40 of [a-z0-9-], not starting or ending
// with '-', and none of the source names reports already use ("direct", "qr", "whatsapp", ...).
std::optional<std::string> id_problem(std::string_view id);

// The RFC 6454 serialization of an origin given as "scheme://host[:port]" (http or https, a host,
// an optional port; no path, query, userinfo or fragment): lower-cased, default port dropped.
// nullopt when `text` is not such an origin. Parsed with Boost.URL.
std::optional<std::string> normalize_origin(std::string_view text);

// Every registered partner as of one moment; immutable, read on io threads without a lock.
struct partner_set {
    std::vector<partner> partners; // sorted by id
    // The partner with this id, enabled or not; null when none.
    partner const* find(std::string_view id) const;
    // The enabled partner with this id; null when none or disabled.
    partner const* enabled(std::string_view id) const;
};

} // namespace farol::partners
