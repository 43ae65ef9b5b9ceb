#pragma once
#include "store/store_error.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace farol::store {

class database;

// A name already taken (names compare case-insensitively).
class name_taken : public store_error {
public:
    using store_error::store_error;
};

// One editor account as stored. Times are system_clock nanoseconds since 1970-01-01 UTC.
struct user_row {
    std::int64_t id = 0;
    std::string name;
    std::string role; // admin, editor, analyst or partner
    std::string password_hash;
    bool must_change_password = true;
    bool disabled = false;
    std::string totp_secret; // raw key bytes; empty: no second factor
    std::int64_t totp_last_step = 0;
    std::int64_t created_ns = 0;
    std::int64_t changed_ns = 0;
};

// Accounts, their recovery codes and the editor's settings. Every call is one short transaction
// and blocks on SQLite: call it from the worker pool or a command, never an io thread.
class account_store {
public:
    explicit account_store(std::shared_ptr<database> db) : db_(std::move(db)) {}

    std::optional<user_row> find(std::string_view name) const; // case-insensitive
    std::optional<user_row> find(std::int64_t id) const;
    std::vector<user_row> list() const; // by name
    std::size_t count() const;

    // Throws name_taken. Returns the new id.
    std::int64_t add(user_row const& u);
    // Sets the hash and whether it must be changed at the next sign-in; ends every session of the
    // user except `keep_session` (0: all), so a stolen session does not outlive a password change.
    void set_password(std::int64_t id, std::string const& hash, bool must_change, std::int64_t now_ns,
                      std::int64_t keep_session = 0);
    // Upgrades the hash alone (crypto_pwhash_str_needs_rehash): nothing else changes.
    void rehash(std::int64_t id, std::string const& hash);
    void set_role(std::int64_t id, std::string_view role, std::int64_t now_ns);
    // Disabling ends every session of the user in the same transaction.
    void set_disabled(std::int64_t id, bool disabled);

    // Second factor: the key and the hashes of fresh recovery codes, replacing any before.
    void enable_totp(std::int64_t id, std::string const& secret, std::vector<std::string> const& code_hashes,
                     std::int64_t step, std::int64_t now_ns);
    // Removes the key and every recovery code (reset-mfa, or the user turning it off).
    void disable_totp(std::int64_t id, std::int64_t now_ns);
    // Records `step` as used if it is later than the last one; false means a replay.
    bool use_totp_step(std::int64_t id, std::int64_t step);
    // Deletes the code if the user has it; false if not (unknown or already used).
    bool use_recovery_code(std::int64_t id, std::string const& code_hash);
    std::size_t recovery_codes_left(std::int64_t id) const;

    // The zone the user plans in (an IANA name), or nullopt for the site's.
    std::optional<std::string> zone(std::int64_t id) const;
    void set_zone(std::int64_t id, std::optional<std::string> const& zone);

    std::optional<std::string> setting(std::string_view key) const;
    void set_setting(std::string_view key, std::string_view value);

private:
    std::shared_ptr<database> db_;
};

} // namespace farol::store
