#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace farol::store {

class database;

// What a reach report may group by: reach_daily's key columns ("device" is device_class).
enum class reach_dim { day, campaign, language, event, source, device };

// "day", "campaign", "language", "event", "source", "device".
std::string_view to_string(reach_dim d);
// The inverse of to_string; nullopt for any other text.
std::optional<reach_dim> parse_reach_dim(std::string_view text);
// Whether distinct readers exist at this grouping: they are kept per day x campaign x language
// only, so every dimension must be one of those three.
bool has_readers(std::vector<reach_dim> const& by);

// One read of the rollups: the inclusive range of local days [from, to] ("YYYY-MM-DD", compared
// as text, so the caller checks them), the dimensions to group by in their order (none: one
// group, the whole range), the event kinds to count (empty: every kind) and the one source to
// count ("partner:casa"; empty: every source). Readers are kept per day x campaign x language
// only, never per source, so a selection of one source has no readers.
struct reach_selection {
    std::string from, to;
    std::vector<reach_dim> by;
    std::vector<std::string> events;
    std::string source;
};

// One group: its value of each dimension, in `by` order; the events counted in it; and its
// reader-days, the distinct readers of each day x campaign x language summed over the days and
// the server runs it covers (0 when the grouping has no readers). Readers are those of any event,
// whatever the event filter: the rollup keeps no readers per event kind.
struct reach_group {
    std::vector<std::string> key;
    std::uint64_t events = 0;
    std::uint64_t readers = 0;
};

struct reach_groups {
    std::vector<reach_group> groups; // groups with at least one event, ordered by key (byte order)
    bool has_readers = false;        // has_readers(by), and no source was selected
};

// Reads reach_daily and reach_readers (never a reader's row: there are none). Blocking (SQLite):
// the worker pool or a command. Thread-safe, as database is.
class reach_query {
public:
    explicit reach_query(std::shared_ptr<database> db) : db_(std::move(db)) {}

    // Both tables read in one snapshot. Throws std::invalid_argument for a dimension named twice,
    // store_error when SQLite fails.
    reach_groups run(reach_selection const& s) const;

private:
    std::shared_ptr<database> db_;
};

} // namespace farol::store
