// `farol backup` as a second process next to a running server.
#include "process/farol_server.hpp"
#include "store/migrations.hpp"
#include "support/raw_client.hpp"

#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <csignal>

using namespace farol::test;
using namespace std::chrono_literals;

namespace {

// The schema as SQLite stores it: every table, index and trigger with its SQL, in a stable order.
std::string schema_of(std::filesystem::path const& file) {
    SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
    SQLite::Statement q(db, "SELECT type, name, ifnull(sql, '') FROM sqlite_schema ORDER BY type, name");
    std::string out;
    while (q.executeStep()) out += q.getColumn(0).getString() + " " + q.getColumn(1).getString() + ": " +
                                   q.getColumn(2).getString() + "\n";
    return out;
}

} // namespace

TEST_CASE("farol backup copies the database of a running server", "[process][backup]") {
    farol_server s;
    REQUIRE(get(s.port(), "/healthz").status == 200);
    temp_dir out;
    auto const dest = out.path() / "copy.db";

    process b({{"backup", dest.string(), "--paths-data", s.data_dir().path().string()}});
    REQUIRE(b.wait_for(10s) == 0);
    CHECK(b.out() == "backup written to " + dest.string() + "\n");
    CHECK(b.err().empty());

    SQLite::Database copy(dest.string(), SQLite::OPEN_READONLY);
    CHECK(copy.execAndGet("PRAGMA integrity_check").getString() == "ok");
    CHECK(copy.execAndGet("PRAGMA user_version").getInt() == farol::store::latest_schema_version());
    CHECK(copy.execAndGet("SELECT count(*) FROM schema_migrations").getInt() == farol::store::latest_schema_version());
    CHECK(schema_of(dest) == schema_of(s.data_dir().path() / "farol.db"));

    CHECK_FALSE(s.proc().wait_for(0ms)); // the server is untouched and still serving
    CHECK(get(s.port(), "/healthz").status == 200);
    s.proc().signal(SIGTERM);
    CHECK(s.proc().wait_for(5s) == 0);
}

TEST_CASE("farol backup without a database fails and writes nothing", "[process][backup]") {
    temp_dir data, out;
    auto const dest = out.path() / "copy.db";
    process b({{"backup", dest.string(), "--paths-data", data.path().string()}});
    REQUIRE(b.wait_for(10s) == 1);
    auto const err = b.err();
    CHECK(std::count(err.begin(), err.end(), '\n') == 1);
    CHECK(err.rfind("farol: ", 0) == 0);
    CHECK_FALSE(std::filesystem::exists(dest));
    CHECK(std::filesystem::is_empty(out.path())); // no temporary file left behind either
}
