#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace farol::store {

class database;

// One audit-log entry. Never a client address: who (the account), what, to which object, how it went.
struct audit_entry {
    std::int64_t id = 0;
    std::int64_t at_ns = 0; // system_clock nanoseconds since 1970-01-01 UTC
    std::string actor;      // account name; "" for the system (e.g. `farol user` on the command line is "cli")
    std::string action;     // e.g. "sign_in", "user.disable"
    std::string object;     // e.g. "user:ana"
    std::string outcome;    // "ok", "failed", "refused", ...
};

// What to list: each filter is optional; times are [from, until) in ns.
struct audit_filter {
    std::optional<std::string> actor;
    std::optional<std::string> action;
    std::optional<std::int64_t> from_ns, until_ns;
    std::size_t limit = 100;
    std::size_t offset = 0;
};

// The append-only audit log. Blocking (SQLite): the worker pool or a command, never an io thread.
class audit_store {
public:
    explicit audit_store(std::shared_ptr<database> db) : db_(std::move(db)) {}
    void append(audit_entry const& e);
    // Newest first.
    std::vector<audit_entry> list(audit_filter const& f) const;
    std::vector<std::string> actions() const; // every action that occurs, sorted, for the filter form

private:
    std::shared_ptr<database> db_;
};

} // namespace farol::store
