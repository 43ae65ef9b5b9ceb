#include "store/reach_store.hpp"

#include "store/connection.hpp"
#include "store/database.hpp"
#include "store/store_error.hpp"

namespace farol::store {

namespace {
// Binds a cell's six key columns to ?1..?6 in reach_daily's order.
void bind_cell(SQLite::Statement& q, reach_count const& cell) {
    q.bind(1, cell.day);
    q.bind(2, cell.campaign);
    q.bind(3, cell.language);
    q.bind(4, cell.event);
    q.bind(5, cell.source);
    q.bind(6, cell.device_class);
}
} // namespace

void reach_store::flush(std::vector<reach_count> const& counts, std::vector<reach_readers> const& readers) {
    if (counts.empty() && readers.empty()) return;
    try {
        db_->write([&](connection& c) {
            SQLite::Statement add(c.db(), "INSERT INTO reach_daily (day, campaign, language, event, source, device_class,"
                                          " count) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE"
                                          " SET count = count + excluded.count");
            for (auto const& r : counts) {
                bind_cell(add, r);
                add.bind(7, static_cast<std::int64_t>(r.count));
                add.exec();
                add.reset();
            }
            SQLite::Statement set(c.db(), "INSERT INTO reach_readers (day, campaign, language, run, readers)"
                                          " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET readers = excluded.readers");
            for (auto const& r : readers) {
                set.bind(1, r.day);
                set.bind(2, r.campaign);
                set.bind(3, r.language);
                set.bind(4, run_);
                set.bind(5, static_cast<std::int64_t>(r.readers));
                set.exec();
                set.reset();
            }
        });
    } catch (SQLite::Exception const& e) {
        throw store_error(std::string("flushing reach counts failed: ") + e.what());
    }
}

std::uint64_t reach_store::count(reach_count const& cell) const {
    return db_->read([&](connection& c) -> std::uint64_t {
        SQLite::Statement q(c.db(), "SELECT count FROM reach_daily WHERE day = ? AND campaign = ? AND language = ?"
                                    " AND event = ? AND source = ? AND device_class = ?");
        bind_cell(q, cell);
        return q.executeStep() ? static_cast<std::uint64_t>(q.getColumn(0).getInt64()) : 0;
    });
}

std::uint64_t reach_store::readers(std::string const& day, std::string const& campaign,
                                   std::string const& language) const {
    return db_->read([&](connection& c) -> std::uint64_t {
        SQLite::Statement q(c.db(), "SELECT coalesce(sum(readers), 0) FROM reach_readers"
                                    " WHERE day = ? AND campaign = ? AND language = ?");
        q.bind(1, day);
        q.bind(2, campaign);
        q.bind(3, language);
        q.executeStep();
        return static_cast<std::uint64_t>(q.getColumn(0).getInt64());
    });
}

} // namespace farol::store
