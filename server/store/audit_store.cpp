#include "store/audit_store.hpp"

#include "store/connection.hpp"
#include "store/database.hpp"

namespace farol::store {

void audit_store::append(audit_entry const& e) {
    db_->write([&](connection& c) {
        SQLite::Statement q(c.db(), "INSERT INTO audit_log (at_ns, actor, action, object, outcome)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5)");
        q.bind(1, e.at_ns);
        q.bind(2, e.actor);
        q.bind(3, e.action);
        q.bind(4, e.object);
        q.bind(5, e.outcome);
        q.exec();
    });
}

std::vector<audit_entry> audit_store::list(audit_filter const& f) const {
    return db_->read([&](connection& c) {
        SQLite::Statement q(c.db(), "SELECT id, at_ns, actor, action, object, outcome FROM audit_log"
                                    " WHERE (?1 IS NULL OR actor = ?1 COLLATE NOCASE) AND (?2 IS NULL OR action = ?2)"
                                    " AND (?3 IS NULL OR at_ns >= ?3) AND (?4 IS NULL OR at_ns < ?4)"
                                    " ORDER BY at_ns DESC, id DESC LIMIT ?5 OFFSET ?6");
        auto bind_text = [&](int i, std::optional<std::string> const& v) { v ? q.bind(i, *v) : q.bind(i); };
        auto bind_int = [&](int i, std::optional<std::int64_t> v) { v ? q.bind(i, *v) : q.bind(i); };
        bind_text(1, f.actor);
        bind_text(2, f.action);
        bind_int(3, f.from_ns);
        bind_int(4, f.until_ns);
        q.bind(5, static_cast<std::int64_t>(f.limit));
        q.bind(6, static_cast<std::int64_t>(f.offset));
        std::vector<audit_entry> out;
        while (q.executeStep())
            out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                           q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString()});
        return out;
    });
}

std::vector<std::string> audit_store::actions() const {
    return db_->read([](connection& c) {
        SQLite::Statement q(c.db(), "SELECT DISTINCT action FROM audit_log ORDER BY action");
        std::vector<std::string> out;
        while (q.executeStep()) out.push_back(q.getColumn(0).getString());
        return out;
    });
}

} // namespace farol::store
