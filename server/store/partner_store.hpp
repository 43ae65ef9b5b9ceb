#pragma once
#include "partners/partner.hpp"
#include "store/store_error.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace farol::store {

class database;

// A partner id already registered (ids are never reused, even after a partner is disabled).
class partner_taken : public store_error {
public:
    using store_error::store_error;
};

// The partners table (README, "Partners"). Values are stored as given: partners/ and editor/
// check them first. Every call is one short transaction and blocks on SQLite: the worker pool or
// a command, never an io thread.
class partner_store {
public:
    explicit partner_store(std::shared_ptr<database> db) : db_(std::move(db)) {}

    std::vector<partners::partner> list() const; // by id
    std::optional<partners::partner> find(std::string_view id) const;
    // Throws partner_taken when the id exists. `now_ns`: created and updated time.
    void insert(partners::partner const& p, std::int64_t now_ns);
    // Name, origins, default slot and language (not the id, not enabled); false when there is no such partner.
    bool update(partners::partner const& p, std::int64_t now_ns);
    // False when there is no such partner.
    bool set_enabled(std::string_view id, bool enabled, std::int64_t now_ns);

    // The partner a (partner-role) account belongs to; nullopt when none.
    std::optional<std::string> partner_of(std::int64_t user_id) const;
    // Links an account to a partner (nullopt: unlinks). False when the user does not exist.
    bool link(std::int64_t user_id, std::optional<std::string> const& partner_id);

private:
    std::shared_ptr<database> db_;
};

} // namespace farol::store
