#pragma once
#include "editor/audit_log.hpp"
#include "editor/schedule_form.hpp"
#include "store/account_store.hpp"
#include "store/campaign_editing.hpp"
#include "store/schedule_store.hpp"
#include "util/clock.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace farol::editor {

struct slot_form {
    std::string name;
    std::string zone;
    std::string period_minutes; // as entered
    std::string list_size;
};

struct entry_form {
    std::string campaign; // slug
    window_form window;
    bool all_languages = true;
    std::vector<std::string> languages;
    std::string weight;   // 0..1000
    std::string priority; // fallback | scheduled | override
    std::vector<int> days; // 0 Sunday .. 6 Saturday
    std::string hour_from; // "" or 0..23
    std::string hour_until; // "" or 1..24
};

struct entry_result {
    std::vector<field_problem> problems;
    std::vector<ambiguity> ambiguous;
    std::int64_t id = 0; // the new entry's, when there are no problems
};

// What editors plan: slots, their rotation entries and publish windows. Checks every field (zone,
// window order, DST gaps and ambiguities, weights, days and hours, overrides of the same slot and
// language that overlap), records each change in the audit log and asks for a new Site. Blocking.
class scheduling {
public:
    scheduling(store::schedule_store& store, store::campaign_editing const& campaigns, store::account_store& accounts,
               audit_log const& audit,
             std::vector<std::string> languages, std::string site_zone, std::function<void()> republish,
             std::function<std::optional<std::string>()> publish_problem = {})
        : store_(store), campaigns_(campaigns), accounts_(accounts), audit_(audit), languages_(std::move(languages)),
          site_zone_(std::move(site_zone)), republish_(std::move(republish)),
          publish_problem_(std::move(publish_problem)) {}

    // Why the last publish failed (the site stays as it was), for every editor page that plans.
    std::optional<std::string> publish_problem() const {
        return publish_problem_ ? publish_problem_() : std::nullopt;
    }

    std::string const& site_zone() const { return site_zone_; }
    // The zone a user chose to plan in, if any.
    std::optional<std::string> own_zone(std::int64_t user_id) const;
    // The zone a user's date fields start in: their own if they chose one, else the site's.
    std::string zone_for(std::int64_t user_id) const;
    // Sets (or, with "", clears) a user's own zone; false for a name the tzdata does not know.
    bool set_user_zone(std::string_view actor, std::int64_t user_id, std::string const& zone);
    std::vector<std::string> const& languages() const { return languages_; }
    std::vector<content::rotation_slot> slots() const { return store_.slots(); }
    std::optional<content::rotation_slot> find(std::string_view name) const { return store_.find(name); }

    std::vector<field_problem> create_slot(std::string_view actor, slot_form const& form);
    std::vector<field_problem> update_slot(std::string_view actor, slot_form const& form);
    bool delete_slot(std::string_view actor, std::string_view name);

    entry_result add_entry(std::string_view actor, std::string_view slot, entry_form const& form);
    bool delete_entry(std::string_view actor, std::string_view slot, std::int64_t id);

    window_result set_campaign_window(std::string_view actor, std::string_view slug, window_form const& form);
    window_result set_translation_window(std::string_view actor, std::string_view slug, std::string_view language,
                                         window_form const& form);

private:
    std::vector<field_problem> check_slot(slot_form const& form, content::rotation_slot& out) const;
    void check_entry(entry_form const& form, content::rotation_entry& out, entry_result& r) const;
    std::vector<std::string> languages_of(content::rotation_entry const& e) const;
    std::optional<std::string> overlapping_override(content::rotation_slot const& slot,
                                                    content::rotation_entry const& e) const;

    store::schedule_store& store_;
    store::campaign_editing const& campaigns_;
    store::account_store& accounts_;
    audit_log const& audit_;
    std::vector<std::string> languages_;
    std::string site_zone_;
    std::function<void()> republish_;
    std::function<std::optional<std::string>()> publish_problem_;
};

} // namespace farol::editor
