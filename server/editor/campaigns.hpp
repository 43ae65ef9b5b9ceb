#pragma once
#include "editor/audit_log.hpp"
#include "store/campaign_editing.hpp"
#include "util/clock.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace farol::editor {

// A form field that was refused: the field, a catalog key and, for Markdown, the line and reason.
struct field_problem {
    std::string field;
    std::string key;
    std::string detail;
};

struct campaign_form {
    std::string slug;
    std::string default_language;
    std::string tags;                  // space-separated, each ^[a-z]+$
    std::vector<std::string> hotlines; // ids
};

struct translation_form {
    std::string language;
    std::string title;
    std::string summary;
    std::string body;      // Markdown
    std::int64_t base = 0; // the revision the editor started from (0: new)
};

struct save_result {
    store::save_outcome::kind_t kind = store::save_outcome::saved;
    std::vector<field_problem> problems; // not saved when not empty
    store::translation_revision latest;
};

// What editors do with campaigns: the rules of the bundle format applied to forms (slugs, tags,
// languages, plain-text titles, safe Markdown rendered once at save), every action in the audit
// log, and the site rebuilt after anything that changes what readers see. Blocking: worker pool.
class campaigns {
public:
    campaigns(store::campaign_editing& store, audit_log const& audit, util::clock const& clock,
              std::vector<std::string> languages, std::function<void()> republish)
        : store_(store), audit_(audit), clock_(clock), languages_(std::move(languages)),
          republish_(std::move(republish)) {}

    std::vector<std::string> const& languages() const { return languages_; }
    std::vector<store::campaign_entry> list() const { return store_.list(); }
    std::optional<store::campaign_entry> find(std::string_view slug) const { return store_.find(slug); }
    store::campaign_editing const& store() const { return store_; }

    std::vector<field_problem> create(std::string_view actor, campaign_form const& form);
    std::vector<field_problem> set_metadata(std::string_view actor, campaign_form const& form);
    void set_archived(std::string_view actor, std::string_view slug, bool archived);

    save_result save(std::string_view actor, std::string_view slug, translation_form const& form);
    // Saves revision n's text again as a new revision (if `base` is still the latest).
    save_result restore(std::string_view actor, std::string_view slug, std::string_view language, std::int64_t n,
                        std::int64_t base);
    void confirm(std::string_view actor, std::string_view slug, std::string_view language);
    bool publish(std::string_view actor, std::string_view slug, std::string_view language);
    std::size_t publish_all(std::string_view actor, std::string_view slug);
    bool unpublish(std::string_view actor, std::string_view slug, std::string_view language);

    bool known_language(std::string_view tag) const;

private:
    std::vector<field_problem> check(campaign_form const& form) const;
    std::int64_t position_of(std::string_view language) const;

    store::campaign_editing& store_;
    audit_log const& audit_;
    util::clock const& clock_;
    std::vector<std::string> languages_;
    std::function<void()> republish_;
};

std::vector<std::string> split_tags(std::string_view text);

} // namespace farol::editor
