#include "store/library_repository.hpp"

#include "store/connection.hpp"
#include "store/database.hpp"
#include "store/search.hpp"
#include "store/store_error.hpp"
#include "store/library_rows.hpp"
#include "store/schedule_rows.hpp"
#include "store/time_columns.hpp"

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

namespace farol::store {

namespace {

using content::campaign;
using content::time_point;
using id_index = std::unordered_map<std::int64_t, std::size_t>; // row id -> position in a vector

// Binds ?1 to the one campaign to load, or NULL for all of them.
void bind_only(SQLite::Statement& s, std::optional<std::int64_t> only) {
    if (only)
        s.bind(1, *only);
    else
        s.bind(1);
}

std::vector<campaign> load_campaign_rows(connection& c, std::optional<std::int64_t> only, id_index& index) {
    SQLite::Statement q(c.db(), "SELECT id, slug, default_language, publish_from_ns, publish_until_ns FROM campaigns"
                                " WHERE ?1 IS NULL OR id = ?1 ORDER BY slug");
    bind_only(q, only);
    std::vector<campaign> out;
    while (q.executeStep()) {
        index[q.getColumn(0).getInt64()] = out.size();
        campaign& x = out.emplace_back();
        x.slug = q.getColumn(1).getString();
        x.default_language = q.getColumn(2).getString();
        x.window.from = time_column(q.getColumn(3));
        x.window.until = time_column(q.getColumn(4));
    }
    return out;
}

// Runs sql (campaign_id first, then the values; ?1 = only) and hands each row to its campaign.
template <class Fn>
void each_child(connection& c, char const* sql, std::optional<std::int64_t> only, id_index const& index,
                std::vector<campaign>& out, Fn fn) {
    SQLite::Statement q(c.db(), sql);
    bind_only(q, only);
    while (q.executeStep()) {
        auto const it = index.find(q.getColumn(0).getInt64());
        if (it != index.end()) fn(out[it->second], q);
    }
}

void load_materials(connection& c, std::optional<std::int64_t> only, id_index const& index,
                    std::vector<campaign>& out) {
    std::unordered_map<std::int64_t, std::pair<std::size_t, std::size_t>> materials; // row -> (campaign, material)
    each_child(c,
               "SELECT campaign_id, id, name, kind FROM materials WHERE ?1 IS NULL OR campaign_id = ?1"
               " ORDER BY campaign_id, position",
               only, index, out, [&](campaign& x, SQLite::Statement& q) {
                   materials[q.getColumn(1).getInt64()] = {index.at(q.getColumn(0).getInt64()), x.materials.size()};
                   x.materials.push_back({q.getColumn(2).getString(), q.getColumn(3).getString(), {}});
               });
    SQLite::Statement q(c.db(), "SELECT f.material_id, f.language, f.file_name, f.sha256, f.size, f.content_type"
                                " FROM material_files f JOIN materials m ON m.id = f.material_id"
                                " WHERE ?1 IS NULL OR m.campaign_id = ?1 ORDER BY f.material_id, f.position");
    bind_only(q, only);
    while (q.executeStep()) {
        auto const it = materials.find(q.getColumn(0).getInt64());
        if (it == materials.end()) continue;
        out[it->second.first].materials[it->second.second].files.push_back(
            {q.getColumn(1).getString(), q.getColumn(2).getString(), q.getColumn(3).getString(),
             static_cast<std::uint64_t>(q.getColumn(4).getInt64()), q.getColumn(5).getString()});
    }
}

// The published texts with each language's own window (translation_status).
char const* translations_sql(bool with_markdown) {
    return with_markdown
               ? "SELECT t.campaign_id, t.language, title, summary, body_markdown, body_html, s.publish_from_ns,"
                 " s.publish_until_ns FROM translations t LEFT JOIN translation_status s"
                 " ON s.campaign_id = t.campaign_id AND s.language = t.language"
                 " WHERE ?1 IS NULL OR t.campaign_id = ?1 ORDER BY t.campaign_id, t.position"
               : "SELECT t.campaign_id, t.language, title, summary, '', body_html, s.publish_from_ns,"
                 " s.publish_until_ns FROM translations t LEFT JOIN translation_status s"
                 " ON s.campaign_id = t.campaign_id AND s.language = t.language"
                 " WHERE ?1 IS NULL OR t.campaign_id = ?1 ORDER BY t.campaign_id, t.position";
}

std::vector<campaign> load_campaigns(connection& c, std::optional<std::int64_t> only,
                                     library_detail detail = library_detail::everything) {
    id_index index;
    auto out = load_campaign_rows(c, only, index);
    each_child(c,
               "SELECT campaign_id, tag FROM campaign_tags WHERE ?1 IS NULL OR campaign_id = ?1"
               " ORDER BY campaign_id, position",
               only, index, out,
               [](campaign& x, SQLite::Statement& q) { x.tags.push_back(q.getColumn(1).getString()); });
    each_child(c,
               "SELECT campaign_id, hotline_id FROM campaign_hotlines WHERE ?1 IS NULL OR campaign_id = ?1"
               " ORDER BY campaign_id, position",
               only, index, out,
               [](campaign& x, SQLite::Statement& q) { x.hotlines.push_back(q.getColumn(1).getString()); });
    each_child(c,
               detail == library_detail::everything ? translations_sql(true) : translations_sql(false),
               only, index, out, [](campaign& x, SQLite::Statement& q) {
                   auto& t = x.translations.emplace_back();
                   t.language = q.getColumn(1).getString();
                   t.title = q.getColumn(2).getString();
                   t.summary = q.getColumn(3).getString();
                   t.body_markdown = q.getColumn(4).getString();
                   t.body_html = q.getColumn(5).getString();
                   t.window = {time_column(q.getColumn(6)), time_column(q.getColumn(7))};
               });
    load_materials(c, only, index, out);
    return out;
}

std::vector<content::hotline> load_hotlines(connection& c, std::optional<std::string> const& only) {
    std::vector<content::hotline> out;
    std::unordered_map<std::string, std::size_t> index;
    SQLite::Statement q(c.db(), "SELECT id, number FROM hotlines WHERE ?1 IS NULL OR id = ?1 ORDER BY id");
    SQLite::Statement t(c.db(), "SELECT hotline_id, language, label, description FROM hotline_texts"
                                " WHERE ?1 IS NULL OR hotline_id = ?1");
    for (auto* s : {&q, &t}) {
        if (only)
            s->bind(1, *only);
        else
            s->bind(1);
    }
    while (q.executeStep()) {
        index[q.getColumn(0).getString()] = out.size();
        out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), {}, {}});
    }
    while (t.executeStep()) {
        auto& h = out[index.at(t.getColumn(0).getString())];
        std::string const language = t.getColumn(1).getString();
        if (!t.getColumn(2).isNull()) h.label[language] = t.getColumn(2).getString();
        if (!t.getColumn(3).isNull()) h.description[language] = t.getColumn(3).getString();
    }
    return out;
}

