#include "store/schedule_store.hpp"

#include "store/account_store.hpp"
#include "store/connection.hpp"
#include "store/database.hpp"
#include "store/schedule_rows.hpp"
#include "store/time_columns.hpp"

#include <map>
#include <sstream>

namespace farol::store {

namespace {

std::optional<int> int_of(SQLite::Column const& col) {
    if (col.isNull()) return std::nullopt;
    return col.getInt();
}

// '*' or the tags separated by spaces (tags never contain one).
std::string languages_column(content::rotation_entry const& e) {
    if (e.all_languages) return "*";
    std::string out;
    for (auto const& l : e.languages) out += (out.empty() ? "" : " ") + l;
    return out;
}

void read_languages(std::string const& text, content::rotation_entry& e) {
    e.all_languages = text == "*";
    if (e.all_languages) return;
    std::istringstream in(text);
    for (std::string tag; in >> tag;) e.languages.push_back(tag);
}

content::rotation_entry entry_of(SQLite::Statement& q) {
    content::rotation_entry e;
    e.id = q.getColumn(1).getInt64();
    e.campaign = q.getColumn(2).getString();
    e.window = {time_column(q.getColumn(3)), time_column(q.getColumn(4))};
    read_languages(q.getColumn(5).getString(), e);
    e.weight = q.getColumn(6).getInt();
    e.priority = q.getColumn(7).getInt();
    e.days = q.getColumn(8).getInt();
    e.hour_from = int_of(q.getColumn(9));
    e.hour_until = int_of(q.getColumn(10));
    return e;
}

std::vector<content::rotation_slot> load(connection& c, std::optional<std::string_view> only) {
    SQLite::Statement q(c.db(), "SELECT name, zone, period_seconds, list_size, builtin FROM slots"
                                " WHERE ?1 IS NULL OR name = ?1 ORDER BY name");
    if (only) q.bind(1, std::string(*only));
    std::vector<content::rotation_slot> out;
    std::map<std::string, std::size_t, std::less<>> index;
    while (q.executeStep()) {
        index[q.getColumn(0).getString()] = out.size();
        out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getInt64(),
                       q.getColumn(3).getInt(), q.getColumn(4).getInt() != 0, {}});
    }
    SQLite::Statement e(c.db(), "SELECT e.slot, e.id, c.slug, e.from_ns, e.until_ns, e.languages, e.weight,"
                                " e.priority, e.days, e.hour_from, e.hour_until FROM rotation_entries e"
                                " JOIN campaigns c ON c.id = e.campaign_id WHERE ?1 IS NULL OR e.slot = ?1"
                                " ORDER BY e.id");
    if (only) e.bind(1, std::string(*only));
    while (e.executeStep()) {
        auto const it = index.find(e.getColumn(0).getString());
        if (it != index.end()) out[it->second].entries.push_back(entry_of(e));
    }
    return out;
}

std::optional<std::int64_t> campaign_id(connection& c, std::string_view slug) {
    SQLite::Statement q(c.db(), "SELECT id FROM campaigns WHERE slug = ?");
    q.bind(1, std::string(slug));
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getInt64();
}

} // namespace

std::vector<content::rotation_slot> load_slots(connection& c) { return load(c, std::nullopt); }

std::vector<content::rotation_slot> schedule_store::slots() const {
    return db_->read([](connection& c) { return load(c, std::nullopt); });
}

std::optional<content::rotation_slot> schedule_store::find(std::string_view name) const {
    return db_->read([name](connection& c) -> std::optional<content::rotation_slot> {
        auto found = load(c, name);
        if (found.empty()) return std::nullopt;
        return std::move(found.front());
    });
}

void schedule_store::create_slot(content::rotation_slot const& s) {
    db_->write([&](connection& c) {
        SQLite::Statement exists(c.db(), "SELECT 1 FROM slots WHERE name = ?");
        exists.bind(1, s.name);
        if (exists.executeStep()) throw name_taken("slot " + s.name + " exists");
        SQLite::Statement q(c.db(), "INSERT INTO slots (name, zone, period_seconds, list_size) VALUES (?, ?, ?, ?)");
        q.bind(1, s.name);
        q.bind(2, s.zone);
        q.bind(3, s.period_seconds);
        q.bind(4, s.list_size);
        q.exec();
    });
}

