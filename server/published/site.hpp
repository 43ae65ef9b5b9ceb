#pragma once
#include "content/model.hpp"
#include "published/api_documents.hpp"
#include "published/embed_card.hpp"
#include "http/representation.hpp"
#include "util/huge_buffer.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace farol::published {

// The campaign and language a material file is offered by, for reach's download counts.
struct material_owner {
    std::string campaign;
    std::string language;
};

// What a rotation slot shows in one language as of the site's build (widgets and the API read it).
struct slot_pick {
    std::vector<std::string> campaigns; // slugs of published campaigns, in display order
    std::optional<std::chrono::system_clock::time_point> changes_at; // the next rotation boundary
};

// One published state of the public site: every page in every language already rendered and
// compressed. Immutable once built; readers hold it through a shared_ptr.
struct site {
    std::shared_ptr<content::library const> source; // the hotlines the pages show (search pages reuse them)
    std::vector<std::string> languages; // UI languages, default first
    std::string default_language;
    // Keyed by path: "/pt-BR/", "/pt-BR/c/<slug>", "/sitemap.xml", "/robots.txt".
    std::map<std::string, http::representation, std::less<>> pages;
    // Keyed by "<lang> <status>", e.g. "ar 404".
    std::map<std::string, http::representation, std::less<>> errors;
    // Keyed by "<hash>/<file-name>" as in /m/<hash>/<file-name>.
    std::map<std::string, http::representation, std::less<>> materials;
    // Keyed like materials, for files a published campaign offers (not retired ones, kept only so
    // a cut download can resume): the first campaign offering the bytes under that name.
    std::map<std::string, material_owner, std::less<>> material_owners;
    // Keyed like pages and errors: the fingerprint of what each was rendered from (view/page_inputs),
    // so the next build renders only pages whose inputs changed. Absent: rendered at every build.
    std::map<std::string, std::string, std::less<>> inputs;
    // The blocks the pages' bytes live in (see published/site_pack): a block stays while enough of
    // it is in use, so an unchanged page keeps its bytes from build to build.
    std::vector<std::shared_ptr<util::huge_buffer const>> blocks;
    // Pages built with a fast brotli quality, to be rebuilt at the best one in the background.
    bool refine_pending = false;
    // Every text readers may get, as "<slug> <language>": search shows hits among these alone, since a
    // campaign page also exists (in a fallback language) while one of its texts is out of its window.
    std::set<std::string, std::less<>> texts;
    bool has_text(std::string_view slug, std::string_view language) const;
    // The moment the site shows (a build as of `built_at`, or a preview of another moment).
    std::chrono::system_clock::time_point built_at{};
    // What each rotating page picked, by path ("featured: a; list: b c"), so a rotation that moved is audited.
    std::map<std::string, std::string, std::less<>> picks;
    // Pages that follow a rotation (home pages), by path: when their slots' period ends, so
    // Cache-Control max-age counts down to it.
    std::map<std::string, std::chrono::system_clock::time_point, std::less<>> rotating;
    // When a publish window opens or closes or a rotation moves next, so the site is rebuilt then.
    std::optional<std::chrono::system_clock::time_point> next_change;

    bool has_language(std::string_view tag) const;
    http::representation const* page(std::string_view path) const;
    http::representation const* error(std::string_view lang, unsigned status) const;
    http::representation const* material(std::string_view hash, std::string_view name) const;
    // Where each campaign page's WhatsApp share button leads, by the page's path (wa.me with its text).
    std::map<std::string, std::string, std::less<>> whatsapp_shares;
    material_owner const* owner(std::string_view hash, std::string_view name) const;
    // Keyed "<slot> <lang>", for every stored slot and UI language whose entries can show in it.
    std::map<std::string, slot_pick, std::less<>> slot_picks;
    slot_pick const* pick(std::string_view slot, std::string_view lang) const;
    // Partner widget cards keyed "<lang> <slug>", for every UI language and published campaign.
    std::map<std::string, embed_card, std::less<>> cards;
    embed_card const* card(std::string_view lang, std::string_view slug) const;
    // The cards' CSP sources for their inline script and style ("'sha256-…'").
    std::string card_script_source, card_style_source;
    // The JSON API's documents; lookups by "<slug> <lang>" and "<slot> <lang>", null when absent.
    api_documents api;
    api_document const* api_campaign(std::string_view slug, std::string_view lang) const;
    http::representation const* api_slot(std::string_view slot, std::string_view lang) const;
};

// How long a response drawn from `s` may stay fresh at `now` (RFC 9111 max-age, whole seconds, never
// negative): `cap`, or until `until` when given instead, and never past the site's next scheduled
// change (a window edge or a rotation: the site is rebuilt then).
std::chrono::seconds fresh_for(site const& s, std::chrono::system_clock::time_point now, std::chrono::seconds cap,
                               std::optional<std::chrono::system_clock::time_point> until = std::nullopt);

// The current site, swapped atomically on publish. current() takes no lock on the read path: each
// thread keeps a weak reference and re-reads under the mutex only when the generation moved. The
// weak reference lets a replaced site go at once, even if some io thread stays idle.
class site_holder {
public:
    explicit site_holder(std::shared_ptr<site const> initial);
    site_holder(site_holder const&) = delete;
    site_holder& operator=(site_holder const&) = delete;

    std::shared_ptr<site const> current() const;
    std::shared_ptr<site const> snapshot() const;
    void publish(std::shared_ptr<site const> next);
    std::uint64_t generation() const { return generation_.load(std::memory_order_acquire); }

private:
    mutable std::mutex mutex_; // taken only by publish() and by a thread's first read after it
    std::shared_ptr<site const> site_;
    std::atomic<std::uint64_t> generation_;
};

} // namespace farol::published
