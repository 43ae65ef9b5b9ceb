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
    {3, "accounts", R"sql(
-- Editor accounts. Names compare case-insensitively (ASCII), so "Ana" and "ana" are one account.
CREATE TABLE users (
    id                   INTEGER PRIMARY KEY,
    name                 TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role                 TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'analyst', 'partner')),
    password_hash        TEXT NOT NULL,            -- libsodium crypto_pwhash_str (argon2id)
    must_change_password INTEGER NOT NULL DEFAULT 1,
    disabled             INTEGER NOT NULL DEFAULT 0,
    totp_secret          BLOB,                     -- RFC 6238 key; NULL: no second factor
    totp_last_step       INTEGER NOT NULL DEFAULT 0, -- the last accepted time step (no replay)
    created_ns           INTEGER NOT NULL,
    changed_ns           INTEGER NOT NULL          -- password, role or second factor last changed
);
CREATE TABLE recovery_codes (
    user_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,                       -- BLAKE2b of the normalised code
    PRIMARY KEY (user_id, code_hash)
) WITHOUT ROWID;
-- Signed-in sessions; the token itself is never stored, only its hash.
CREATE TABLE sessions (
    id           INTEGER PRIMARY KEY,
    token_hash   BLOB NOT NULL UNIQUE,
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    started_ns   INTEGER NOT NULL,
    last_seen_ns INTEGER NOT NULL,
    device       TEXT NOT NULL,                     -- coarse: "Firefox on Windows", never the user-agent
    second_factor_pending INTEGER NOT NULL DEFAULT 0 -- password checked, code not yet
);
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
-- Security-relevant events: who did what to which object, and how it went; never a client address.
CREATE TABLE audit_log (
    id       INTEGER PRIMARY KEY,
    at_ns    INTEGER NOT NULL,
    actor    TEXT NOT NULL,  -- the user's name as typed or known; "" for the system
    action   TEXT NOT NULL,
    object   TEXT NOT NULL,
    outcome  TEXT NOT NULL
);
CREATE INDEX audit_log_by_time ON audit_log (at_ns);
)sql"},
    {4, "editing", R"sql(
-- The editor's campaigns: archived ones leave the site but keep everything.
ALTER TABLE campaigns ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;
-- Every saved version of a translation, the working text being the latest. `translations` holds
-- only what is published: the site and search read that table alone.
CREATE TABLE translation_revisions (
    campaign_id   INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    language      TEXT NOT NULL,
    revision      INTEGER NOT NULL CHECK (revision >= 1),
    at_ns         INTEGER NOT NULL,
    actor         TEXT NOT NULL,  -- account name, or "import"
    fields        TEXT NOT NULL,  -- what changed from the revision before: "title summary body"
    title         TEXT NOT NULL,
    summary       TEXT NOT NULL,
    body_markdown TEXT NOT NULL,
    body_html     TEXT NOT NULL,
    PRIMARY KEY (campaign_id, language, revision)
) WITHOUT ROWID;
CREATE TABLE translation_status (
    campaign_id        INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    language           TEXT NOT NULL,
    published_revision INTEGER, -- the revision on the public site; NULL: not public
    source_revision    INTEGER, -- the default language's revision this text was last saved or confirmed against
    PRIMARY KEY (campaign_id, language)
) WITHOUT ROWID;
-- What was imported before is published as its first revision.
INSERT INTO translation_revisions (campaign_id, language, revision, at_ns, actor, fields, title, summary,
                                   body_markdown, body_html)
SELECT campaign_id, language, 1, CAST(strftime('%s', :now) AS INTEGER) * 1000000000, 'import', 'title summary body',
       title, summary, body_markdown, body_html FROM translations;
INSERT INTO translation_status (campaign_id, language, published_revision, source_revision)
SELECT campaign_id, language, 1, 1 FROM translations;
)sql"},
    {5, "materials library", R"sql(
-- Files editors uploaded (type checked, metadata stripped); bytes under <data_dir>/materials.
CREATE TABLE uploads (
    id            INTEGER PRIMARY KEY,
    sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
    media_type    TEXT NOT NULL,
    size          INTEGER NOT NULL CHECK (size >= 0),
    original_name TEXT NOT NULL, -- as the editor's file was named; shown, never used as a path
    uploaded_by   TEXT NOT NULL,
    uploaded_at   INTEGER NOT NULL, -- ns
    removed_at    INTEGER           -- taken out of the library; its bytes go after the grace period
);
CREATE INDEX uploads_by_sha256 ON uploads (sha256);
-- Files a page offered before they were replaced or detached: still served under their old URL
-- (cached pages point there) until retired_at plus the grace period.
CREATE TABLE retired_files (
    sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
    file_name    TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         INTEGER NOT NULL,
    retired_at   INTEGER NOT NULL, -- ns
    PRIMARY KEY (sha256, file_name)
) WITHOUT ROWID;
)sql"},
    {6, "schedule", R"sql(
-- The IANA zone an editor enters and reads dates in; NULL: the site's (site.zone).
ALTER TABLE users ADD COLUMN zone TEXT;
-- A language's own publish window (UTC ns, until exclusive); the campaign's applies as well.
ALTER TABLE translation_status ADD COLUMN publish_from_ns INTEGER;
ALTER TABLE translation_status ADD COLUMN publish_until_ns INTEGER;
-- Named placements whose campaigns rotate; the site's own three cannot be removed.
CREATE TABLE slots (
    name           TEXT PRIMARY KEY,
    zone           TEXT NOT NULL,  -- IANA; day and hour rules read it
    period_seconds INTEGER NOT NULL DEFAULT 3600 CHECK (period_seconds BETWEEN 60 AND 86400 AND 86400 % period_seconds = 0),
    list_size      INTEGER NOT NULL DEFAULT 1 CHECK (list_size BETWEEN 1 AND 50),
    builtin        INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
INSERT INTO slots (name, zone, period_seconds, list_size, builtin) VALUES
    ('home-featured', 'America/Sao_Paulo', 3600, 1, 1),
    ('home-list', 'America/Sao_Paulo', 3600, 12, 1),
    ('widget-default', 'America/Sao_Paulo', 3600, 1, 1);
CREATE TABLE rotation_entries (
    id          INTEGER PRIMARY KEY,
    slot        TEXT NOT NULL REFERENCES slots(name) ON DELETE CASCADE,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    from_ns     INTEGER,
    until_ns    INTEGER, -- exclusive
    languages   TEXT NOT NULL, -- '*': every published language of the campaign; else tags separated by spaces
    weight      INTEGER NOT NULL CHECK (weight BETWEEN 0 AND 1000),
    priority    INTEGER NOT NULL CHECK (priority IN (0, 1, 2)), -- fallback, scheduled, override
    days        INTEGER NOT NULL DEFAULT 127 CHECK (days BETWEEN 1 AND 127), -- bit 0 Sunday
    hour_from   INTEGER CHECK (hour_from BETWEEN 0 AND 23),
    hour_until  INTEGER CHECK (hour_until BETWEEN 1 AND 24),
    CHECK (from_ns IS NULL OR until_ns IS NULL OR from_ns < until_ns),
    CHECK ((hour_from IS NULL) = (hour_until IS NULL))
);
CREATE INDEX rotation_entries_by_slot ON rotation_entries (slot);
CREATE INDEX rotation_entries_by_campaign ON rotation_entries (campaign_id);
)sql"},
    {7, "reach", R"sql(
-- Reach, aggregated only: no row says anything about one reader (DESIGN.md, Privacy).
CREATE TABLE reach_daily (
    day          TEXT NOT NULL,    -- YYYY-MM-DD in the site's zone
    campaign     TEXT NOT NULL,    -- slug; '' for the home and search pages
    language     TEXT NOT NULL,
    event        TEXT NOT NULL,    -- view, preview, download, share, widget_impression, widget_click
    source       TEXT NOT NULL,    -- direct, qr, whatsapp, facebook, search, other, or partner:<id>
    device_class TEXT NOT NULL,    -- phone, tablet, desktop
    count        INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (day, campaign, language, event, source, device_class)
) WITHOUT ROWID;
-- Distinct readers per day x campaign x language, one row per server run: each run counts with
-- its own salt, so a report adds the runs (a reader seen before and after a restart counts twice).
CREATE TABLE reach_readers (
    day      TEXT NOT NULL,
    campaign TEXT NOT NULL,
    language TEXT NOT NULL,
    run      INTEGER NOT NULL,     -- the run's start, ns
    readers  INTEGER NOT NULL CHECK (readers >= 0),
    PRIMARY KEY (day, campaign, language, run)
) WITHOUT ROWID;
)sql"},
    {8, "partners", R"sql(
-- Organisations that embed Farol's widget (README, "Partners"). The id is public and never reused.
CREATE TABLE partners (
    id               TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 40),
    name             TEXT NOT NULL,
    origins          TEXT NOT NULL DEFAULT '', -- serialized origins, one per line ('\n'), normalized
    default_slot     TEXT NOT NULL DEFAULT 'widget-default',
    default_language TEXT NOT NULL DEFAULT '', -- BCP 47; '': the site's default language
    enabled          INTEGER NOT NULL DEFAULT 1,
    created_ns       INTEGER NOT NULL,
    updated_ns       INTEGER NOT NULL
) WITHOUT ROWID;
-- The partner a partner-role account belongs to (it sees that partner's page only).
ALTER TABLE users ADD COLUMN partner_id TEXT REFERENCES partners(id);
)sql"},
};

static_assert(numbered_from_one(migrations), "migrations must be numbered 1, 2, ..., N");

} // namespace

std::span<migration const> all_migrations() { return migrations; }

int latest_schema_version() { return static_cast<int>(std::size(migrations)); }

} // namespace farol::store
