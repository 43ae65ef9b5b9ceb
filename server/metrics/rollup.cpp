#include "metrics/rollup.hpp"

namespace farol::metrics {

void rollup::add(std::vector<reach_event> const& events) {
    for (auto const& e : events) {
        rollup_key key{e.day, e.campaign, e.language, e.event, e.from.kind, e.from.partner, e.device};
        counts_[std::move(key)] += e.count;
        if (!e.visitor) continue;
        readers_key who{e.day, e.campaign, e.language};
        readers_[who].add(*e.visitor);
        changed_.insert(std::move(who));
    }
}

std::map<rollup_key, std::uint64_t> rollup::take_counts() {
    std::map<rollup_key, std::uint64_t> out;
    out.swap(counts_);
    return out;
}

std::map<readers_key, std::uint64_t> rollup::take_readers() {
    std::map<readers_key, std::uint64_t> out;
    for (auto const& key : changed_) out.emplace(key, readers_.at(key).estimate());
    changed_.clear();
    return out;
}

void rollup::put_back_readers(std::map<readers_key, std::uint64_t> const& taken) {
    for (auto const& entry : taken)
        if (readers_.contains(entry.first)) changed_.insert(entry.first);
}

void rollup::forget_before(std::chrono::year_month_day day) {
    std::erase_if(readers_, [&](auto const& entry) { return entry.first.day < day; });
    std::erase_if(changed_, [&](readers_key const& key) { return key.day < day; });
}

std::size_t rollup::memory_bytes() const {
    std::size_t n = 0;
    for (auto const& [key, counter] : readers_) n += counter.memory_bytes() + sizeof(key);
    return n;
}

} // namespace farol::metrics
