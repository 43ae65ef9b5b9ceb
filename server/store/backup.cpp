#include "store/backup.hpp"

#include "store/store_error.hpp"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <string>
#include <system_error>
#include <thread>

namespace farol::store {

namespace {

namespace fs = std::filesystem;

constexpr int busy_timeout_ms = 5000;
constexpr int max_busy_retries = 100;

fs::path temporary_next_to(fs::path const& dest) {
    static std::atomic<unsigned> counter{0};
    auto name = dest.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(++counter);
    return dest.parent_path() / name;
}

void remove_temporary(fs::path const& tmp) noexcept {
    std::error_code ec;
    for (char const* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(tmp.string() + suffix, ec);
}

void fsync_path(fs::path const& p, int flags, char const* what) {
    int const fd = ::open(p.c_str(), flags | O_CLOEXEC);
    if (fd < 0) throw store_error(std::string("cannot open ") + what + " " + p.string() + ": " + std::strerror(errno));
    int const rc = ::fsync(fd);
    int const saved = errno;
    ::close(fd);
    if (rc != 0) throw store_error(std::string("cannot fsync ") + what + " " + p.string() + ": " + std::strerror(saved));
}

// One step with -1 copies everything inside one read transaction, so concurrent commits cannot restart it.
void copy_pages(SQLite::Database& from, SQLite::Database& to) {
    SQLite::Backup copy(to, from);
    for (int attempt = 0;; ++attempt) {
        int const rc = copy.executeStep(-1);
        if (rc == SQLITE_DONE) return;
        if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || attempt >= max_busy_retries)
            throw SQLite::Exception("backup step failed", rc);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

// Copies into tmp and leaves it a closed, self-contained (rollback journal), checked database.
void copy_to(fs::path const& source_db, fs::path const& tmp) {
    SQLite::Database from(source_db, SQLite::OPEN_READONLY, busy_timeout_ms);
    try {
        from.execAndGet("SELECT count(*) FROM sqlite_schema");
    } catch (SQLite::Exception const& e) {
        if (e.getErrorCode() == SQLITE_NOTADB) throw store_error(source_db.string() + " is not a SQLite database");
        throw;
    }
    SQLite::Database to(tmp, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, busy_timeout_ms);
    copy_pages(from, to);
    to.exec("PRAGMA journal_mode=DELETE"); // the copy must not need a -wal file beside it
    std::string const check = to.execAndGet("PRAGMA integrity_check").getString();
    if (check != "ok") throw store_error("the copy failed integrity_check: " + check);
}

} // namespace

void backup(fs::path const& source_db, fs::path const& dest) {
    std::error_code ec;
    if (!fs::is_regular_file(source_db, ec))
        throw store_error("backup: source database " + source_db.string() + " does not exist");
    if (fs::exists(dest, ec) && fs::equivalent(source_db, dest, ec))
        throw store_error("backup: destination " + dest.string() + " is the source database itself");
    auto const dir = dest.parent_path().empty() ? fs::path(".") : dest.parent_path();
    fs::create_directories(dir, ec);
    if (ec) throw store_error("backup: cannot create directory " + dir.string() + ": " + ec.message());

    auto const tmp = temporary_next_to(dest);
    try {
        copy_to(source_db, tmp);
        fsync_path(tmp, O_RDONLY, "file");
        fs::rename(tmp, dest);
        fsync_path(dir, O_RDONLY | O_DIRECTORY, "directory"); // makes the rename itself durable
    } catch (store_error const& e) {
        remove_temporary(tmp);
        throw store_error("backup of " + source_db.string() + " to " + dest.string() + ": " + e.what());
    } catch (std::exception const& e) {
        remove_temporary(tmp);
        throw store_error("backup of " + source_db.string() + " to " + dest.string() + " failed: " + e.what());
    }
}

} // namespace farol::store