bool schedule_store::update_slot(content::rotation_slot const& s) {
    return db_->write([&](connection& c) {
        SQLite::Statement q(c.db(), "UPDATE slots SET zone = ?, period_seconds = ?, list_size = ? WHERE name = ?");
        q.bind(1, s.zone);
        q.bind(2, s.period_seconds);
        q.bind(3, s.list_size);
        q.bind(4, s.name);
        return q.exec() == 1;
    });
}

bool schedule_store::delete_slot(std::string_view name) {
    return db_->write([&](connection& c) {
        SQLite::Statement q(c.db(), "DELETE FROM slots WHERE name = ? AND builtin = 0");
        q.bind(1, std::string(name));
        return q.exec() == 1;
    });
}

std::optional<std::int64_t> schedule_store::add_entry(std::string_view slot, content::rotation_entry const& e) {
    return db_->write([&](connection& c) -> std::optional<std::int64_t> {
        auto const id = campaign_id(c, e.campaign);
        SQLite::Statement has(c.db(), "SELECT 1 FROM slots WHERE name = ?");
        has.bind(1, std::string(slot));
        if (!id || !has.executeStep()) return std::nullopt;
        SQLite::Statement q(c.db(), "INSERT INTO rotation_entries (slot, campaign_id, from_ns, until_ns, languages,"
                                    " weight, priority, days, hour_from, hour_until) VALUES (?,?,?,?,?,?,?,?,?,?)");
        q.bind(1, std::string(slot));
        q.bind(2, *id);
        bind_time(q, 3, e.window.from);
        bind_time(q, 4, e.window.until);
        q.bind(5, languages_column(e));
        q.bind(6, e.weight);
        q.bind(7, e.priority);
        q.bind(8, e.days);
        if (e.hour_from) q.bind(9, *e.hour_from); else q.bind(9);
        if (e.hour_until) q.bind(10, *e.hour_until); else q.bind(10);
        q.exec();
        return c.db().getLastInsertRowid();
    });
}

bool schedule_store::delete_entry(std::string_view slot, std::int64_t id) {
    return db_->write([&](connection& c) {
        SQLite::Statement q(c.db(), "DELETE FROM rotation_entries WHERE id = ? AND slot = ?");
        q.bind(1, id);
        q.bind(2, std::string(slot));
        return q.exec() == 1;
    });
}

bool schedule_store::set_campaign_window(std::string_view slug, content::publish_window const& w) {
    return db_->write([&](connection& c) {
        SQLite::Statement q(c.db(), "UPDATE campaigns SET publish_from_ns = ?, publish_until_ns = ?,"
                                    " revision = revision + 1 WHERE slug = ?");
        bind_time(q, 1, w.from);
        bind_time(q, 2, w.until);
        q.bind(3, std::string(slug));
        return q.exec() == 1;
    });
}

bool schedule_store::set_translation_window(std::string_view slug, std::string_view language,
                                            content::publish_window const& w) {
    return db_->write([&](connection& c) {
        auto const id = campaign_id(c, slug);
        if (!id) return false;
        SQLite::Statement q(c.db(), "UPDATE translation_status SET publish_from_ns = ?, publish_until_ns = ?"
                                    " WHERE campaign_id = ? AND language = ?");
        bind_time(q, 1, w.from);
        bind_time(q, 2, w.until);
        q.bind(3, *id);
        q.bind(4, std::string(language));
        return q.exec() == 1;
    });
}

void schedule_store::seed_builtin_zone(std::string const& zone) {
    db_->write([&](connection& c) {
        SQLite::Statement seeded(c.db(), "INSERT OR IGNORE INTO instance (key, value) VALUES ('slots_zone_seeded', ?)");
        seeded.bind(1, zone);
        if (seeded.exec() == 0) return; // seeded before: admins own the zones now
        SQLite::Statement q(c.db(), "UPDATE slots SET zone = ? WHERE builtin = 1");
        q.bind(1, zone);
        q.exec();
    });
}

std::optional<content::time_point> schedule_store::applied_at() const {
    return db_->read([](connection& c) -> std::optional<content::time_point> {
        SQLite::Statement q(c.db(), "SELECT value FROM instance WHERE key = 'schedule_applied_ns'");
        if (!q.executeStep()) return std::nullopt;
        return content::time_point(content::time_point::duration(std::stoll(q.getColumn(0).getString())));
    });
}

void schedule_store::set_applied_at(content::time_point t) {
    db_->write([t](connection& c) {
        SQLite::Statement q(c.db(), "INSERT INTO instance (key, value) VALUES ('schedule_applied_ns', ?)"
                                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        q.bind(1, std::to_string(t.time_since_epoch().count()));
        q.exec();
    });
}

} // namespace farol::store
