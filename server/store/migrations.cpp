#include "store/migrations.hpp"

#include "store/connection.hpp"
#include "store/store_error.hpp"
#include "util/clock.hpp"
#include "util/log.hpp"

#include <sqlite3.h>

#include <memory>
#include <string>

namespace farol::store {

namespace {

struct finalize {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};

// Runs each statement of a script in turn; SQLiteCpp's exec() cannot bind parameters.
void exec_script(connection& c, std::string_view sql, std::string const& now) {
    sqlite3* const h = c.db().getHandle();
    char const* tail = sql.data();
    char const* const end = sql.data() + sql.size();
    while (tail < end) {
        sqlite3_stmt* raw = nullptr;
        int rc = sqlite3_prepare_v2(h, tail, static_cast<int>(end - tail), &raw, &tail);
        std::unique_ptr<sqlite3_stmt, finalize> stmt(raw);
        if (rc != SQLITE_OK) throw SQLite::Exception(h, rc);
        if (!stmt) continue; // only whitespace or comments were left
        int const now_index = sqlite3_bind_parameter_index(stmt.get(), ":now");
        if (sqlite3_bind_parameter_count(stmt.get()) != (now_index > 0 ? 1 : 0))
            throw SQLite::Exception("a migration may use no parameter other than :now");
        if (now_index > 0) sqlite3_bind_text(stmt.get(), now_index, now.c_str(), -1, SQLITE_TRANSIENT);
        while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
        }
        if (rc != SQLITE_DONE) throw SQLite::Exception(h, rc);
    }
}

void apply_one(connection& c, migration const& m, std::string const& now) {
    try {
        exec_script(c, m.sql, now);
        SQLite::Statement record(c.db(), "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
        record.bind(1, m.version);
        record.bind(2, std::string(m.name));
        record.bind(3, now);
        record.exec();
    } catch (std::exception const& e) {
        throw store_error("migration " + std::to_string(m.version) + " (" + std::string(m.name) +
                          ") failed: " + e.what());
    }
}

} // namespace

int apply_migrations(connection& c, std::span<migration const> list, util::clock const& clock) {
    if (!numbered_from_one(list)) throw store_error("migrations are not numbered 1, 2, ..., N");
    int const known = static_cast<int>(list.size());
    int const current = c.user_version();
    if (current > known) {
        throw store_error("database schema version " + std::to_string(current) +
                          " is newer than this Farol (knows " + std::to_string(known) + ")");
    }
    if (current < 0) throw store_error("database schema version " + std::to_string(current) + " is invalid");
    if (current == known) return current;

    std::string const now = util::format_rfc3339_ms(clock.now());
    c.exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
           " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
    for (auto const& m : list.subspan(static_cast<std::size_t>(current))) apply_one(c, m, now);
    c.exec(("PRAGMA user_version=" + std::to_string(known)).c_str());
    return known;
}

} // namespace farol::store
