#include "store/connection.hpp"

#include <string>

namespace farol::store {

namespace {
constexpr int busy_timeout_ms = 5000;
constexpr char const* journal_size_limit = "67108864"; // 64 MiB: the WAL shrinks back after a burst
} // namespace

std::unique_ptr<connection> connection::open_writer(std::filesystem::path const& file) {
    auto c = std::make_unique<connection>(
        SQLite::Database(file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, busy_timeout_ms));
    // The first statement reads the header, so a file that is not a database fails here.
    std::string const mode = c->db().execAndGet("PRAGMA journal_mode=WAL").getString();
    if (mode != "wal") throw SQLite::Exception("cannot switch to WAL (journal_mode is " + mode + ")");
    c->exec("PRAGMA synchronous=NORMAL");
    c->exec("PRAGMA foreign_keys=ON");
    c->exec((std::string("PRAGMA journal_size_limit=") + journal_size_limit).c_str());
    return c;
}

std::unique_ptr<connection> connection::open_reader(std::filesystem::path const& file) {
    return std::make_unique<connection>(SQLite::Database(file, SQLite::OPEN_READONLY, busy_timeout_ms));
}

std::unique_ptr<connection> connection::open_memory() {
    auto c = std::make_unique<connection>(SQLite::Database(":memory:", SQLite::OPEN_READWRITE));
    c->exec("PRAGMA foreign_keys=ON");
    return c;
}

int connection::user_version() { return db_.execAndGet("PRAGMA user_version").getInt(); }

void in_transaction(connection& c, tx_kind kind, std::function<void()> const& fn) {
    c.exec(kind == tx_kind::immediate ? "BEGIN IMMEDIATE" : "BEGIN");
    try {
        fn();
        c.exec("COMMIT");
    } catch (...) {
        // May fail if SQLite already rolled back on its own; the original error is what matters.
        c.db().tryExec("ROLLBACK");
        throw;
    }
}

} // namespace farol::store
