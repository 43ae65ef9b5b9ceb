#include "editor/failure_table.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <iterator>
#include <stdexcept>

namespace farol::editor {

std::size_t failure_table::key_hash::operator()(key const& k) const {
    // Keys are keyed hashes or address bytes; folding both halves keeps a /64's prefix spread out.
    std::uint64_t a = 0, b = 0;
    std::memcpy(&a, k.data(), 8);
    std::memcpy(&b, k.data() + 8, 8);
    return std::hash<std::uint64_t>{}(a ^ (b * 0x9E3779B97F4A7C15ull));
}

failure_table::failure_table(backoff_rule rule) : rule_(rule) {
    if (rule_.allowed == 0 || rule_.max_keys == 0)
        throw std::invalid_argument("failure table: allowed and max_keys must be at least 1");
}

bool failure_table::expired(record const& r, time_point now) const {
    return now >= r.last_failure + rule_.window && now >= r.next_allowed;
}

std::chrono::seconds failure_table::delay_after(unsigned failures) const {
    if (failures < rule_.allowed) return std::chrono::seconds(0);
    unsigned const doublings = failures - rule_.allowed;
    if (doublings >= 31) return rule_.max_delay; // 2^31 s is past any sensible cap
    return std::min(std::chrono::seconds(std::int64_t{1} << doublings), rule_.max_delay);
}

std::optional<failure_table::time_point::duration> failure_table::wait(key const& k, time_point now) const {
    auto const it = records_.find(k);
    if (it == records_.end() || expired(it->second, now) || now >= it->second.next_allowed) return std::nullopt;
    return it->second.next_allowed - now;
}

void failure_table::fail(key const& k, time_point now) {
    auto it = records_.find(k);
    if (it != records_.end() && expired(it->second, now)) {
        forget(k);
        it = records_.end();
    }
    if (it == records_.end()) {
        make_room(now);
        by_age_.push_back(k);
        it = records_.emplace(k, record{0, now, now, std::prev(by_age_.end())}).first;
    } else {
        by_age_.splice(by_age_.end(), by_age_, it->second.age);
    }
    record& r = it->second;
    ++r.failures;
    r.last_failure = now;
    r.next_allowed = now + delay_after(r.failures);
}

void failure_table::forget(key const& k) {
    auto const it = records_.find(k);
    if (it == records_.end()) return;
    by_age_.erase(it->second.age);
    records_.erase(it);
}

void failure_table::make_room(time_point now) {
    // by_age_ is in last-failure order, so the expired keys are at its front. forget() is given a
    // copy of the key because it frees the list node holding it.
    while (!by_age_.empty() && expired(records_.at(by_age_.front()), now)) forget(key(by_age_.front()));
    while (!by_age_.empty() && records_.size() >= rule_.max_keys) forget(key(by_age_.front()));
}

} // namespace farol::editor