void bind_text(SQLite::Statement& s, int index, std::map<std::string, std::string> const& texts,
               std::string const& language) {
    if (auto const it = texts.find(language); it != texts.end())
        s.bind(index, it->second);
    else
        s.bind(index);
}

void insert_hotline_texts(connection& c, content::hotline const& h) {
    SQLite::Statement ins(c.db(), "INSERT INTO hotline_texts (hotline_id, language, label, description)"
                                  " VALUES (?, ?, ?, ?)");
    std::set<std::string> languages;
    for (auto const* texts : {&h.label, &h.description})
        for (auto const& [language, text] : *texts) languages.insert(language);
    for (auto const& language : languages) {
        ins.bind(1, h.id);
        ins.bind(2, language);
        bind_text(ins, 3, h.label, language);
        bind_text(ins, 4, h.description, language);
        ins.exec();
        ins.reset();
    }
}

void upsert_hotline(connection& c, content::hotline const& h, import_result& r) {
    auto const stored = load_hotlines(c, h.id);
    if (!stored.empty() && stored.front() == h) {
        ++r.hotlines_unchanged;
        return;
    }
    SQLite::Statement up(c.db(), "INSERT INTO hotlines (id, number) VALUES (?1, ?2)"
                                 " ON CONFLICT (id) DO UPDATE SET number = ?2, revision = revision + 1");
    up.bind(1, h.id);
    up.bind(2, h.number);
    up.exec();
    SQLite::Statement del(c.db(), "DELETE FROM hotline_texts WHERE hotline_id = ?");
    del.bind(1, h.id);
    del.exec();
    insert_hotline_texts(c, h);
    ++(stored.empty() ? r.hotlines_added : r.hotlines_updated);
}

std::optional<std::int64_t> campaign_id(connection& c, std::string const& slug) {
    SQLite::Statement q(c.db(), "SELECT id FROM campaigns WHERE slug = ?");
    q.bind(1, slug);
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getInt64();
}

// Everything below the campaign row; the row itself keeps its id and revision.
void delete_parts(connection& c, std::int64_t id) {
    for (char const* sql :
         {"DELETE FROM translations_fts WHERE rowid IN"
          " (SELECT id FROM translations WHERE campaign_id = ?1)",
          "DELETE FROM translations WHERE campaign_id = ?1", "DELETE FROM campaign_tags WHERE campaign_id = ?1",
          "DELETE FROM campaign_hotlines WHERE campaign_id = ?1", "DELETE FROM materials WHERE campaign_id = ?1"}) {
        SQLite::Statement s(c.db(), sql);
        s.bind(1, id);
        s.exec();
    }
}

