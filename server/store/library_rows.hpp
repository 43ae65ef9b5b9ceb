#pragma once
// Store-private: rows of the library shared by the import and the editor's writes.
#include "content/model.hpp"
#include "store/connection.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace farol::store {

// Inserts (campaign_id, position, value) rows with `sql`, one per value, positions from 0.
void insert_list(connection& c, char const* sql, std::int64_t campaign_id, std::vector<std::string> const& values);

// Inserts the translation (published text) and its translations_fts row.
void insert_translation(connection& c, std::int64_t campaign_id, std::int64_t position, content::translation const& t);
// Removes one language's published text and its search-index row; false if there was none.
bool delete_translation(connection& c, std::int64_t campaign_id, std::string const& language);
// The revision now holding `t`: the latest when its title, summary and body are the same, else a
// new one (latest + 1) by `actor` at now_ns, naming the fields that changed.
std::int64_t append_revision(connection& c, std::int64_t campaign_id, content::translation const& t,
                             std::string const& actor, std::int64_t now_ns);
// translation_status, one column at a time (the row is created when missing).
void set_source(connection& c, std::int64_t campaign_id, std::string const& language, std::int64_t source_revision);
void set_published(connection& c, std::int64_t campaign_id, std::string const& language,
                   std::optional<std::int64_t> revision);

// Records `texts` as published revisions (author `actor`): a text equal to the latest revision keeps
// that revision; any other becomes a new one. Languages are taken default first, so each
// translation's source revision is the default language's revision it was published with.
void record_published(connection& c, std::int64_t campaign_id, content::campaign const& x, std::string const& actor,
                      std::int64_t now_ns);

} // namespace farol::store
