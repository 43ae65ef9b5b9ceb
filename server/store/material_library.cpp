#include "store/material_library.hpp"

#include "store/connection.hpp"
#include "store/database.hpp"
#include "store/store_error.hpp"

namespace farol::store {

namespace {

std::int64_t campaign_of(connection& c, std::string_view slug) {
    SQLite::Statement q(c.db(), "SELECT id FROM campaigns WHERE slug = ?");
    q.bind(1, std::string(slug));
    if (!q.executeStep()) throw store_error("no campaign " + std::string(slug));
    return q.getColumn(0).getInt64();
}

upload_row upload_of(SQLite::Statement& q) {
    return {q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
            static_cast<std::uint64_t>(q.getColumn(3).getInt64()), q.getColumn(4).getString(),
            q.getColumn(5).getString(), q.getColumn(6).getInt64()};
}

constexpr char const* upload_columns =
    "SELECT id, sha256, media_type, size, original_name, uploaded_by, uploaded_at FROM uploads ";

void retire(connection& c, content::material_file const& f, std::int64_t now_ns) {
    SQLite::Statement q(c.db(), "INSERT INTO retired_files (sha256, file_name, content_type, size, retired_at)"
                                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256, file_name) DO UPDATE SET"
                                " retired_at = excluded.retired_at");
    q.bind(1, f.sha256);
    q.bind(2, f.file_name);
    q.bind(3, f.content_type);
    q.bind(4, static_cast<std::int64_t>(f.size));
    q.bind(5, now_ns);
    q.exec();
}

// The material's row id, created at the end of the campaign's list when new; `changed` says whether
// its kind was changed.
std::int64_t material_row(connection& c, std::int64_t campaign, attachment const& a, bool& changed) {
    SQLite::Statement find(c.db(), "SELECT id FROM materials WHERE campaign_id = ? AND name = ?");
    find.bind(1, campaign);
    find.bind(2, a.material);
    if (find.executeStep()) {
        SQLite::Statement kind(c.db(), "UPDATE materials SET kind = ? WHERE id = ? AND kind <> ?1");
        kind.bind(1, a.kind);
        kind.bind(2, find.getColumn(0).getInt64());
        changed = kind.exec() == 1;
        return find.getColumn(0).getInt64();
    }
    SQLite::Statement add(c.db(), "INSERT INTO materials (campaign_id, name, position, kind) VALUES (?1, ?2,"
                                  " (SELECT coalesce(max(position) + 1, 0) FROM materials WHERE campaign_id = ?1), ?3)");
    add.bind(1, campaign);
    add.bind(2, a.material);
    add.bind(3, a.kind);
    add.exec();
    return c.db().getLastInsertRowid();
}

std::optional<content::material_file> file_of(connection& c, std::int64_t material, std::string_view language) {
    SQLite::Statement q(c.db(), "SELECT language, file_name, sha256, size, content_type FROM material_files"
                                " WHERE material_id = ? AND language = ?");
    q.bind(1, material);
    q.bind(2, std::string(language));
    if (!q.executeStep()) return std::nullopt;
    return content::material_file{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                                  static_cast<std::uint64_t>(q.getColumn(3).getInt64()), q.getColumn(4).getString()};
}

} // namespace

std::int64_t material_library::add_upload(upload_row const& r) {
    return db_->write([&](connection& c) {
        SQLite::Statement q(c.db(), "INSERT INTO uploads (sha256, media_type, size, original_name, uploaded_by,"
                                    " uploaded_at) VALUES (?, ?, ?, ?, ?, ?)");
        q.bind(1, r.sha256);
        q.bind(2, r.media_type);
        q.bind(3, static_cast<std::int64_t>(r.size));
        q.bind(4, r.original_name);
        q.bind(5, r.uploaded_by);
        q.bind(6, r.uploaded_at_ns);
        q.exec();
        return c.db().getLastInsertRowid();
    });
}

std::vector<upload_row> material_library::uploads() const {
    return db_->read([](connection& c) {
        SQLite::Statement q(c.db(), std::string(upload_columns) +
                                        "WHERE removed_at IS NULL ORDER BY uploaded_at DESC, id DESC");
        std::vector<upload_row> out;
        while (q.executeStep()) out.push_back(upload_of(q));
        return out;
    });
}

std::optional<upload_row> material_library::upload(std::int64_t id) const {
    return db_->read([&](connection& c) -> std::optional<upload_row> {
        SQLite::Statement q(c.db(), std::string(upload_columns) + "WHERE id = ? AND removed_at IS NULL");
        q.bind(1, id);
        if (!q.executeStep()) return std::nullopt;
        return upload_of(q);
    });
}

bool material_library::remove_upload(std::int64_t id, std::int64_t now_ns) {
    return db_->write([&](connection& c) {
        SQLite::Statement q(c.db(), "UPDATE uploads SET removed_at = ?1 WHERE id = ?2 AND removed_at IS NULL"
                                    " AND NOT EXISTS (SELECT 1 FROM material_files f WHERE f.sha256 = uploads.sha256)");
        q.bind(1, now_ns);
        q.bind(2, id);
        return q.exec() == 1;
    });
}

