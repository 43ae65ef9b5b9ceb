#pragma once
#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace farol::store {

class database;

struct search_hit {
    std::string slug, language, title, summary;
    std::string snippet; // plain text around the match (no HTML: the view escapes it)
};

constexpr std::size_t max_search_terms = 10;
constexpr std::size_t max_search_hits = 100;

// Full-text search of translations in `language`, best first (title counts most, then summary).
// Any query string is safe: the user's words are quoted one by one (the last one as a prefix),
// at most max_search_terms; FTS5 syntax in the query is taken as plain words. Returns an empty
// vector for a query without words or limit 0; never throws for any query. Every stored campaign
// is found: whether it is published now is the Site's rule (content::publish_window), applied by
// the caller.
std::vector<search_hit> search(database& db, std::string_view language, std::string_view query, std::size_t limit);

// The search a handler needs and nothing more of the store: the narrow service the public search
// route receives instead of the database. Thread-safe (each call reads on its own connection).
class search_index {
public:
    explicit search_index(std::shared_ptr<database> db) : db_(std::move(db)) {}
    // As search() above; blocking (SQLite): call it from the worker pool, never an io thread.
    std::vector<search_hit> find(std::string_view language, std::string_view query, std::size_t limit) const {
        return search(*db_, language, query, limit);
    }

private:
    std::shared_ptr<database> db_;
};

// The FTS5 MATCH expression search() uses, e.g. `"trafico" "pessoas"*`; "" if there are no words.
std::string match_expression(std::string_view query);

// Text content of HTML from the Markdown renderer, for the index: tags dropped (blocks become
// spaces), entities decoded, white space collapsed.
std::string plain_text_of_html(std::string_view html);

} // namespace farol::store
