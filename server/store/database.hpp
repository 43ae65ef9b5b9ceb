#pragma once
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

namespace farol::util {
class clock;
}

namespace farol::store {

class connection; // store-private (store/connection.hpp); repositories inside store/ use it

// The Farol database: one writer connection behind a mutex, and per-thread read-only
// connections for file databases (kept until the database is destroyed: read from a fixed pool
// of threads). Thread-safe. Errors are store_error (see store_error.hpp).
class database {
public:
    // Creates parent directories and the file if needed, sets WAL etc., applies migrations.
    static std::shared_ptr<database> open(std::filesystem::path file);
    static std::shared_ptr<database> open(std::filesystem::path file, util::clock const& clock);
    // A fresh, migrated, private in-memory database.
    static std::shared_ptr<database> open_memory();
    static std::shared_ptr<database> open_memory(util::clock const& clock);

    ~database();
    database(database const&) = delete;
    database& operator=(database const&) = delete;

    // fn(connection&) inside BEGIN IMMEDIATE ... COMMIT on the writer; rolled back if fn throws.
    // Returns what fn returns (a value, never a reference into the transaction).
    template <class Fn>
    auto write(Fn&& fn) {
        return call(&database::run_write, fn);
    }

    // fn(connection&) inside a short read transaction (one consistent snapshot); writes fail.
    // write/read/checkpoint inside write() on the same thread throw std::logic_error.
    template <class Fn>
    auto read(Fn&& fn) {
        return call(&database::run_read, fn);
    }

    int schema_version() const { return schema_version_; }
    std::filesystem::path const& path() const { return path_; } // empty for in-memory
    // wal_checkpoint(TRUNCATE) on the writer, the only connection that checkpoints.
    void checkpoint();
    // True if a SELECT 1 succeeds.
    bool healthy() noexcept;

private:
    struct impl;
    using body = std::function<void(connection&)>;

    database(std::filesystem::path path, std::unique_ptr<impl> state, int schema_version);
    static std::shared_ptr<database> open_with(std::filesystem::path file, util::clock const& clock);

    void run_write(body const& fn);
    void run_read(body const& fn);

    template <class Fn>
    auto call(void (database::*runner)(body const&), Fn& fn) {
        using result = std::invoke_result_t<Fn&, connection&>;
        static_assert(!std::is_reference_v<result>, "return a value: references would outlive the transaction");
        if constexpr (std::is_void_v<result>) {
            (this->*runner)([&](connection& c) { fn(c); });
        } else {
            std::optional<result> out;
            (this->*runner)([&](connection& c) { out.emplace(fn(c)); });
            return std::move(*out);
        }
    }

    std::filesystem::path path_;
    std::unique_ptr<impl> impl_;
    int schema_version_;
};

} // namespace farol::store
