#include "store/library_rows.hpp"

#include "store/search.hpp"

#include <optional>

namespace farol::store {

void insert_list(connection& c, char const* sql, std::int64_t campaign_id, std::vector<std::string> const& values) {
    SQLite::Statement s(c.db(), sql);
    for (std::size_t i = 0; i < values.size(); ++i) {
        s.bind(1, campaign_id);
        s.bind(2, static_cast<std::int64_t>(i));
        s.bind(3, values[i]);
        s.exec();
        s.reset();
    }
}

void insert_translation(connection& c, std::int64_t campaign_id, std::int64_t position, content::translation const& t) {
    SQLite::Statement row(c.db(), "INSERT INTO translations (campaign_id, language, position, title, summary,"
                                  " body_markdown, body_html) VALUES (?, ?, ?, ?, ?, ?, ?)");
    row.bind(1, campaign_id);
    row.bind(2, t.language);
    row.bind(3, position);
    row.bind(4, t.title);
    row.bind(5, t.summary);
    row.bind(6, t.body_markdown);
    row.bind(7, t.body_html);
    row.exec();
    SQLite::Statement fts(c.db(), "INSERT INTO translations_fts (rowid, title, summary, body) VALUES (?, ?, ?, ?)");
    fts.bind(1, c.db().getLastInsertRowid());
    fts.bind(2, t.title);
    fts.bind(3, t.summary);
    fts.bind(4, plain_text_of_html(t.body_html));
    fts.exec();
}

bool delete_translation(connection& c, std::int64_t campaign_id, std::string const& language) {
    SQLite::Statement fts(c.db(), "DELETE FROM translations_fts WHERE rowid IN"
                                  " (SELECT id FROM translations WHERE campaign_id = ?1 AND language = ?2)");
    fts.bind(1, campaign_id);
    fts.bind(2, language);
    fts.exec();
    SQLite::Statement row(c.db(), "DELETE FROM translations WHERE campaign_id = ?1 AND language = ?2");
    row.bind(1, campaign_id);
    row.bind(2, language);
    return row.exec() > 0;
}

namespace {

struct latest_text {
    std::int64_t revision;
    content::translation text;
};

std::optional<latest_text> latest_of(connection& c, std::int64_t campaign_id, std::string const& language) {
    SQLite::Statement q(c.db(), "SELECT revision, title, summary, body_markdown, body_html FROM translation_revisions"
                                " WHERE campaign_id = ?1 AND language = ?2 ORDER BY revision DESC LIMIT 1");
    q.bind(1, campaign_id);
    q.bind(2, language);
    if (!q.executeStep()) return std::nullopt;
    return latest_text{q.getColumn(0).getInt64(),
                       {language, q.getColumn(1).getString(), q.getColumn(2).getString(), q.getColumn(3).getString(),
                        q.getColumn(4).getString()}};
}

std::string changed_fields(content::translation const* before, content::translation const& after) {
    std::string out;
    auto add = [&](bool changed, char const* name) {
        if (!changed) return;
        if (!out.empty()) out += ' ';
        out += name;
    };
    add(!before || before->title != after.title, "title");
    add(!before || before->summary != after.summary, "summary");
    add(!before || before->body_markdown != after.body_markdown, "body");
    return out;
}

} // namespace

std::int64_t append_revision(connection& c, std::int64_t campaign_id, content::translation const& t,
                             std::string const& actor, std::int64_t now_ns) {
    auto const latest = latest_of(c, campaign_id, t.language);
    if (latest && latest->text.title == t.title && latest->text.summary == t.summary &&
        latest->text.body_markdown == t.body_markdown)
        return latest->revision;
    std::int64_t const next = latest ? latest->revision + 1 : 1;
    SQLite::Statement ins(c.db(), "INSERT INTO translation_revisions (campaign_id, language, revision, at_ns, actor,"
                                  " fields, title, summary, body_markdown, body_html)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ins.bind(1, campaign_id);
    ins.bind(2, t.language);
    ins.bind(3, next);
    ins.bind(4, now_ns);
    ins.bind(5, actor);
    ins.bind(6, changed_fields(latest ? &latest->text : nullptr, t));
    ins.bind(7, t.title);
    ins.bind(8, t.summary);
    ins.bind(9, t.body_markdown);
    ins.bind(10, t.body_html);
    ins.exec();
    return next;
}

void set_source(connection& c, std::int64_t campaign_id, std::string const& language, std::int64_t source_revision) {
    SQLite::Statement q(c.db(), "INSERT INTO translation_status (campaign_id, language, source_revision)"
                                " VALUES (?1, ?2, ?3) ON CONFLICT (campaign_id, language) DO UPDATE SET source_revision = ?3");
    q.bind(1, campaign_id);
    q.bind(2, language);
    q.bind(3, source_revision);
    q.exec();
}

void set_published(connection& c, std::int64_t campaign_id, std::string const& language,
                   std::optional<std::int64_t> revision) {
    SQLite::Statement q(c.db(), "INSERT INTO translation_status (campaign_id, language, published_revision)"
                                " VALUES (?1, ?2, ?3) ON CONFLICT (campaign_id, language) DO UPDATE SET published_revision = ?3");
    q.bind(1, campaign_id);
    q.bind(2, language);
    if (revision) q.bind(3, *revision);
    else q.bind(3);
    q.exec();
}

void record_published(connection& c, std::int64_t campaign_id, content::campaign const& x, std::string const& actor,
                      std::int64_t now_ns) {
    std::optional<std::int64_t> source;
    if (auto const* d = x.find_translation(x.default_language)) source = append_revision(c, campaign_id, *d, actor, now_ns);
    SQLite::Statement status(c.db(), "INSERT INTO translation_status (campaign_id, language, published_revision,"
                                     " source_revision) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (campaign_id, language)"
                                     " DO UPDATE SET published_revision = ?3, source_revision = ?4");
    for (auto const& t : x.translations) {
        auto const rev = append_revision(c, campaign_id, t, actor, now_ns); // the default's again: no new row
        status.bind(1, campaign_id);
        status.bind(2, t.language);
        status.bind(3, rev);
        if (source) status.bind(4, *source);
        else status.bind(4);
        status.exec();
        status.reset();
    }
}

} // namespace farol::store
