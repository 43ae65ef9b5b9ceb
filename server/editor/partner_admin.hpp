#pragma once
#include "editor/audit_log.hpp"
#include "partners/partner.hpp"
#include "store/partner_store.hpp"
#include "util/clock.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace farol::store {
class schedule_store;
}

namespace farol::editor {

// A partner as an admin typed it (the editor's form or `farol partner add`), before any check.
struct partner_input {
    std::string id;
    std::string name;
    std::vector<std::string> origins; // as typed; blank entries are ignored
    std::string default_slot = "widget-default";
    std::string default_language;     // "" : the site's default language
};

// One thing wrong with a partner_input: the field ("id", "name", "origins", "default_slot",
// "default_language"), a catalog key ("partner.error.origin") and what fills its {detail}.
struct partner_problem {
    std::string field, key, detail;
};

struct partner_change {
    enum kind_t { done, invalid, not_found } kind = done;
    std::vector<partner_problem> problems; // for invalid
    partners::partner saved;               // for done: as stored (origins normalized)
};

// Registering and changing partners, for the editor (admins) and `farol partner`. Every change is
// checked (id rule, RFC 6454 origins, an existing slot, one of the site's languages), stored,
// recorded in the audit log (partner.add, partner.update, partner.disable, partner.enable, object
// "partner:<id>"); then on_change is called (the app reloads its registry from the store).
// Blocking (SQLite): the worker pool or a command.
class partner_admin {
public:
    partner_admin(store::partner_store& store, store::schedule_store const& slots, audit_log const& audit,
                  util::clock const& clock, std::vector<std::string> languages,
                  std::function<void()> on_change = {})
        : store_(store), slots_(slots), audit_(audit), clock_(clock), languages_(std::move(languages)),
          on_change_(std::move(on_change)) {}

    std::vector<partners::partner> list() const { return store_.list(); }
    std::optional<partners::partner> find(std::string_view id) const { return store_.find(id); }
    // Every partner, as the registry holds them.
    partners::partner_set load() const { return {store_.list()}; }
    std::vector<std::string> const& languages() const { return languages_; }
    std::vector<std::string> slot_names() const; // every slot a partner may show, by name

    // A new, enabled partner; invalid (with every problem) or a taken id (field "id").
    partner_change add(std::string_view actor, partner_input const& in);
    // Name, origins, slot and language of the partner `in.id`; not_found when there is none.
    partner_change update(std::string_view actor, partner_input const& in);
    // False when there is no such partner. A disabled partner's embeds answer 404 and stop counting.
    bool set_enabled(std::string_view actor, std::string_view id, bool enabled);

    // The partner a partner-role account belongs to.
    std::optional<std::string> partner_of(std::int64_t user_id) const { return store_.partner_of(user_id); }
    // Links an account to an existing partner; false when either is missing.
    bool link(std::string_view actor, std::int64_t user_id, std::string_view user_name, std::string_view partner_id);
    // Ends an account's link to its partner (its role is no longer partner); audited when there was one.
    void unlink(std::string_view actor, std::int64_t user_id, std::string_view user_name);

private:
    std::vector<partner_problem> check(partner_input const& in, bool new_id, partners::partner& out) const;
    void changed() const;

    store::partner_store& store_;
    store::schedule_store const& slots_;
    audit_log const& audit_;
    util::clock const& clock_;
    std::vector<std::string> languages_;
    std::function<void()> on_change_;
};

} // namespace farol::editor
