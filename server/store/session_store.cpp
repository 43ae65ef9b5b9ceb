#include "store/session_store.hpp"

#include "store/account_rows.hpp"
#include "store/connection.hpp"
#include "store/database.hpp"

namespace farol::store {

namespace {

constexpr char const* session_columns = "s.id, s.token_hash, s.user_id, s.started_ns, s.last_seen_ns, s.device, s.second_factor_pending";

session_row session_of(SQLite::Statement& q) {
    session_row s;
    s.id = q.getColumn(0).getInt64();
    s.token_hash = q.getColumn(1).getString();
    s.user_id = q.getColumn(2).getInt64();
    s.started_ns = q.getColumn(3).getInt64();
    s.last_seen_ns = q.getColumn(4).getInt64();
    s.device = q.getColumn(5).getString();
    s.second_factor_pending = q.getColumn(6).getInt() != 0;
    return s;
}

} // namespace

std::int64_t session_store::add(session_row const& s) {
    return db_->write([&](connection& c) {
        SQLite::Statement q(c.db(), "INSERT INTO sessions (token_hash, user_id, started_ns, last_seen_ns, device,"
                                    " second_factor_pending) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        q.bind(1, s.token_hash.data(), static_cast<int>(s.token_hash.size()));
        q.bind(2, s.user_id);
        q.bind(3, s.started_ns);
        q.bind(4, s.last_seen_ns);
        q.bind(5, s.device);
        q.bind(6, s.second_factor_pending ? 1 : 0);
        q.exec();
        return c.db().getLastInsertRowid();
    });
}

std::optional<session_with_user> session_store::find(std::string const& token_hash) const {
    return db_->read([&](connection& c) -> std::optional<session_with_user> {
        SQLite::Statement q(c.db(), std::string("SELECT ") + session_columns + ", " + user_columns("u") +
                                        " FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?1");
        q.bind(1, token_hash.data(), static_cast<int>(token_hash.size()));
        if (!q.executeStep()) return std::nullopt;
        session_with_user out{session_of(q), read_user(q, 7)};
        return out;
    });
}

bool session_store::touch(std::int64_t id, std::int64_t now_ns) {
    return db_->write([&](connection& c) {
        SQLite::Statement q(c.db(), "UPDATE sessions SET last_seen_ns = ?2 WHERE id = ?1");
        q.bind(1, id);
        q.bind(2, now_ns);
        return q.exec() == 1;
    });
}

bool session_store::end(std::int64_t id, std::optional<std::int64_t> user_id) {
    return db_->write([&](connection& c) {
        SQLite::Statement q(c.db(), "DELETE FROM sessions WHERE id = ?1 AND (?2 IS NULL OR user_id = ?2)");
        q.bind(1, id);
        if (user_id)
            q.bind(2, *user_id);
        else
            q.bind(2);
        return q.exec() == 1;
    });
}

std::size_t session_store::end_all_of(std::int64_t user_id, std::int64_t keep) {
    return db_->write([&](connection& c) {
        SQLite::Statement q(c.db(), "DELETE FROM sessions WHERE user_id = ?1 AND id <> ?2");
        q.bind(1, user_id);
        q.bind(2, keep);
        return static_cast<std::size_t>(q.exec());
    });
}

std::size_t session_store::end_expired(std::int64_t idle_before_ns, std::int64_t started_before_ns) {
    return db_->write([&](connection& c) {
        SQLite::Statement q(c.db(), "DELETE FROM sessions WHERE last_seen_ns < ?1 OR started_ns < ?2");
        q.bind(1, idle_before_ns);
        q.bind(2, started_before_ns);
        return static_cast<std::size_t>(q.exec());
    });
}

std::vector<session_row> session_store::of_user(std::int64_t user_id) const {
    return db_->read([&](connection& c) {
        SQLite::Statement q(c.db(), std::string("SELECT ") + session_columns +
                                        " FROM sessions s WHERE s.user_id = ?1 ORDER BY s.started_ns DESC, s.id DESC");
        q.bind(1, user_id);
        std::vector<session_row> out;
        while (q.executeStep()) out.push_back(session_of(q));
        return out;
    });
}

} // namespace farol::store
