#include "store/migrations.hpp"

namespace farol::store {

namespace {

// Append new migrations at the end with the next number; never edit one that has been released.
constexpr migration migrations[] = {
    {1, "instance", R"sql(
CREATE TABLE instance (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO instance (key, value) VALUES ('created_at', :now);
)sql"},
    {2, "library", R"sql(
CREATE TABLE hotlines (
    id       TEXT PRIMARY KEY,
    number   TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1 -- +1 on every change
) WITHOUT ROWID;
CREATE TABLE hotline_texts (
    hotline_id  TEXT NOT NULL REFERENCES hotlines(id) ON DELETE CASCADE,
    language    TEXT NOT NULL,
    label       TEXT,
    description TEXT,
    PRIMARY KEY (hotline_id, language),
    CHECK (label IS NOT NULL OR description IS NOT NULL)
) WITHOUT ROWID;
CREATE TABLE campaigns (
    id               INTEGER PRIMARY KEY,
    slug             TEXT NOT NULL UNIQUE,
    default_language TEXT NOT NULL,
    publish_from_ns  INTEGER, -- system_clock nanoseconds since 1970-01-01 UTC; NULL: public at once
    publish_until_ns INTEGER, -- exclusive; NULL: open-ended
    revision         INTEGER NOT NULL DEFAULT 1, -- +1 on every change, so an unchanged import is visible
    CHECK (publish_from_ns IS NULL OR publish_until_ns IS NULL OR publish_from_ns < publish_until_ns)
);
CREATE TABLE campaign_tags (
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    tag         TEXT NOT NULL,
    PRIMARY KEY (campaign_id, position),
    UNIQUE (campaign_id, tag)
) WITHOUT ROWID;
CREATE INDEX campaign_tags_by_tag ON campaign_tags (tag);
CREATE TABLE campaign_hotlines (
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    hotline_id  TEXT NOT NULL REFERENCES hotlines(id),
    PRIMARY KEY (campaign_id, position),
    UNIQUE (campaign_id, hotline_id)
) WITHOUT ROWID;
CREATE INDEX campaign_hotlines_by_hotline ON campaign_hotlines (hotline_id);
CREATE TABLE translations (
    id            INTEGER PRIMARY KEY, -- also the rowid of its translations_fts row
    campaign_id   INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    language      TEXT NOT NULL,
    position      INTEGER NOT NULL,
    title         TEXT NOT NULL,
    summary       TEXT NOT NULL,
    body_markdown TEXT NOT NULL,
    body_html     TEXT NOT NULL, -- rendered at import/save, never per request
    UNIQUE (campaign_id, language)
);
CREATE INDEX translations_by_language ON translations (language);
CREATE TABLE materials (
    id          INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    name        TEXT NOT NULL, -- the material's id within its campaign, e.g. 'folheto'
    position    INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('leaflet', 'poster', 'audio', 'other')),
    UNIQUE (campaign_id, name)
);
CREATE TABLE material_files (
    material_id  INTEGER NOT NULL REFERENCES materials(id) ON DELETE CASCADE,
    language     TEXT NOT NULL,
    position     INTEGER NOT NULL,
    file_name    TEXT NOT NULL,
    sha256       TEXT NOT NULL CHECK (length(sha256) = 64), -- bytes under <data_dir>/materials
    size         INTEGER NOT NULL CHECK (size >= 0),
    content_type TEXT NOT NULL,
    PRIMARY KEY (material_id, language)
) WITHOUT ROWID;
CREATE INDEX material_files_by_sha256 ON material_files (sha256);
-- Plain text of each translation (rowid = translations.id); diacritics folded so trafico finds tráfico.
CREATE VIRTUAL TABLE translations_fts USING fts5(
    title, summary, body,
    tokenize = 'unicode61 remove_diacritics 2'
);
)sql"},
};

static_assert(numbered_from_one(migrations), "migrations must be numbered 1, 2, ..., N");

} // namespace

std::span<migration const> all_migrations() { return migrations; }

int latest_schema_version() { return static_cast<int>(std::size(migrations)); }

} // namespace farol::store
