#include "store/backup.hpp"
#include "store/connection.hpp"
#include "store/database.hpp"
#include "store/store_error.hpp"
#include "store/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>

using namespace farol::store;
using farol::test::temp_dir;

namespace {

void add_rows(database& db, int from, int to) {
    db.write([&](connection& c) {
        c.exec("CREATE TABLE IF NOT EXISTS sample (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
        SQLite::Statement insert(c.db(), "INSERT INTO sample (id, body) VALUES (?, ?)");
        for (int i = from; i < to; ++i) {
            insert.bind(1, i);
            insert.bind(2, std::string(200, static_cast<char>('a' + i % 26)));
            insert.exec();
            insert.reset();
        }
    });
}

std::string slurp(std::filesystem::path const& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

std::size_t entries(std::filesystem::path const& dir) {
    return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(dir), {}));
}

} // namespace

TEST_CASE("backup copies a database while another thread keeps writing", "[store]") {
    temp_dir dir;
    auto db = database::open(dir / "live/farol.db");
    add_rows(*db, 0, 1000);

    std::atomic<bool> started{false};
    std::atomic<int> written{0};
    std::thread writer([&] {
        auto const until = std::chrono::steady_clock::now() + std::chrono::milliseconds(200);
        for (int next = 1000; std::chrono::steady_clock::now() < until; next += 10) {
            add_rows(*db, next, next + 10);
            written += 10;
            started = true;
        }
    });
    while (!started) std::this_thread::yield();
    auto const dest = dir / "backups/farol-copy.db";
    backup(db->path(), dest);
    backup(db->path(), dest); // a second run replaces the first copy
    writer.join();
    CHECK(written > 0);

    SQLite::Database copy(dest, SQLite::OPEN_READONLY);
    CHECK(copy.execAndGet("PRAGMA integrity_check").getString() == "ok");
    CHECK(copy.execAndGet("PRAGMA journal_mode").getString() == "delete");
    CHECK(copy.execAndGet("SELECT count(*) FROM sample WHERE id < 1000").getInt() == 1000);
    CHECK(copy.execAndGet("SELECT count(*) FROM sample").getInt() >= 1010); // rows from before the 1st copy
    CHECK(copy.execAndGet("SELECT count(*) FROM instance WHERE key = 'created_at'").getInt() == 1);
    CHECK(entries(dir / "backups") == 1); // no temporary file left beside it
}

TEST_CASE("backup of a missing database is refused", "[store]") {
    temp_dir dir;
    auto const dest = dir / "copy.db";
    try {
        backup(dir / "missing.db", dest);
        FAIL("backup of a missing file succeeded");
    } catch (store_error const& e) {
        CHECK_THAT(e.what(), Catch::Contains("missing.db"));
        CHECK_THAT(e.what(), Catch::Contains("does not exist"));
    }
    CHECK_FALSE(std::filesystem::exists(dest));
    CHECK_FALSE(std::filesystem::exists(dir / "missing.db")); // not created by a read-write open
}

TEST_CASE("a failed backup leaves the old copy and no partial file", "[store]") {
    temp_dir dir;
    auto const source = dir / "broken.db";
    auto const dest = dir / "copy.db";
    std::ofstream(source) << "this is a text file, not a SQLite database; backing it up must fail\n";
    std::ofstream(dest) << "the previous backup";
    CHECK_THROWS_AS(backup(source, dest), store_error);
    CHECK(slurp(dest) == "the previous backup");
    CHECK(entries(dir.path()) == 2);

    CHECK_THROWS_AS(backup(dest, dest), store_error); // never renames over its own source
    CHECK(slurp(dest) == "the previous backup");
}

TEST_CASE("backup replaces an existing copy with a good one", "[store]") {
    temp_dir dir;
    auto db = database::open(dir / "farol.db");
    add_rows(*db, 0, 10);
    auto const dest = dir / "copy.db";
    std::ofstream(dest) << "the previous backup";
    backup(db->path(), dest);
    SQLite::Database copy(dest, SQLite::OPEN_READONLY);
    CHECK(copy.execAndGet("PRAGMA integrity_check").getString() == "ok");
    CHECK(copy.execAndGet("SELECT count(*) FROM sample").getInt() == 10);
}
