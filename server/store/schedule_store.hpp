#pragma once
#include "content/model.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace farol::store {

class database;

// Slots, their rotation entries and the publish windows of campaigns and translations, as the
// editor writes them. Values are checked by the caller (editor/schedule); the schema's CHECKs are
// the last line. Blocking (SQLite): the worker pool only. Throws store_error.
class schedule_store {
public:
    explicit schedule_store(std::shared_ptr<database> db) : db_(std::move(db)) {}

    std::vector<content::rotation_slot> slots() const; // by name, with entries
    std::optional<content::rotation_slot> find(std::string_view name) const;
    // Throws name_taken when the name exists.
    void create_slot(content::rotation_slot const& s);
    // Zone, period and list size of an existing slot; false if there is none.
    bool update_slot(content::rotation_slot const& s);
    // False when the slot is missing or one of the site's own; its entries go with it.
    bool delete_slot(std::string_view name);

    // The new entry's id; nullopt when the slot or the campaign (by slug) does not exist.
    std::optional<std::int64_t> add_entry(std::string_view slot, content::rotation_entry const& e);
    // False when no entry `id` is in that slot.
    bool delete_entry(std::string_view slot, std::int64_t id);

    // The campaign's window (UTC); false for an unknown slug.
    bool set_campaign_window(std::string_view slug, content::publish_window const& w);
    // One language's own window; false when the campaign has no text in that language.
    bool set_translation_window(std::string_view slug, std::string_view language, content::publish_window const& w);

    // Once per database: the site's own slots take `zone` (site.zone), replacing the migration's
    // America/Sao_Paulo; later changes are the admins' (slot settings).
    void seed_builtin_zone(std::string const& zone);

    // The moment the last Site was built as of (system_clock ns), so a restart knows which scheduled
    // changes passed while it was down; nullopt before the first.
    std::optional<content::time_point> applied_at() const;
    void set_applied_at(content::time_point t);

private:
    std::shared_ptr<database> db_;
};

} // namespace farol::store
