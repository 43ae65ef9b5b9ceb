#include "store/connection.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/store_error.hpp"
#include "store/temp_dir.hpp"
#include "util/clock.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>

using namespace farol::store;
using farol::test::temp_dir;
using farol::util::fixed_clock;

namespace {

std::chrono::system_clock::time_point at(std::int64_t unix_seconds) {
    return std::chrono::system_clock::time_point(std::chrono::seconds(unix_seconds));
}

std::string scalar(database& db, std::string const& sql) {
    return db.read([&](connection& c) { return c.db().execAndGet(sql).getString(); });
}

int count(database& db, std::string const& sql) {
    return db.read([&](connection& c) { return c.db().execAndGet(sql).getInt(); });
}

} // namespace

TEST_CASE("open_memory gives a migrated database at the latest version", "[store]") {
    fixed_clock clock(at(1'780'000'000));
    auto db = database::open_memory(clock);
    CHECK(db->schema_version() == latest_schema_version());
    CHECK(db->path().empty());
    CHECK(db->healthy());
    CHECK(count(*db, "PRAGMA user_version") == latest_schema_version());
    CHECK(count(*db, "SELECT count(*) FROM schema_migrations") == latest_schema_version());
    CHECK(scalar(*db, "SELECT value FROM instance WHERE key = 'created_at'") == "2026-05-28T20:26:40.000Z");
    CHECK(count(*db, "PRAGMA foreign_keys") == 1);
}

TEST_CASE("opening a file twice does not re-run migrations", "[store]") {
    temp_dir dir;
    auto const file = dir / "data/farol.db"; // the parent directory does not exist yet
    fixed_clock first(at(1'780'000'000));
    fixed_clock second(at(1'790'000'000));
    {
        auto db = database::open(file, first);
        CHECK(db->path() == file);
        CHECK(db->schema_version() == latest_schema_version());
    }
    auto db = database::open(file, second);
    CHECK(db->schema_version() == latest_schema_version());
    CHECK(count(*db, "SELECT count(*) FROM schema_migrations") == latest_schema_version());
    CHECK(scalar(*db, "SELECT min(applied_at) FROM schema_migrations") == "2026-05-28T20:26:40.000Z");
    CHECK(scalar(*db, "SELECT max(applied_at) FROM schema_migrations") == "2026-05-28T20:26:40.000Z");
    CHECK(scalar(*db, "SELECT value FROM instance WHERE key = 'created_at'") == "2026-05-28T20:26:40.000Z");
}

TEST_CASE("a file database runs in WAL with synchronous=NORMAL and foreign keys", "[store]") {
    temp_dir dir;
    auto db = database::open(dir / "farol.db");
    // journal_mode is stored in the file, so a separate connection sees it.
    SQLite::Database other(dir / "farol.db", SQLite::OPEN_READONLY);
    CHECK(other.execAndGet("PRAGMA journal_mode").getString() == "wal");
    // synchronous, foreign_keys and the busy timeout belong to the writer connection itself.
    db->write([](connection& c) {
        CHECK(c.db().execAndGet("PRAGMA synchronous").getInt() == 1); // NORMAL
        CHECK(c.db().execAndGet("PRAGMA foreign_keys").getInt() == 1);
        CHECK(c.db().execAndGet("PRAGMA busy_timeout").getInt() == 5000);
        CHECK(c.db().execAndGet("PRAGMA journal_size_limit").getInt64() == 64 * 1024 * 1024);
    });
    db->read([](connection& c) { CHECK(c.db().execAndGet("PRAGMA busy_timeout").getInt() == 5000); });
}

TEST_CASE("a failing migration rolls back completely", "[store]") {
    fixed_clock clock(at(1'780'000'000));
    auto const known = all_migrations();
    std::vector<migration> list(known.begin(), known.end());
    int const next = static_cast<int>(list.size()) + 1;
    list.push_back({next, "good", "CREATE TABLE good_table (x INTEGER);"});
    list.push_back({next + 1, "bad", "CREATE TABLE partial_table (x INTEGER); INSERT INTO missing VALUES (1);"});

    temp_dir dir;
    auto const file = dir / "farol.db";
    {
        auto db = database::open(file, clock);
        try {
            db->write([&](connection& c) { apply_migrations(c, list, clock); });
            FAIL("the bad migration was accepted");
        } catch (store_error const& e) {
            CHECK_THAT(e.what(), Catch::Contains("migration " + std::to_string(next + 1) + " (bad) failed"));
            CHECK_THAT(e.what(), Catch::Contains("no such table: missing"));
        }
    }
    auto db = database::open(file, clock);
    CHECK(db->schema_version() == latest_schema_version());
    CHECK(count(*db, "PRAGMA user_version") == latest_schema_version());
    CHECK(count(*db, "SELECT count(*) FROM sqlite_schema WHERE name IN ('good_table', 'partial_table')") == 0);
    CHECK(count(*db, "SELECT max(version) FROM schema_migrations") == latest_schema_version());
}

TEST_CASE("a failing first migration leaves an empty database at version 0", "[store]") {
    fixed_clock clock(at(1'780'000'000));
    std::vector<migration> const list{{1, "one", "CREATE TABLE one (x INTEGER);"},
                                      {2, "broken", "CREATE TABLE two (x INTEGER); THIS IS NOT SQL;"}};
    auto c = connection::open_memory();
    CHECK_THROWS_AS(in_transaction(*c, tx_kind::immediate, [&] { apply_migrations(*c, list, clock); }), store_error);
    CHECK(c->user_version() == 0);
    CHECK(c->db().execAndGet("SELECT count(*) FROM sqlite_schema").getInt() == 0);

    in_transaction(*c, tx_kind::immediate, [&] { apply_migrations(*c, std::span(list).first(1), clock); });
    CHECK(c->user_version() == 1);
    CHECK(c->db().tableExists("one"));
}

TEST_CASE("migrations may only use the :now parameter and must be numbered 1..N", "[store]") {
    fixed_clock clock(at(1'780'000'000));
    auto c = connection::open_memory();
    std::vector<migration> const extra_param{{1, "param", "CREATE TABLE t (x TEXT); INSERT INTO t VALUES (:other);"}};
    CHECK_THROWS_AS(in_transaction(*c, tx_kind::immediate, [&] { apply_migrations(*c, extra_param, clock); }),
                    store_error);
    std::vector<migration> const gap{{1, "one", "SELECT 1;"}, {3, "three", "SELECT 1;"}};
    CHECK_THROWS_AS(apply_migrations(*c, gap, clock), store_error);
    CHECK(c->user_version() == 0);
}

TEST_CASE("a database from a newer Farol is refused", "[store]") {
    temp_dir dir;
    auto const file = dir / "farol.db";
    int const newer = latest_schema_version() + 7;
    database::open(file)->write([&](connection& c) { c.exec(("PRAGMA user_version=" + std::to_string(newer)).c_str()); });
    try {
        database::open(file);
        FAIL("a newer database was opened");
    } catch (store_error const& e) {
        std::string const expected = "database schema version " + std::to_string(newer) +
                                     " is newer than this Farol (knows " + std::to_string(latest_schema_version()) + ")";
        CHECK_THAT(e.what(), Catch::Contains(expected));
        CHECK_THAT(e.what(), Catch::Contains(file.string()));
    }
    SQLite::Database raw(file, SQLite::OPEN_READONLY);
    CHECK(raw.execAndGet("PRAGMA user_version").getInt() == newer);
}

TEST_CASE("a file that is not a database is refused with its name", "[store]") {
    temp_dir dir;
    auto const file = dir / "notes.txt";
    std::ofstream(file) << "these are not the pages you are looking for, not a SQLite header at all\n";
    try {
        database::open(file);
        FAIL("a text file was opened as a database");
    } catch (store_error const& e) {
        CHECK_THAT(e.what(), Catch::Contains(file.string()));
        CHECK_THAT(e.what(), Catch::Contains("not a SQLite database"));
    }
}

TEST_CASE("write() rolls back when its function throws", "[store]") {
    auto db = database::open_memory();
    auto const insert = [](connection& c) { c.exec("INSERT INTO instance (key, value) VALUES ('k', 'v')"); };
    CHECK_THROWS_WITH(db->write([&](connection& c) {
        insert(c);
        throw std::runtime_error("boom");
    }),
                      "boom");
    CHECK(count(*db, "SELECT count(*) FROM instance WHERE key = 'k'") == 0);
    db->write(insert);
    CHECK(count(*db, "SELECT count(*) FROM instance WHERE key = 'k'") == 1);
}

TEST_CASE("read() refuses writes and nesting inside write() is refused", "[store]") {
    auto db = database::open_memory();
    CHECK_THROWS(db->read([](connection& c) { c.exec("INSERT INTO instance (key, value) VALUES ('r', 'v')"); }));
    CHECK_THROWS_AS(db->write([&](connection&) { db->write([](connection&) {}); }), std::logic_error);
    CHECK_THROWS_AS(db->write([&](connection&) { db->read([](connection&) {}); }), std::logic_error);
    CHECK(db->healthy()); // the writer is usable again afterwards
    db->write([](connection& c) { c.exec("INSERT INTO instance (key, value) VALUES ('w', 'v')"); });
    CHECK(count(*db, "SELECT count(*) FROM instance WHERE key IN ('r', 'w')") == 1);
}

TEST_CASE("read() on a file database sees committed writes from any thread", "[store]") {
    temp_dir dir;
    auto db = database::open(dir / "farol.db");
    CHECK(count(*db, "SELECT count(*) FROM instance") == 1); // opens this thread's reader first
    db->write([](connection& c) { c.exec("INSERT INTO instance (key, value) VALUES ('k', 'v')"); });
    CHECK(scalar(*db, "SELECT value FROM instance WHERE key = 'k'") == "v");
    std::string seen;
    std::thread([&] { seen = scalar(*db, "SELECT value FROM instance WHERE key = 'k'"); }).join();
    CHECK(seen == "v");
    CHECK_THROWS(db->read([](connection& c) { c.exec("DELETE FROM instance"); })); // readers are read-only
    CHECK(db->healthy());
    db->checkpoint();
    CHECK(count(*db, "SELECT count(*) FROM instance") == 2);
}
