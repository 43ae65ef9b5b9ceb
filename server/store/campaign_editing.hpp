#pragma once
#include "content/model.hpp"
#include "store/account_store.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace farol::store {

class database;

// One saved version of a translation. Times in system_clock nanoseconds.
struct translation_revision {
    std::int64_t revision = 0;
    std::int64_t at_ns = 0;
    std::string actor;  // account name, or "import"
    std::string fields; // what changed from the revision before: "title summary body"
    content::translation text;
};

// Where one language of a campaign stands.
struct translation_state {
    std::string language;
    std::int64_t latest = 0;                // the latest saved revision
    std::optional<std::int64_t> published;  // the revision readers see
    bool outdated = false; // the default language has a later revision than this text was saved or confirmed against
    content::publish_window window; // this language's own (UTC)
    bool draft() const { return !published || *published != latest; }
};

struct campaign_entry {
    std::int64_t id = 0;
    std::string slug;
    std::string default_language;
    std::vector<std::string> tags;
    std::vector<std::string> hotlines;
    bool archived = false;
    content::publish_window window; // UTC
    std::vector<translation_state> translations; // every language with a saved revision
    translation_state const* state(std::string_view language) const {
        for (auto const& t : translations)
            if (t.language == language) return &t;
        return nullptr;
    }
};

struct save_outcome {
    enum kind_t { saved, unchanged, stale } kind = saved;
    translation_revision latest; // saved: the new revision; unchanged and stale: the stored latest one
};

// Campaigns as editors write them: metadata, saved revisions per language, and what is published.
// Saving never touches the public text; publish() copies a revision into `translations` (what the
// site and search read). Blocking (SQLite): the worker pool only. Unknown slugs throw store_error.
class campaign_editing {
public:
    explicit campaign_editing(std::shared_ptr<database> db) : db_(std::move(db)) {}

    std::vector<campaign_entry> list() const; // by slug
    std::optional<campaign_entry> find(std::string_view slug) const;
    // Throws name_taken when the slug exists; store_error when a hotline does not.
    void create(campaign_entry const& c);
    // Default language, tags and hotlines; the site sees the change at the next build.
    void set_metadata(campaign_entry const& c);
    void set_archived(std::string_view slug, bool archived);

    std::vector<translation_revision> revisions(std::string_view slug, std::string_view language) const; // newest first
    std::optional<translation_revision> revision(std::string_view slug, std::string_view language,
                                                 std::int64_t n) const;
    // A new revision if `base` is still the latest (0: there is none yet); stale otherwise, never
    // overwriting. The text must carry its rendered body_html.
    save_outcome save(std::string_view slug, content::translation const& text, std::int64_t base,
                      std::string_view actor, std::int64_t now_ns);
    // "Still accurate": the text is current against the default language's latest revision.
    void confirm(std::string_view slug, std::string_view language);
    // Puts the latest revision on the public site at `position` among the languages; false if none.
    bool publish(std::string_view slug, std::string_view language, std::int64_t position);
    bool unpublish(std::string_view slug, std::string_view language);

private:
    std::shared_ptr<database> db_;
};

} // namespace farol::store
