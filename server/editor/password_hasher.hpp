#pragma once
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace farol::editor {

// What one argon2id hash costs, and how many may run or wait at once.
struct hasher_limits {
    unsigned long long opslimit; // passes over the memory (libsodium's opslimit)
    std::size_t memlimit;        // bytes per hash; `concurrent` hashes hold this much each
    unsigned concurrent = 2;     // hashes running at once
    unsigned queue = 16;         // callers that may wait for a slot; the one after is told busy
};

// libsodium's INTERACTIVE cost (2 passes over 64 MiB), above OWASP's argon2id floor (19 MiB, 2 passes,
// Password Storage Cheat Sheet) and the least Farol uses outside tests.
hasher_limits interactive();

// Argon2id password hashes in libsodium's string format ("$argon2id$v=19$m=...,t=...,p=1$salt$hash",
// OWASP ASVS 5.0 V11.4.2), with a cap on the memory and CPU that sign-ins can take: `concurrent`
// hashes run, `queue` callers wait in arrival order, and any caller beyond that is told busy at once
// (the handler answers 503 with Retry-After). Every call blocks while it waits or hashes, so call it
// from the worker pool (net::worker_pool), never from an io thread. Thread-safe.
class password_hasher {
public:
    enum class outcome { ok, mismatch, busy };
    struct verified {
        outcome result;
        bool needs_rehash; // ok, but the stored hash was made with other limits: store hash(password)
    };

    // Makes the decoy hash verify_unknown() checks against. `in_slot` runs in a slot before each
    // hash's work (tests block in it to hold slots). Throws std::invalid_argument when the limits are
    // below libsodium's minimums or `concurrent` is 0, std::runtime_error if libsodium cannot start.
    explicit password_hasher(hasher_limits limits = interactive(), std::function<void()> in_slot = {});

    // The password's hash with a fresh random salt, or nullopt when busy. Throws std::runtime_error
    // if argon2id fails (it cannot get `memlimit` bytes).
    std::optional<std::string> hash(std::string_view password);

    // Checks a password against a hash from hash(). A stored value that is not an argon2 hash (empty,
    // corrupt, a disabled-account marker) costs the same work and answers mismatch.
    verified verify(std::string_view stored_hash, std::string_view password);

    // For an account that does not exist: the same work as verify() against a real hash, then mismatch,
    // so an unknown name and a wrong password take the same time.
    verified verify_unknown(std::string_view password);

    unsigned waiting() const; // callers waiting for a slot (tests, metrics)
    unsigned running() const; // hashes running now
    hasher_limits const& limits() const { return limits_; }

private:
    class slot;
    bool acquire(); // false: every slot and every place in the queue is taken
    void release();
    bool matches(std::string_view stored_hash, std::string_view password) const;

    hasher_limits limits_;
    std::function<void()> in_slot_;
    std::string decoy_;
    mutable std::mutex mutex_;
    std::condition_variable freed_;
    unsigned running_ = 0;
    unsigned waiting_ = 0;
    unsigned long long next_ticket_ = 0; // waiters take slots in ticket order
    unsigned long long serving_ = 0;
};

} // namespace farol::editor
