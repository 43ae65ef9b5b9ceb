#include "store/migrations.hpp"

namespace farol::store {

namespace {

// Append new migrations at the end with the next number; never edit one that has been released.
constexpr migration migrations[] = {
    {1, "instance", R"sql(
CREATE TABLE instance (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO instance (key, value) VALUES ('created_at', :now);
)sql"},
};

static_assert(numbered_from_one(migrations), "migrations must be numbered 1, 2, ..., N");

} // namespace

std::span<migration const> all_migrations() { return migrations; }

int latest_schema_version() { return static_cast<int>(std::size(migrations)); }

} // namespace farol::store
