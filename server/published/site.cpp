#include "published/site.hpp"

#include <algorithm>

namespace farol::published {

namespace {
// Generations are unique across holders, so one per-thread cache serves them all.
std::atomic<std::uint64_t> next_generation{1};

struct thread_cache {
    std::uint64_t generation = 0;
    std::weak_ptr<published::site const> snapshot;
};
thread_local thread_cache cache;
} // namespace

bool site::has_language(std::string_view tag) const {
    return std::find(languages.begin(), languages.end(), tag) != languages.end();
}

bool site::has_text(std::string_view slug, std::string_view language) const {
    std::string key;
    key.reserve(slug.size() + language.size() + 1);
    key.append(slug).append(" ").append(language);
    return texts.contains(key);
}

http::representation const* site::page(std::string_view path) const {
    auto it = pages.find(path);
    return it == pages.end() ? nullptr : &it->second;
}

http::representation const* site::error(std::string_view lang, unsigned status) const {
    std::string key;
    key.reserve(lang.size() + 4);
    key.append(lang).append(" ").append(std::to_string(status));
    auto it = errors.find(key);
    return it == errors.end() ? nullptr : &it->second;
}

http::representation const* site::material(std::string_view hash, std::string_view name) const {
    std::string key;
    key.reserve(hash.size() + name.size() + 1);
    key.append(hash).append("/").append(name);
    auto it = materials.find(key);
    return it == materials.end() ? nullptr : &it->second;
}

embed_card const* site::card(std::string_view lang, std::string_view slug) const {
    std::string key;
    key.reserve(slug.size() + lang.size() + 1);
    key.append(lang).append(" ").append(slug);
    auto it = cards.find(key);
    return it == cards.end() ? nullptr : &it->second;
}

slot_pick const* site::pick(std::string_view slot, std::string_view lang) const {
    std::string key;
    key.reserve(slot.size() + lang.size() + 1);
    key.append(slot).append(" ").append(lang);
    auto it = slot_picks.find(key);
    return it == slot_picks.end() ? nullptr : &it->second;
}

material_owner const* site::owner(std::string_view hash, std::string_view name) const {
    std::string key;
    key.reserve(hash.size() + name.size() + 1);
    key.append(hash).append("/").append(name);
    auto it = material_owners.find(key);
    return it == material_owners.end() ? nullptr : &it->second;
}

site_holder::site_holder(std::shared_ptr<site const> initial)
    : site_(std::move(initial)), generation_(next_generation.fetch_add(1)) {}

std::shared_ptr<site const> site_holder::current() const {
    if (cache.generation == generation_.load(std::memory_order_acquire)) {
        if (auto s = cache.snapshot.lock()) return s;
    }
    std::lock_guard lock(mutex_);
    cache.snapshot = site_;
    cache.generation = generation_.load(std::memory_order_relaxed);
    return site_;
}

std::shared_ptr<site const> site_holder::snapshot() const {
    std::lock_guard lock(mutex_);
    return site_;
}

void site_holder::publish(std::shared_ptr<site const> next) {
    std::lock_guard lock(mutex_);
    site_ = std::move(next);
    generation_.store(next_generation.fetch_add(1), std::memory_order_release);
}

} // namespace farol::published
