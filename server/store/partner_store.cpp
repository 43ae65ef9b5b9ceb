#include "store/partner_store.hpp"

#include "store/connection.hpp"
#include "store/database.hpp"

#include <sqlite3.h>

#include <algorithm>

namespace farol::store {

namespace {

constexpr char const* columns = "id, name, origins, default_slot, default_language, enabled";

// Origins are kept one per line: they never hold a line break (normalize_origin refuses one).
std::string join_lines(std::vector<std::string> const& lines) {
    std::string out;
    for (auto const& l : lines) out += (out.empty() ? "" : "\n") + l;
    return out;
}

std::vector<std::string> split_lines(std::string const& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto const end = std::min(text.find('\n', start), text.size());
        if (end > start) out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

partners::partner read_partner(SQLite::Statement& q) {
    partners::partner p;
    p.id = q.getColumn(0).getString();
    p.name = q.getColumn(1).getString();
    p.origins = split_lines(q.getColumn(2).getString());
    p.default_slot = q.getColumn(3).getString();
    p.default_language = q.getColumn(4).getString();
    p.enabled = q.getColumn(5).getInt() != 0;
    return p;
}

// ?1 to ?5: the id and the fields an editor sets, in the order both INSERT and UPDATE use.
void bind_fields(SQLite::Statement& q, partners::partner const& p) {
    q.bind(1, p.id);
    q.bind(2, p.name);
    q.bind(3, join_lines(p.origins));
    q.bind(4, p.default_slot);
    q.bind(5, p.default_language);
}

} // namespace

std::vector<partners::partner> partner_store::list() const {
    return db_->read([](connection& c) {
        SQLite::Statement q(c.db(), std::string("SELECT ") + columns + " FROM partners ORDER BY id");
        std::vector<partners::partner> out;
        while (q.executeStep()) out.push_back(read_partner(q));
        return out;
    });
}

std::optional<partners::partner> partner_store::find(std::string_view id) const {
    return db_->read([&](connection& c) -> std::optional<partners::partner> {
        SQLite::Statement q(c.db(), std::string("SELECT ") + columns + " FROM partners WHERE id = ?1");
        q.bind(1, std::string(id));
        if (!q.executeStep()) return std::nullopt;
        return read_partner(q);
    });
}

void partner_store::insert(partners::partner const& p, std::int64_t now_ns) {
    db_->write([&](connection& c) {
        SQLite::Statement q(c.db(), "INSERT INTO partners (id, name, origins, default_slot, default_language, enabled,"
                                    " created_ns, updated_ns) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)");
        bind_fields(q, p);
        q.bind(6, p.enabled ? 1 : 0);
        q.bind(7, now_ns);
        try {
            q.exec();
        } catch (SQLite::Exception const& e) {
            if (e.getExtendedErrorCode() == SQLITE_CONSTRAINT_PRIMARYKEY)
                throw partner_taken("the partner id " + p.id + " is taken");
            throw;
        }
    });
}

bool partner_store::update(partners::partner const& p, std::int64_t now_ns) {
    return db_->write([&](connection& c) {
        SQLite::Statement q(c.db(), "UPDATE partners SET name = ?2, origins = ?3, default_slot = ?4,"
                                    " default_language = ?5, updated_ns = ?6 WHERE id = ?1");
        bind_fields(q, p);
        q.bind(6, now_ns);
        return q.exec() == 1;
    });
}

bool partner_store::set_enabled(std::string_view id, bool enabled, std::int64_t now_ns) {
    return db_->write([&](connection& c) {
        SQLite::Statement q(c.db(), "UPDATE partners SET enabled = ?2, updated_ns = ?3 WHERE id = ?1");
        q.bind(1, std::string(id));
        q.bind(2, enabled ? 1 : 0);
        q.bind(3, now_ns);
        return q.exec() == 1;
    });
}

std::optional<std::string> partner_store::partner_of(std::int64_t user_id) const {
    return db_->read([&](connection& c) -> std::optional<std::string> {
        SQLite::Statement q(c.db(), "SELECT partner_id FROM users WHERE id = ?1");
        q.bind(1, user_id);
        if (!q.executeStep() || q.getColumn(0).isNull()) return std::nullopt;
        return q.getColumn(0).getString();
    });
}

bool partner_store::link(std::int64_t user_id, std::optional<std::string> const& partner_id) {
    return db_->write([&](connection& c) {
        SQLite::Statement q(c.db(), "UPDATE users SET partner_id = ?2 WHERE id = ?1");
        q.bind(1, user_id);
        if (partner_id) q.bind(2, *partner_id);
        else q.bind(2);
        return q.exec() == 1;
    });
}

} // namespace farol::store