void insert_translations(connection& c, std::int64_t id, std::vector<content::translation> const& list) {
    for (std::size_t i = 0; i < list.size(); ++i) insert_translation(c, id, static_cast<std::int64_t>(i), list[i]);
}

void insert_materials(connection& c, std::int64_t id, std::vector<content::material> const& list) {
    SQLite::Statement row(c.db(), "INSERT INTO materials (campaign_id, name, position, kind) VALUES (?, ?, ?, ?)");
    SQLite::Statement file(c.db(), "INSERT INTO material_files (material_id, language, position, file_name, sha256,"
                                   " size, content_type) VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (std::size_t i = 0; i < list.size(); ++i) {
        row.bind(1, id);
        row.bind(2, list[i].id);
        row.bind(3, static_cast<std::int64_t>(i));
        row.bind(4, list[i].kind);
        row.exec();
        row.reset();
        std::int64_t const material_row = c.db().getLastInsertRowid();
        for (std::size_t k = 0; k < list[i].files.size(); ++k) {
            auto const& f = list[i].files[k];
            file.bind(1, material_row);
            file.bind(2, f.language);
            file.bind(3, static_cast<std::int64_t>(k));
            file.bind(4, f.file_name);
            file.bind(5, f.sha256);
            file.bind(6, static_cast<std::int64_t>(f.size));
            file.bind(7, f.content_type);
            file.exec();
            file.reset();
        }
    }
}

void insert_parts(connection& c, std::int64_t id, campaign const& x) {
    insert_list(c, "INSERT INTO campaign_tags (campaign_id, position, tag) VALUES (?, ?, ?)", id, x.tags);
    insert_list(c, "INSERT INTO campaign_hotlines (campaign_id, position, hotline_id) VALUES (?, ?, ?)", id,
                x.hotlines);
    insert_translations(c, id, x.translations);
    insert_materials(c, id, x.materials);
}

// Bundles carry no per-language windows: an import keeps the editor's, so they are not a change.
campaign with_stored_windows(campaign x, campaign const& stored) {
    for (auto& t : x.translations)
        if (auto const* s = stored.find_translation(t.language)) t.window = s->window;
    return x;
}

void upsert_campaign(connection& c, campaign const& x, std::int64_t now_ns, import_result& r) {
    auto id = campaign_id(c, x.slug);
    bool const existed = id.has_value();
    if (existed) {
        auto const stored = load_campaigns(c, *id);
        if (stored.size() == 1 && stored.front() == with_stored_windows(x, stored.front())) {
            ++r.unchanged;
            return;
        }
        delete_parts(c, *id);
    }
    SQLite::Statement up(c.db(), "INSERT INTO campaigns (slug, default_language, publish_from_ns, publish_until_ns)"
                                 " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (slug) DO UPDATE SET"
                                 " default_language = ?2, publish_from_ns = ?3, publish_until_ns = ?4,"
                                 " revision = revision + 1");
    up.bind(1, x.slug);
    up.bind(2, x.default_language);
    bind_time(up, 3, x.window.from);
    bind_time(up, 4, x.window.until);
    up.exec();
    if (!id) id = c.db().getLastInsertRowid();
    insert_parts(c, *id, x);
    record_published(c, *id, x, "import", now_ns);
    ++(existed ? r.updated : r.added);
}

bool archived(connection& c, std::string const& slug) {
    SQLite::Statement q(c.db(), "SELECT archived FROM campaigns WHERE slug = ?");
    q.bind(1, slug);
    return q.executeStep() && q.getColumn(0).getInt() != 0;
}

// SQLite errors become store_errors naming the step.
template <class Fn>
auto guarded(char const* what, Fn fn) {
    try {
        return fn();
    } catch (SQLite::Exception const& e) {
        throw store_error(std::string(what) + " failed: " + e.what());
    }
}

} // namespace

content::library load_library(database& db, library_detail detail) {
    return guarded("loading the library", [&] {
        return db.read([detail](connection& c) {
            content::library lib;
            lib.campaigns = load_campaigns(c, std::nullopt, detail);
            // The site shows a campaign once its default language is published, and not when archived.
            std::erase_if(lib.campaigns, [&](campaign const& x) {
                return !x.find_translation(x.default_language) || archived(c, x.slug);
            });
            lib.hotlines = load_hotlines(c, std::nullopt);
            if (detail == library_detail::site) lib.slots = load_slots(c);
            return lib;
        });
    });
}

import_result import_library(database& db, content::library const& lib, std::int64_t now_ns) {
    return guarded("importing the library", [&] {
        return db.write([&](connection& c) {
            import_result r;
            for (auto const& h : lib.hotlines) upsert_hotline(c, h, r);
            for (auto const& x : lib.campaigns) upsert_campaign(c, x, now_ns, r);
            return r;
        });
    });
}

} // namespace farol::store
