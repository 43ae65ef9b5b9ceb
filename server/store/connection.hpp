#pragma once
// Store-private: included only by server/store/*.cpp (and tests); it brings in SQLiteCpp.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <filesystem>
#include <functional>
#include <memory>

namespace farol::store {

// One SQLite connection; never shared between threads at the same time (SQLiteCpp is not thread-safe).
class connection {
public:
    // The writer: read-write, created if missing, WAL, synchronous=NORMAL, foreign keys, size limit.
    static std::unique_ptr<connection> open_writer(std::filesystem::path const& file);
    // A reader of a file database the writer already set up.
    static std::unique_ptr<connection> open_reader(std::filesystem::path const& file);
    // A private in-memory database (tests).
    static std::unique_ptr<connection> open_memory();

    explicit connection(SQLite::Database db) : db_(std::move(db)) {}

    SQLite::Database& db() { return db_; }
    void exec(char const* sql) { db_.exec(sql); }
    int user_version();

private:
    SQLite::Database db_;
};

enum class tx_kind { deferred, immediate };

// Runs fn between BEGIN and COMMIT; rolls back and rethrows if fn or COMMIT throws.
void in_transaction(connection& c, tx_kind kind, std::function<void()> const& fn);

} // namespace farol::store