std::vector<material_use> material_library::uses(std::string_view sha256) const {
    return db_->read([&](connection& c) {
        SQLite::Statement q(c.db(), "SELECT c.slug, m.name, f.language, f.file_name FROM material_files f"
                                    " JOIN materials m ON m.id = f.material_id JOIN campaigns c ON c.id = m.campaign_id"
                                    " WHERE f.sha256 = ? ORDER BY c.slug, m.position, f.position");
        q.bind(1, std::string(sha256));
        std::vector<material_use> out;
        while (q.executeStep())
            out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                           q.getColumn(3).getString()});
        return out;
    });
}

std::vector<content::material> material_library::materials_of(std::string_view slug) const {
    return db_->read([&](connection& c) {
        auto const campaign = campaign_of(c, slug);
        SQLite::Statement q(c.db(), "SELECT id, name, kind FROM materials WHERE campaign_id = ? ORDER BY position");
        q.bind(1, campaign);
        std::vector<content::material> out;
        while (q.executeStep()) {
            content::material m{q.getColumn(1).getString(), q.getColumn(2).getString(), {}};
            SQLite::Statement f(c.db(), "SELECT language, file_name, sha256, size, content_type FROM material_files"
                                        " WHERE material_id = ? ORDER BY position, language");
            f.bind(1, q.getColumn(0).getInt64());
            while (f.executeStep())
                m.files.push_back({f.getColumn(0).getString(), f.getColumn(1).getString(), f.getColumn(2).getString(),
                                   static_cast<std::uint64_t>(f.getColumn(3).getInt64()), f.getColumn(4).getString()});
            out.push_back(std::move(m));
        }
        return out;
    });
}

attach_outcome material_library::attach(std::string_view slug, attachment const& a, std::int64_t now_ns) {
    return db_->write([&](connection& c) {
        bool kind_changed = false;
        auto const material = material_row(c, campaign_of(c, slug), a, kind_changed);
        auto const before = file_of(c, material, a.file.language);
        if (before && *before == a.file) return kind_changed ? attach_outcome::replaced : attach_outcome::unchanged;
        if (before) retire(c, *before, now_ns);
        SQLite::Statement q(c.db(), "INSERT INTO material_files (material_id, language, position, file_name, sha256,"
                                    " size, content_type) VALUES (?1, ?2, (SELECT coalesce(max(position) + 1, 0) FROM"
                                    " material_files WHERE material_id = ?1), ?3, ?4, ?5, ?6)"
                                    " ON CONFLICT (material_id, language) DO UPDATE SET file_name = excluded.file_name,"
                                    " sha256 = excluded.sha256, size = excluded.size,"
                                    " content_type = excluded.content_type");
        q.bind(1, material);
        q.bind(2, a.file.language);
        q.bind(3, a.file.file_name);
        q.bind(4, a.file.sha256);
        q.bind(5, static_cast<std::int64_t>(a.file.size));
        q.bind(6, a.file.content_type);
        q.exec();
        return before ? attach_outcome::replaced : attach_outcome::attached;
    });
}

bool material_library::detach(std::string_view slug, std::string_view material, std::string_view language,
                              std::int64_t now_ns) {
    return db_->write([&](connection& c) {
        SQLite::Statement find(c.db(), "SELECT id FROM materials WHERE campaign_id = ? AND name = ?");
        find.bind(1, campaign_of(c, slug));
        find.bind(2, std::string(material));
        if (!find.executeStep()) return false;
        auto const id = find.getColumn(0).getInt64();
        auto const before = file_of(c, id, language);
        if (!before) return false;
        retire(c, *before, now_ns);
        SQLite::Statement del(c.db(), "DELETE FROM material_files WHERE material_id = ? AND language = ?");
        del.bind(1, id);
        del.bind(2, std::string(language));
        del.exec();
        SQLite::Statement empty(c.db(), "DELETE FROM materials WHERE id = ?1 AND NOT EXISTS"
                                        " (SELECT 1 FROM material_files WHERE material_id = ?1)");
        empty.bind(1, id);
        empty.exec();
        return true;
    });
}

std::vector<retired_file> material_library::retired_since(std::int64_t since_ns) const {
    return db_->read([&](connection& c) {
        SQLite::Statement q(c.db(), "SELECT sha256, file_name, content_type, size, retired_at FROM retired_files"
                                    " WHERE retired_at >= ? ORDER BY sha256, file_name");
        q.bind(1, since_ns);
        std::vector<retired_file> out;
        while (q.executeStep())
            out.push_back({{"", q.getColumn(1).getString(), q.getColumn(0).getString(),
                            static_cast<std::uint64_t>(q.getColumn(3).getInt64()), q.getColumn(2).getString()},
                           q.getColumn(4).getInt64()});
        return out;
    });
}

std::vector<std::string> material_library::sweep(std::int64_t cutoff_ns) {
    return db_->write([&](connection& c) {
        for (char const* sql :
             {"DELETE FROM retired_files WHERE retired_at < ?", "DELETE FROM uploads WHERE removed_at < ?"}) {
            SQLite::Statement q(c.db(), sql);
            q.bind(1, cutoff_ns);
            q.exec();
        }
        SQLite::Statement q(c.db(), "SELECT sha256 FROM material_files UNION SELECT sha256 FROM uploads"
                                    " UNION SELECT sha256 FROM retired_files");
        std::vector<std::string> keep;
        while (q.executeStep()) keep.push_back(q.getColumn(0).getString());
        return keep;
    });
}

} // namespace farol::store
