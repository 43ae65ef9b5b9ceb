#include "store/campaign_editing.hpp"

#include "store/connection.hpp"
#include "store/database.hpp"
#include "store/library_rows.hpp"
#include "store/store_error.hpp"
#include "store/time_columns.hpp"

#include <sqlite3.h>

namespace farol::store {

namespace {

constexpr char const* tags_sql = "INSERT INTO campaign_tags (campaign_id, position, tag) VALUES (?, ?, ?)";
constexpr char const* hotlines_sql = "INSERT INTO campaign_hotlines (campaign_id, position, hotline_id) VALUES (?, ?, ?)";

std::vector<std::string> column_list(connection& c, char const* sql, std::int64_t id) {
    SQLite::Statement q(c.db(), sql);
    q.bind(1, id);
    std::vector<std::string> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
}

std::vector<translation_state> states_of(connection& c, std::int64_t id, std::string const& default_language) {
    SQLite::Statement q(c.db(),
                        "SELECT r.language, max(r.revision), s.published_revision, s.source_revision,"
                        " (SELECT max(revision) FROM translation_revisions d WHERE d.campaign_id = ?1 AND d.language = ?2),"
                        " s.publish_from_ns, s.publish_until_ns"
                        " FROM translation_revisions r LEFT JOIN translation_status s"
                        " ON s.campaign_id = r.campaign_id AND s.language = r.language"
                        " WHERE r.campaign_id = ?1 GROUP BY r.language ORDER BY r.language");
    q.bind(1, id);
    q.bind(2, default_language);
    std::vector<translation_state> out;
    while (q.executeStep()) {
        translation_state s;
        s.language = q.getColumn(0).getString();
        s.latest = q.getColumn(1).getInt64();
        if (!q.getColumn(2).isNull()) s.published = q.getColumn(2).getInt64();
        auto const source = q.getColumn(3).isNull() ? 0 : q.getColumn(3).getInt64();
        auto const default_latest = q.getColumn(4).isNull() ? 0 : q.getColumn(4).getInt64();
        s.outdated = s.language != default_language && default_latest > source;
        s.window = {time_column(q.getColumn(5)), time_column(q.getColumn(6))};
        out.push_back(std::move(s));
    }
    return out;
}

campaign_entry entry_of(connection& c, SQLite::Statement& q) {
    campaign_entry e;
    e.id = q.getColumn(0).getInt64();
    e.slug = q.getColumn(1).getString();
    e.default_language = q.getColumn(2).getString();
    e.archived = q.getColumn(3).getInt() != 0;
    e.window = {time_column(q.getColumn(4)), time_column(q.getColumn(5))};
    e.tags = column_list(c, "SELECT tag FROM campaign_tags WHERE campaign_id = ? ORDER BY position", e.id);
    e.hotlines = column_list(c, "SELECT hotline_id FROM campaign_hotlines WHERE campaign_id = ? ORDER BY position", e.id);
    e.translations = states_of(c, e.id, e.default_language);
    return e;
}

std::int64_t id_of(connection& c, std::string_view slug) {
    SQLite::Statement q(c.db(), "SELECT id FROM campaigns WHERE slug = ?");
    q.bind(1, std::string(slug));
    if (!q.executeStep()) throw store_error("no campaign " + std::string(slug));
    return q.getColumn(0).getInt64();
}

void run(connection& c, char const* sql, std::int64_t id) {
    SQLite::Statement q(c.db(), sql);
    q.bind(1, id);
    q.exec();
}

void write_lists(connection& c, campaign_entry const& e, std::int64_t id) {
    run(c, "DELETE FROM campaign_tags WHERE campaign_id = ?", id);
    run(c, "DELETE FROM campaign_hotlines WHERE campaign_id = ?", id);
    insert_list(c, tags_sql, id, e.tags);
    insert_list(c, hotlines_sql, id, e.hotlines);
}

translation_revision revision_of(SQLite::Statement& q, std::string const& language) {
    return {q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
            q.getColumn(3).getString(),
            {language, q.getColumn(4).getString(), q.getColumn(5).getString(), q.getColumn(6).getString(),
             q.getColumn(7).getString()}};
}

constexpr char const* revision_columns = "SELECT revision, at_ns, actor, fields, title, summary, body_markdown, body_html"
                                         " FROM translation_revisions WHERE campaign_id = ?1 AND language = ?2 ";

std::optional<translation_revision> latest_of(connection& c, std::int64_t id, std::string const& language) {
    SQLite::Statement q(c.db(), std::string(revision_columns) + "ORDER BY revision DESC LIMIT 1");
    q.bind(1, id);
    q.bind(2, language);
    if (!q.executeStep()) return std::nullopt;
    return revision_of(q, language);
}

} // namespace

std::vector<campaign_entry> campaign_editing::list() const {
    return db_->read([](connection& c) {
        SQLite::Statement q(c.db(), "SELECT id, slug, default_language, archived, publish_from_ns, publish_until_ns"
                                    " FROM campaigns ORDER BY slug");
        std::vector<campaign_entry> out;
        while (q.executeStep()) out.push_back(entry_of(c, q));
        return out;
    });
}

std::optional<campaign_entry> campaign_editing::find(std::string_view slug) const {
    return db_->read([&](connection& c) -> std::optional<campaign_entry> {
        SQLite::Statement q(c.db(), "SELECT id, slug, default_language, archived, publish_from_ns, publish_until_ns"
                                    " FROM campaigns WHERE slug = ?");
        q.bind(1, std::string(slug));
        if (!q.executeStep()) return std::nullopt;
        return entry_of(c, q);
    });
}

void campaign_editing::create(campaign_entry const& e) {
    db_->write([&](connection& c) {
        SQLite::Statement q(c.db(), "INSERT INTO campaigns (slug, default_language) VALUES (?, ?)");
        q.bind(1, e.slug);
        q.bind(2, e.default_language);
        try {
            q.exec();
        } catch (SQLite::Exception const& x) {
            if (x.getExtendedErrorCode() == SQLITE_CONSTRAINT_UNIQUE) throw name_taken("the slug " + e.slug + " is taken");
            throw;
        }
        write_lists(c, e, c.db().getLastInsertRowid());
    });
}

void campaign_editing::set_metadata(campaign_entry const& e) {
    db_->write([&](connection& c) {
        auto const id = id_of(c, e.slug);
        SQLite::Statement q(c.db(), "UPDATE campaigns SET default_language = ?2, revision = revision + 1 WHERE id = ?1");
        q.bind(1, id);
        q.bind(2, e.default_language);
        q.exec();
        write_lists(c, e, id);
    });
}

void campaign_editing::set_archived(std::string_view slug, bool archived) {
    db_->write([&](connection& c) {
        SQLite::Statement q(c.db(), "UPDATE campaigns SET archived = ?2, revision = revision + 1 WHERE id = ?1");
        q.bind(1, id_of(c, slug));
        q.bind(2, archived ? 1 : 0);
        q.exec();
    });
}

std::vector<translation_revision> campaign_editing::revisions(std::string_view slug, std::string_view language) const {
    return db_->read([&](connection& c) {
        SQLite::Statement q(c.db(), std::string(revision_columns) + "ORDER BY revision DESC");
        q.bind(1, id_of(c, slug));
        q.bind(2, std::string(language));
        std::vector<translation_revision> out;
        while (q.executeStep()) out.push_back(revision_of(q, std::string(language)));
        return out;
    });
}

std::optional<translation_revision> campaign_editing::revision(std::string_view slug, std::string_view language,
                                                               std::int64_t n) const {
    return db_->read([&](connection& c) -> std::optional<translation_revision> {
        SQLite::Statement q(c.db(), std::string(revision_columns) + "AND revision = ?3");
        q.bind(1, id_of(c, slug));
        q.bind(2, std::string(language));
        q.bind(3, n);
        if (!q.executeStep()) return std::nullopt;
        return revision_of(q, std::string(language));
    });
}

save_outcome campaign_editing::save(std::string_view slug, content::translation const& text, std::int64_t base,
                                    std::string_view actor, std::int64_t now_ns) {
    return db_->write([&](connection& c) -> save_outcome {
        auto const id = id_of(c, slug);
        auto const latest = latest_of(c, id, text.language);
        if ((latest ? latest->revision : 0) != base) return {save_outcome::stale, latest.value_or(translation_revision{})};
        auto const rev = append_revision(c, id, text, std::string(actor), now_ns);
        if (latest && rev == latest->revision) return {save_outcome::unchanged, *latest};
        // Saving is checking against the default language as it is now.
        SQLite::Statement q(c.db(), "SELECT default_language FROM campaigns WHERE id = ?");
        q.bind(1, id);
        q.executeStep();
        auto const source = latest_of(c, id, q.getColumn(0).getString());
        set_source(c, id, text.language, source ? source->revision : 0);
        return {save_outcome::saved, *latest_of(c, id, text.language)};
    });
}

void campaign_editing::confirm(std::string_view slug, std::string_view language) {
    db_->write([&](connection& c) {
        auto const id = id_of(c, slug);
        SQLite::Statement q(c.db(), "SELECT default_language FROM campaigns WHERE id = ?");
        q.bind(1, id);
        q.executeStep();
        auto const source = latest_of(c, id, q.getColumn(0).getString());
        set_source(c, id, std::string(language), source ? source->revision : 0);
    });
}

bool campaign_editing::publish(std::string_view slug, std::string_view language, std::int64_t position) {
    return db_->write([&](connection& c) {
        auto const id = id_of(c, slug);
        auto const latest = latest_of(c, id, std::string(language));
        if (!latest) return false;
        delete_translation(c, id, std::string(language));
        insert_translation(c, id, position, latest->text);
        set_published(c, id, std::string(language), latest->revision);
        run(c, "UPDATE campaigns SET revision = revision + 1 WHERE id = ?", id);
        return true;
    });
}

bool campaign_editing::unpublish(std::string_view slug, std::string_view language) {
    return db_->write([&](connection& c) {
        auto const id = id_of(c, slug);
        if (!delete_translation(c, id, std::string(language))) return false;
        set_published(c, id, std::string(language), std::nullopt);
        run(c, "UPDATE campaigns SET revision = revision + 1 WHERE id = ?", id);
        return true;
    });
}

} // namespace farol::store
