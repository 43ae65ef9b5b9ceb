#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace farol::metrics {

// A thread's last N keys (user-agents) and what was worked out from them, for one owner: a new
// owner id empties it, and ids are never reused, so a destroyed owner's entries are never taken for
// another's. Replaced round-robin; meant to be thread_local, so no lock. N is small (8): a linear
// scan of N string compares is cheaper than hashing the key.
template <class Value, std::size_t N>
class recent_cache {
public:
    Value const* find(std::uint64_t owner, std::string_view key) const {
        auto const i = index_of(owner, key);
        return i < used_ ? &entries_[i].value : nullptr;
    }
    // The same, for a caller that keeps more in the entry as it goes (reach's visitor memo).
    Value* find(std::uint64_t owner, std::string_view key) {
        auto const i = index_of(owner, key);
        return i < used_ ? &entries_[i].value : nullptr;
    }

    // Stores `value` under `key`, in place of the oldest entry once full; returns the stored value.
    Value& remember(std::uint64_t owner, std::string_view key, Value value) {
        if (owner != owner_) {
            owner_ = owner;
            used_ = next_ = 0;
        }
        auto& e = entries_[next_];
        e.key.assign(key); // keeps its capacity: no allocation once warm
        e.value = std::move(value);
        next_ = (next_ + 1) % N;
        used_ = std::min(used_ + 1, N);
        return e.value;
    }

private:
    std::size_t index_of(std::uint64_t owner, std::string_view key) const { // used_ when absent
        if (owner != owner_) return used_;
        for (std::size_t i = 0; i < used_; ++i)
            if (entries_[i].key == key) return i;
        return used_;
    }

    struct entry {
        std::string key;
        Value value{};
    };
    std::uint64_t owner_ = 0;
    std::array<entry, N> entries_;
    std::size_t used_ = 0, next_ = 0;
};

} // namespace farol::metrics
