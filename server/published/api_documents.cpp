#include "published/api_documents.hpp"

#include <set>

namespace farol::published {

namespace {

// A red-black tree node's bookkeeping besides its value (colour, three links), as libstdc++ lays it out.
constexpr std::size_t map_node_overhead = 32;

std::size_t heap_of(std::string const& s) { return s.capacity() > 15 ? s.capacity() + 1 : 0; }

// The representation's payloads, each counted once across the whole set (`seen`).
std::size_t payloads(http::representation const& r, std::set<void const*>& seen) {
    std::size_t n = heap_of(r.content_type) + heap_of(r.cache_control) + heap_of(r.identity.etag);
    auto const one = [&](http::representation::encoded const& e) {
        if (seen.insert(e.bytes.data.data()).second) n += e.bytes.data.size();
    };
    one(r.identity);
    if (r.gzip) one(*r.gzip), n += heap_of(r.gzip->etag);
    if (r.br) one(*r.br), n += heap_of(r.br->etag);
    return n;
}

} // namespace

std::string_view api_document::gzip_suffix() const { return quality >= http::best_brotli_quality ? "-gz" : "-gz1"; }

std::size_t api_documents::retained_bytes() const {
    std::set<void const*> seen;
    std::size_t n = listing.capacity() * sizeof(api_listing);
    for (auto const& e : listing) {
        n += heap_of(e.slug) + heap_of(e.default_language) + e.tags.capacity() * sizeof(std::string);
        for (auto const& t : e.tags) n += heap_of(t);
        for (auto const& [lang, summary] : e.summaries)
            n += map_node_overhead + sizeof(std::pair<std::string const, std::string>) + heap_of(lang) + heap_of(summary);
    }
    for (auto const& [key, doc] : campaigns) {
        n += map_node_overhead + sizeof(std::pair<std::string const, api_document>) + heap_of(key);
        if (seen.insert(doc.gzip.data.data()).second) n += doc.gzip.data.size();
    }
    for (auto const& [key, rep] : slots)
        n += map_node_overhead + sizeof(std::pair<std::string const, http::representation>) + heap_of(key) +
             payloads(rep, seen);
    return n + payloads(languages, seen);
}

} // namespace farol::published
