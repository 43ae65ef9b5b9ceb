#pragma once
#include "util/clock.hpp"

#include <array>
#include <chrono>
#include <cstddef>
#include <list>
#include <optional>
#include <unordered_map>

namespace farol::editor {

struct backoff_rule {
    unsigned allowed;               // failures before attempts start to wait; at least 1
    std::chrono::seconds window;    // a key is forgotten this long after its last failure
    std::chrono::seconds max_delay; // the doubling wait stops growing here
    std::size_t max_keys;           // the oldest keys are dropped beyond this
};

// Failure counts for one kind of key (16 opaque bytes) with exponential backoff: after `allowed`
// failures the next attempt waits 1 s, after one more 2 s, then 4 s... up to max_delay. Bounded: when
// full, expired keys go first, then the one whose last failure is oldest. Not thread-safe.
class failure_table {
public:
    using key = std::array<unsigned char, 16>;
    using time_point = util::clock::time_point;

    // Throws std::invalid_argument when `allowed` or `max_keys` is 0.
    explicit failure_table(backoff_rule rule);

    // How long the key must still wait at `now`, or nullopt when it may try.
    std::optional<time_point::duration> wait(key const& k, time_point now) const;
    void fail(key const& k, time_point now);
    void forget(key const& k);
    std::size_t size() const { return records_.size(); }

private:
    struct key_hash {
        std::size_t operator()(key const& k) const;
    };
    struct record {
        unsigned failures = 0;
        time_point last_failure;
        time_point next_allowed;
        std::list<key>::iterator age;
    };
    bool expired(record const& r, time_point now) const;
    std::chrono::seconds delay_after(unsigned failures) const;
    void make_room(time_point now);

    backoff_rule rule_;
    std::unordered_map<key, record, key_hash> records_;
    std::list<key> by_age_; // keys by last failure, oldest first
};

} // namespace farol::editor
