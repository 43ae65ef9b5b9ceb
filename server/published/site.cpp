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

namespace {

// The entry of a map keyed "<first><sep><second>", or null; one key built, no other allocation.
template <class Map>
auto const* find_pair(Map const& map, std::string_view first, char sep, std::string_view second) {
    std::string key;
    key.reserve(first.size() + second.size() + 1);
    key.append(first).append(1, sep).append(second);
    auto it = map.find(key);
    return it == map.end() ? nullptr : &it->second;
}

} // namespace

http::representation const* site::error(std::string_view lang, unsigned status) const {
    return find_pair(errors, lang, ' ', std::to_string(status));
}

http::representation const* site::material(std::string_view hash, std::string_view name) const {
    return find_pair(materials, hash, '/', name);
}

embed_card const* site::card(std::string_view lang, std::string_view slug) const {
    return find_pair(cards, lang, ' ', slug);
}

slot_pick const* site::pick(std::string_view slot, std::string_view lang) const {
    return find_pair(slot_picks, slot, ' ', lang);
}

api_document const* site::api_campaign(std::string_view slug, std::string_view lang) const {
    return find_pair(api.campaigns, slug, ' ', lang);
}

http::representation const* site::api_slot(std::string_view slot, std::string_view lang) const {
    return find_pair(api.slots, slot, ' ', lang);
}

material_owner const* site::owner(std::string_view hash, std::string_view name) const {
    return find_pair(material_owners, hash, '/', name);
}

std::chrono::seconds fresh_for(site const& s, std::chrono::system_clock::time_point now, std::chrono::seconds cap,
                               std::optional<std::chrono::system_clock::time_point> until) {
    auto const left = [&](std::chrono::system_clock::time_point t) {
        return std::max(std::chrono::seconds(0), std::chrono::floor<std::chrono::seconds>(t - now));
    };
    auto age = until ? left(*until) : cap;
    if (s.next_change) age = std::min(age, left(*s.next_change)); // a window edge may come sooner
    return age;
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
