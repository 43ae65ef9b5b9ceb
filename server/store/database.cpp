#include "store/database.hpp"

#include "store/connection.hpp"
#include "store/migrations.hpp"
#include "store/store_error.hpp"
#include "util/clock.hpp"

#include <sqlite3.h>

#include <atomic>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <unordered_map>

namespace farol::store {

struct database::impl {
    std::unique_ptr<connection> writer;
    std::mutex writer_mutex;
    std::atomic<std::thread::id> writer_owner{}; // detects write-inside-write (a self-deadlock)

    std::mutex readers_mutex;
    // Keyed by thread: a dead thread's id may be reused, and so may its idle connection.
    std::unordered_map<std::thread::id, std::unique_ptr<connection>> readers;

    void refuse_nesting() const {
        if (writer_owner.load() == std::this_thread::get_id())
            throw std::logic_error("store: read/write/checkpoint called inside write() on the same thread");
    }

    connection& reader_for_this_thread(std::filesystem::path const& file) {
        std::lock_guard lock(readers_mutex);
        auto& slot = readers[std::this_thread::get_id()];
        if (!slot) slot = connection::open_reader(file);
        return *slot;
    }
};

namespace {

// Holds the writer for one call and records which thread holds it.
class writer_guard {
public:
    writer_guard(std::mutex& m, std::atomic<std::thread::id>& owner) : owner_(owner), lock_(m) {
        owner_ = std::this_thread::get_id();
    }
    ~writer_guard() { owner_ = std::thread::id{}; }
    writer_guard(writer_guard const&) = delete;
    writer_guard& operator=(writer_guard const&) = delete;

private:
    std::atomic<std::thread::id>& owner_;
    std::unique_lock<std::mutex> lock_;
};

// Turns on PRAGMA query_only for one read on the in-memory writer.
class query_only_scope {
public:
    explicit query_only_scope(connection& c) : c_(c) { c_.exec("PRAGMA query_only=ON"); }
    ~query_only_scope() { c_.db().tryExec("PRAGMA query_only=OFF"); }
    query_only_scope(query_only_scope const&) = delete;
    query_only_scope& operator=(query_only_scope const&) = delete;

private:
    connection& c_;
};

std::string describe(SQLite::Exception const& e) {
    if (e.getErrorCode() == SQLITE_NOTADB) return std::string("not a SQLite database (") + e.what() + ")";
    if (e.getErrorCode() == SQLITE_CANTOPEN) return std::string("cannot open (") + e.what() + ")";
    return e.what();
}

void create_parent_dirs(std::filesystem::path const& file) {
    auto const dir = file.parent_path();
    if (dir.empty()) return;
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw store_error(file.string() + ": cannot create directory " + dir.string() + ": " + ec.message());
}

// Opens the writer and migrates; any failure becomes a store_error naming the file.
template <class Open>
std::unique_ptr<connection> open_migrated(std::string const& label, Open open, util::clock const& clock,
                                          int& version) {
    try {
        auto c = open();
        in_transaction(*c, tx_kind::immediate, [&] { version = apply_migrations(*c, all_migrations(), clock); });
        return c;
    } catch (store_error const& e) {
        throw store_error(label + ": " + e.what());
    } catch (SQLite::Exception const& e) {
        throw store_error(label + ": " + describe(e));
    }
}

} // namespace

database::database(std::filesystem::path path, std::unique_ptr<impl> state, int schema_version)
    : path_(std::move(path)), impl_(std::move(state)), schema_version_(schema_version) {}

database::~database() = default;

std::shared_ptr<database> database::open(std::filesystem::path file) {
    return open_with(std::move(file), util::system_clock{});
}

std::shared_ptr<database> database::open(std::filesystem::path file, util::clock const& clock) {
    return open_with(std::move(file), clock);
}

std::shared_ptr<database> database::open_memory() { return open_memory(util::system_clock{}); }

std::shared_ptr<database> database::open_memory(util::clock const& clock) {
    auto state = std::make_unique<impl>();
    int version = 0;
    state->writer = open_migrated(":memory:", [] { return connection::open_memory(); }, clock, version);
    return std::shared_ptr<database>(new database({}, std::move(state), version));
}

std::shared_ptr<database> database::open_with(std::filesystem::path file, util::clock const& clock) {
    if (file.empty()) throw store_error("database file name is empty");
    create_parent_dirs(file);
    auto state = std::make_unique<impl>();
    int version = 0;
    state->writer = open_migrated(file.string(), [&] { return connection::open_writer(file); }, clock, version);
    return std::shared_ptr<database>(new database(std::move(file), std::move(state), version));
}

void database::run_write(body const& fn) {
    impl_->refuse_nesting();
    writer_guard guard(impl_->writer_mutex, impl_->writer_owner);
    in_transaction(*impl_->writer, tx_kind::immediate, [&] { fn(*impl_->writer); });
}

void database::run_read(body const& fn) {
    impl_->refuse_nesting();
    if (path_.empty()) {
        // In memory there is only the writer; query_only makes a stray write fail as on a reader.
        writer_guard guard(impl_->writer_mutex, impl_->writer_owner);
        query_only_scope query_only(*impl_->writer);
        in_transaction(*impl_->writer, tx_kind::deferred, [&] { fn(*impl_->writer); });
        return;
    }
    connection& reader = impl_->reader_for_this_thread(path_);
    in_transaction(reader, tx_kind::deferred, [&] { fn(reader); });
}

void database::checkpoint() {
    if (path_.empty()) return;
    impl_->refuse_nesting();
    writer_guard guard(impl_->writer_mutex, impl_->writer_owner);
    try {
        SQLite::Statement stmt(impl_->writer->db(), "PRAGMA wal_checkpoint(TRUNCATE)");
        stmt.executeStep(); // busy=1 only means a reader kept it from finishing; next time will
    } catch (SQLite::Exception const& e) {
        throw store_error(path_.string() + ": checkpoint failed: " + e.what());
    }
}

bool database::healthy() noexcept {
    try {
        return read([](connection& c) { return c.db().execAndGet("SELECT 1").getInt() == 1; });
    } catch (...) {
        return false;
    }
}

} // namespace farol::store
