#pragma once
#include "store/account_store.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace farol::store {

class database;

// A signed-in session as stored: the token's hash, never the token. Times in system_clock ns.
struct session_row {
    std::int64_t id = 0;
    std::string token_hash; // 32 bytes
    std::int64_t user_id = 0;
    std::int64_t started_ns = 0;
    std::int64_t last_seen_ns = 0;
    std::string device; // coarse ("Firefox on Linux")
    bool second_factor_pending = false;
};

// A session with the account it belongs to, as the dispatcher resolves it once per request.
struct session_with_user {
    session_row session;
    user_row user;
};

// Editor sessions. Blocking (SQLite): the worker pool or a command, never an io thread.
class session_store {
public:
    explicit session_store(std::shared_ptr<database> db) : db_(std::move(db)) {}

    // Returns the new session's id.
    std::int64_t add(session_row const& s);
    // The session with this token hash and its user, if both exist (a disabled user's sessions
    // are already gone, but the user row says so too).
    std::optional<session_with_user> find(std::string const& token_hash) const;
    // Marks the session as seen at now_ns; false if it no longer exists.
    bool touch(std::int64_t id, std::int64_t now_ns);
    // Ends one session; false if it did not exist (or was not `user_id`'s, when given).
    bool end(std::int64_t id, std::optional<std::int64_t> user_id = std::nullopt);
    // Ends every session of a user but `keep` (0: all); returns how many ended.
    std::size_t end_all_of(std::int64_t user_id, std::int64_t keep = 0);
    // Sessions past either limit (idle since idle_before_ns, or started before started_before_ns).
    std::size_t end_expired(std::int64_t idle_before_ns, std::int64_t started_before_ns);
    std::vector<session_row> of_user(std::int64_t user_id) const; // newest first

private:
    std::shared_ptr<database> db_;
};

} // namespace farol::store
