#include "store/account_store.hpp"

#include "store/account_rows.hpp"
#include "store/connection.hpp"
#include "store/database.hpp"

#include <sqlite3.h>

namespace farol::store {

namespace {

template <class Bind>
std::optional<user_row> one_user(connection& c, char const* where, Bind bind) {
    SQLite::Statement q(c.db(), "SELECT " + user_columns() + " FROM users " + where);
    bind(q);
    if (!q.executeStep()) return std::nullopt;
    return read_user(q);
}

void run(connection& c, char const* sql, std::int64_t a) {
    SQLite::Statement q(c.db(), sql);
    q.bind(1, a);
    q.exec();
}

} // namespace

std::optional<user_row> account_store::find(std::string_view name) const {
    return db_->read([&](connection& c) {
        return one_user(c, "WHERE name = ?1", [&](SQLite::Statement& q) { q.bind(1, std::string(name)); });
    });
}

std::optional<user_row> account_store::find(std::int64_t id) const {
    return db_->read([&](connection& c) {
        return one_user(c, "WHERE id = ?1", [&](SQLite::Statement& q) { q.bind(1, id); });
    });
}

std::vector<user_row> account_store::list() const {
    return db_->read([](connection& c) {
        SQLite::Statement q(c.db(), "SELECT " + user_columns() + " FROM users ORDER BY name COLLATE NOCASE");
        std::vector<user_row> out;
        while (q.executeStep()) out.push_back(read_user(q));
        return out;
    });
}

std::size_t account_store::count() const {
    return db_->read([](connection& c) {
        return static_cast<std::size_t>(c.db().execAndGet("SELECT count(*) FROM users").getInt64());
    });
}

std::int64_t account_store::add(user_row const& u) {
    return db_->write([&](connection& c) {
        SQLite::Statement q(c.db(), "INSERT INTO users (name, role, password_hash, must_change_password, disabled,"
                                    " created_ns, changed_ns) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)");
        q.bind(1, u.name);
        q.bind(2, u.role);
        q.bind(3, u.password_hash);
        q.bind(4, u.must_change_password ? 1 : 0);
        q.bind(5, u.disabled ? 1 : 0);
        q.bind(6, u.created_ns);
        try {
            q.exec();
        } catch (SQLite::Exception const& e) {
            if (e.getExtendedErrorCode() == SQLITE_CONSTRAINT_UNIQUE) throw name_taken("the name " + u.name + " is taken");
            throw;
        }
        return c.db().getLastInsertRowid();
    });
}

void account_store::set_password(std::int64_t id, std::string const& hash, bool must_change, std::int64_t now_ns,
                                 std::int64_t keep_session) {
    db_->write([&](connection& c) {
        SQLite::Statement q(c.db(),
                            "UPDATE users SET password_hash = ?2, must_change_password = ?3, changed_ns = ?4 WHERE id = ?1");
        q.bind(1, id);
        q.bind(2, hash);
        q.bind(3, must_change ? 1 : 0);
        q.bind(4, now_ns);
        q.exec();
        SQLite::Statement end(c.db(), "DELETE FROM sessions WHERE user_id = ?1 AND id <> ?2");
        end.bind(1, id);
        end.bind(2, keep_session);
        end.exec();
    });
}

void account_store::rehash(std::int64_t id, std::string const& hash) {
    db_->write([&](connection& c) {
        SQLite::Statement q(c.db(), "UPDATE users SET password_hash = ?2 WHERE id = ?1");
        q.bind(1, id);
        q.bind(2, hash);
        q.exec();
    });
}

void account_store::set_role(std::int64_t id, std::string_view role, std::int64_t now_ns) {
    db_->write([&](connection& c) {
        SQLite::Statement q(c.db(), "UPDATE users SET role = ?2, changed_ns = ?3 WHERE id = ?1");
        q.bind(1, id);
        q.bind(2, std::string(role));
        q.bind(3, now_ns);
        q.exec();
    });
}

void account_store::set_disabled(std::int64_t id, bool disabled) {
    db_->write([&](connection& c) {
        SQLite::Statement q(c.db(), "UPDATE users SET disabled = ?2 WHERE id = ?1");
        q.bind(1, id);
        q.bind(2, disabled ? 1 : 0);
        q.exec();
        if (disabled) run(c, "DELETE FROM sessions WHERE user_id = ?1", id);
    });
}

std::optional<std::string> account_store::zone(std::int64_t id) const {
    return db_->read([id](connection& c) -> std::optional<std::string> {
        SQLite::Statement q(c.db(), "SELECT zone FROM users WHERE id = ?");
        q.bind(1, id);
        if (!q.executeStep() || q.getColumn(0).isNull()) return std::nullopt;
        return q.getColumn(0).getString();
    });
}

void account_store::set_zone(std::int64_t id, std::optional<std::string> const& zone) {
    db_->write([&](connection& c) {
        SQLite::Statement q(c.db(), "UPDATE users SET zone = ?2 WHERE id = ?1");
        q.bind(1, id);
        if (zone) q.bind(2, *zone);
        else q.bind(2);
        q.exec();
    });
}

void account_store::enable_totp(std::int64_t id, std::string const& secret, std::vector<std::string> const& code_hashes,
                                std::int64_t step, std::int64_t now_ns) {
    db_->write([&](connection& c) {
        SQLite::Statement q(c.db(),
                            "UPDATE users SET totp_secret = ?2, totp_last_step = ?3, changed_ns = ?4 WHERE id = ?1");
        q.bind(1, id);
        q.bind(2, secret.data(), static_cast<int>(secret.size()));
        q.bind(3, step);
        q.bind(4, now_ns);
        q.exec();
        run(c, "DELETE FROM recovery_codes WHERE user_id = ?1", id);
        SQLite::Statement add(c.db(), "INSERT OR IGNORE INTO recovery_codes (user_id, code_hash) VALUES (?1, ?2)");
        for (auto const& h : code_hashes) {
            add.bind(1, id);
            add.bind(2, h);
            add.exec();
            add.reset();
        }
    });
}

void account_store::disable_totp(std::int64_t id, std::int64_t now_ns) {
    db_->write([&](connection& c) {
        SQLite::Statement q(c.db(), "UPDATE users SET totp_secret = NULL, totp_last_step = 0, changed_ns = ?2 WHERE id = ?1");
        q.bind(1, id);
        q.bind(2, now_ns);
        q.exec();
        run(c, "DELETE FROM recovery_codes WHERE user_id = ?1", id);
    });
}

bool account_store::use_totp_step(std::int64_t id, std::int64_t step) {
    return db_->write([&](connection& c) {
        SQLite::Statement q(c.db(), "UPDATE users SET totp_last_step = ?2 WHERE id = ?1 AND totp_last_step < ?2");
        q.bind(1, id);
        q.bind(2, step);
        return q.exec() == 1;
    });
}

bool account_store::use_recovery_code(std::int64_t id, std::string const& code_hash) {
    return db_->write([&](connection& c) {
        SQLite::Statement q(c.db(), "DELETE FROM recovery_codes WHERE user_id = ?1 AND code_hash = ?2");
        q.bind(1, id);
        q.bind(2, code_hash);
        return q.exec() == 1;
    });
}

std::size_t account_store::recovery_codes_left(std::int64_t id) const {
    return db_->read([&](connection& c) {
        SQLite::Statement q(c.db(), "SELECT count(*) FROM recovery_codes WHERE user_id = ?1");
        q.bind(1, id);
        q.executeStep();
        return static_cast<std::size_t>(q.getColumn(0).getInt64());
    });
}

std::optional<std::string> account_store::setting(std::string_view key) const {
    return db_->read([&](connection& c) -> std::optional<std::string> {
        SQLite::Statement q(c.db(), "SELECT value FROM settings WHERE key = ?1");
        q.bind(1, std::string(key));
        if (!q.executeStep()) return std::nullopt;
        return q.getColumn(0).getString();
    });
}

void account_store::set_setting(std::string_view key, std::string_view value) {
    db_->write([&](connection& c) {
        SQLite::Statement q(c.db(), "INSERT INTO settings (key, value) VALUES (?1, ?2)"
                                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        q.bind(1, std::string(key));
        q.bind(2, std::string(value));
        q.exec();
    });
}

} // namespace farol::store
