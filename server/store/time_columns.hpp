#pragma once
// Store-private: instants in columns as system_clock nanoseconds since 1970-01-01 UTC, NULL for none.
#include "content/model.hpp"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <optional>

namespace farol::store {

inline std::optional<content::time_point> time_column(SQLite::Column const& col) {
    if (col.isNull()) return std::nullopt;
    return content::time_point(content::time_point::duration(col.getInt64()));
}

inline void bind_time(SQLite::Statement& s, int index, std::optional<content::time_point> t) {
    if (t)
        s.bind(index, static_cast<std::int64_t>(t->time_since_epoch().count()));
    else
        s.bind(index);
}

} // namespace farol::store
