#include "published/site_pack.hpp"

#include "util/parallel.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace farol::published {

namespace {

using encoded = http::representation::encoded;

std::vector<encoded*> parts_of(site& s) {
    std::vector<encoded*> parts;
    for (auto* m : {&s.pages, &s.errors}) {
        for (auto& [_, rep] : *m) {
            parts.push_back(&rep.identity);
            if (rep.gzip) parts.push_back(&*rep.gzip);
            if (rep.br) parts.push_back(&*rep.br);
        }
    }
    return parts;
}

// The previous site's blocks that s uses for at least half their footprint (shared bytes counted once).
std::set<void const*> blocks_to_keep(std::vector<encoded*> const& parts, site const* previous) {
    std::set<void const*> keep;
    if (!previous) return keep;
    std::map<void const*, std::size_t> used;
    for (auto const& b : previous->blocks) used.emplace(b.get(), 0);
    std::set<char const*> counted;
    for (auto const* p : parts) {
        auto const it = used.find(p->bytes.owner.get());
        if (it != used.end() && counted.insert(p->bytes.data.data()).second) it->second += p->bytes.data.size();
    }
    for (auto const& b : previous->blocks)
        if (used.at(b.get()) * 2 >= b->footprint()) keep.insert(b.get());
    return keep;
}

} // namespace

void pack(site& s, site const* previous, unsigned threads) {
    auto parts = parts_of(s);
    auto const keep = blocks_to_keep(parts, previous);
    std::erase_if(parts, [&](encoded const* p) { return keep.contains(p->bytes.owner.get()); });
    std::map<char const*, std::size_t> offset_of; // identical pages share their bytes already
    std::vector<std::pair<std::string_view, std::size_t>> copies;
    std::size_t total = 0;
    for (auto* p : parts) {
        if (!offset_of.emplace(p->bytes.data.data(), total).second) continue;
        copies.emplace_back(p->bytes.data, total);
        total += p->bytes.data.size();
    }
    s.blocks.clear();
    if (previous)
        for (auto const& b : previous->blocks)
            if (keep.contains(b.get())) s.blocks.push_back(b);
    if (copies.empty()) return;
    auto block = util::huge_buffer::allocate(total);
    util::parallel_for(copies.size(), threads, [&](std::size_t i) {
        std::copy(copies[i].first.begin(), copies[i].first.end(), block->data() + copies[i].second);
    });
    for (auto* p : parts) {
        auto const offset = offset_of.at(p->bytes.data.data());
        p->bytes = http::shared_bytes{block, std::string_view(block->data() + offset, p->bytes.data.size())};
    }
    s.blocks.push_back(std::move(block));
}

} // namespace farol::published
