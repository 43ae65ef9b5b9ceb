#pragma once
#include <span>
#include <string_view>

namespace farol::util {
class clock;
}

namespace farol::store {

class connection;

// One schema step. `sql` may hold several statements and may use the parameter :now
// (RFC 3339 UTC from the injected clock). Released migrations are never edited.
struct migration {
    int version;
    std::string_view name;
    std::string_view sql;
};

// Every migration this binary knows, numbered 1..N (defined in schema.cpp).
std::span<migration const> all_migrations();
int latest_schema_version();

// True if the list is numbered 1, 2, ..., N; checked at compile time for the real list.
constexpr bool numbered_from_one(std::span<migration const> list) {
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (list[i].version != static_cast<int>(i) + 1) return false;
    }
    return true;
}

// Brings the database from PRAGMA user_version up to the last of `list`, recording each step in
// schema_migrations. Runs inside the caller's transaction, so a failure leaves nothing behind.
// Throws store_error if the database is newer than `list` or a migration fails.
// Returns the resulting schema version.
int apply_migrations(connection& c, std::span<migration const> list, util::clock const& clock);

} // namespace farol::store
