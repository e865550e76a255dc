-- The sio store.  Months are TEXT 'YYYY-MM' so analysts can query the store
-- directly; financial quarters are TEXT '2022/23 Q1' beside their first month.
-- Every stage writes inside one transaction and records itself in runs.
PRAGMA user_version = 2;  -- bumped when a table changes shape (lib/store/migrate.c)

CREATE TABLE IF NOT EXISTS files (
    id             INTEGER PRIMARY KEY,
    path           TEXT NOT NULL,     -- as given on the command line
    sha256         TEXT NOT NULL UNIQUE,
    kind           TEXT NOT NULL,     -- street | outcomes | stop-and-search
    force          TEXT NOT NULL,     -- slug from a police.uk file name, else the rows' 'Falls within'
    month          TEXT NOT NULL,     -- 'YYYY-MM' the file covers
    bytes          INTEGER NOT NULL,
    rows_read      INTEGER NOT NULL,  -- = loaded + rejected + duplicate
    rows_loaded    INTEGER NOT NULL,
    rows_rejected  INTEGER NOT NULL,
    rows_duplicate INTEGER NOT NULL,
    loaded_at      TEXT NOT NULL,     -- UTC, ISO 8601
    superseded_by  INTEGER REFERENCES files(id), -- newer file for the same kind+force+month+series
    series         TEXT NOT NULL DEFAULT ''      -- sio-ingest: '' for police.uk; else the file's
                                                 -- base name (tables replaced by a newer edition)
);
CREATE INDEX IF NOT EXISTS files_key ON files(kind, force, month);

-- Texts that repeat down the street rows (force names, crime types, outcome
-- categories), each stored once: a street row holds their ids, which halves
-- the bytes an ingest writes and a transform reads.  Ids are never reused.
CREATE TABLE IF NOT EXISTS labels (
    id   INTEGER PRIMARY KEY,
    text TEXT NOT NULL UNIQUE
);

-- police.uk street-level crime and anti-social behaviour rows, as published,
-- with the repeating texts as labels ids.  Query the street view below: it
-- shows every column as text.  The label columns carry no REFERENCES clause:
-- with foreign keys on, SQLite would look up four labels for every insert.
CREATE TABLE IF NOT EXISTS street_coded (
    file_id      INTEGER NOT NULL REFERENCES files(id),
    line         INTEGER NOT NULL,    -- physical line where the row starts
    crime_id     TEXT,                -- NULL for anti-social behaviour
    month        TEXT NOT NULL,
    reported_by  INTEGER NOT NULL,    -- labels.id
    falls_within INTEGER NOT NULL,    -- labels.id
    longitude    REAL,                -- NULL for 'No Location'
    latitude     REAL,
    location     TEXT NOT NULL,
    lsoa_code    TEXT,
    lsoa_name    TEXT,
    crime_type   INTEGER NOT NULL,    -- labels.id
    last_outcome INTEGER,             -- labels.id; NULL when none was published
    context      TEXT,
    crime_type_published TEXT,        -- the file's own Crime type when mapped (legacy 'Violent crime'), else NULL
    easting      REAL,                -- 2011-12 layout: OSGB36 grid reference instead of longitude/latitude
    northing     REAL
);
-- The street rows as published, every column text again; rowid is
-- street_coded's.  Subqueries rather than joins, so that a column nobody
-- asks for costs nothing (SELECT count(*) FROM street reads no labels).
CREATE VIEW IF NOT EXISTS street AS SELECT
    s.rowid AS rowid, s.file_id, s.line, s.crime_id, s.month,
    (SELECT text FROM labels WHERE id = s.reported_by) AS reported_by,
    (SELECT text FROM labels WHERE id = s.falls_within) AS falls_within,
    s.longitude, s.latitude, s.location, s.lsoa_code, s.lsoa_name,
    (SELECT text FROM labels WHERE id = s.crime_type) AS crime_type,
    (SELECT text FROM labels WHERE id = s.last_outcome) AS last_outcome,
    s.context, s.crime_type_published, s.easting, s.northing
  FROM street_coded s;
-- No index on crime_id: with one transaction per file, a random-key index
-- rewrote thousands of pages per commit (ingest of 2.3 M rows: 56 s, not 6).
-- sio-ingest keeps Crime IDs unique with a Bloom filter over crime_keys and
-- a scan of street for the rare "maybe" (ingest/crimeset.h, ingest/dedupe.h);
-- stores made before this lose the index.
DROP INDEX IF EXISTS street_crime_id;
-- The 64-bit XXH3 hash of every stored Crime ID, for that check: runs of
-- sorted hashes (8 bytes each, big-endian), one blob a batch written between
-- files; a file's are here exactly when its id is in crime_keyed.  Hashes of
-- rows since deleted stay: they only cost a look at street.
CREATE TABLE IF NOT EXISTS crime_keys (run INTEGER PRIMARY KEY, hashes BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS crime_keyed (file_id INTEGER PRIMARY KEY);
-- Nor an index on file_id: keeping it cost a tenth of an ingest.  A file's
-- rows are inserted in one transaction by the one writer, so their rowids are
-- one unbroken run, kept here; replacing the file deletes that run (checked
-- against file_id and the file's rows_loaded, so a VACUUM that renumbers
-- rowids costs a full scan, never a wrong delete).
DROP INDEX IF EXISTS street_file;
CREATE TABLE IF NOT EXISTS street_rows (
    file_id     INTEGER PRIMARY KEY REFERENCES files(id),
    first_rowid INTEGER NOT NULL,
    last_rowid  INTEGER NOT NULL
);

-- Each street file's stored rows counted by force, crime type (labels ids)
-- and month, written by sio-ingest with the rows; sio-transform adds these
-- up rather than reading every row (lib/store/street_tally.h).  A file's counts
-- add up to its rows_loaded, or sio-transform counts it again from its rows.
CREATE TABLE IF NOT EXISTS street_tally (
    file_id      INTEGER NOT NULL REFERENCES files(id),
    falls_within INTEGER NOT NULL,    -- labels.id
    crime_type   INTEGER NOT NULL,    -- labels.id
    month        TEXT NOT NULL,
    count        INTEGER NOT NULL,
    PRIMARY KEY (file_id, falls_within, crime_type, month)
) WITHOUT ROWID;

-- police.uk outcomes rows: a Crime ID repeats by design (one row per outcome).
CREATE TABLE IF NOT EXISTS outcomes (
    file_id      INTEGER NOT NULL REFERENCES files(id),
    line         INTEGER NOT NULL,
    crime_id     TEXT NOT NULL,
    month        TEXT NOT NULL,
    reported_by  TEXT NOT NULL,
    falls_within TEXT NOT NULL,
    longitude    REAL,
    latitude     REAL,
    location     TEXT NOT NULL,
    lsoa_code    TEXT,
    lsoa_name    TEXT,
    outcome_type TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS outcomes_file ON outcomes(file_id);

-- police.uk stop-and-search rows.  month is the file's month: a search late on
-- the last day of the previous month is published in this month's file.
CREATE TABLE IF NOT EXISTS stop_search (
    file_id           INTEGER NOT NULL REFERENCES files(id),
    line              INTEGER NOT NULL,
    month             TEXT NOT NULL,
    force             TEXT NOT NULL,  -- the file's force slug
    type              TEXT NOT NULL,
    date              TEXT NOT NULL,  -- ISO 8601 as published
    part_of_operation TEXT,
    operation         TEXT,
    latitude          REAL,
    longitude         REAL,
    gender            TEXT,
    age_range         TEXT,
    self_ethnicity    TEXT,
    officer_ethnicity TEXT,
    legislation       TEXT,
    object_of_search  TEXT,
    outcome           TEXT,
    outcome_linked    TEXT,
    removal_of_clothing TEXT
);
CREATE INDEX IF NOT EXISTS stop_search_file ON stop_search(file_id);

-- Rows that could not be read: never dropped silently.
CREATE TABLE IF NOT EXISTS rejects (
    file_id INTEGER NOT NULL REFERENCES files(id),
    line    INTEGER NOT NULL,
    reason  TEXT NOT NULL,
    raw     TEXT NOT NULL                -- the row's bytes (capped at 4 KiB)
);
-- Rows whose non-empty Crime ID was already loaded: counted once, kept here.
CREATE TABLE IF NOT EXISTS duplicates (
    file_id  INTEGER NOT NULL REFERENCES files(id),
    line     INTEGER NOT NULL,
    crime_id TEXT NOT NULL,
    raw      TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS runs (
    id          INTEGER PRIMARY KEY,
    stage       TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    ended_at    TEXT,
    fingerprint TEXT,                -- what the stage read (e.g. files' SHA-256s)
    counts      TEXT,                -- 'read=.. loaded=..' and the like
    status      INTEGER              -- exit code; NULL while running
);

-- sio-transform: counts of loaded street rows.
CREATE TABLE IF NOT EXISTS monthly_counts (
    force      TEXT NOT NULL,
    crime_type TEXT NOT NULL,
    month      TEXT NOT NULL,
    count      INTEGER NOT NULL,
    PRIMARY KEY (force, crime_type, month)
);
-- Force-months with a street file loaded: a month absent here is missing, not zero.
CREATE TABLE IF NOT EXISTS coverage (
    force TEXT NOT NULL,
    month TEXT NOT NULL,
    PRIMARY KEY (force, month)
);
-- One row per covered force-month and configured measure (0 when none).
CREATE TABLE IF NOT EXISTS measure_counts (
    force   TEXT NOT NULL,
    measure TEXT NOT NULL,            -- measures.ini section key
    month   TEXT NOT NULL,
    count   INTEGER NOT NULL,
    PRIMARY KEY (force, measure, month)
);

-- sio-measures: one row per force x measure x financial quarter.
CREATE TABLE IF NOT EXISTS measure_quarters (
    force           TEXT NOT NULL,
    measure         TEXT NOT NULL,
    quarter         TEXT NOT NULL,    -- '2022/23 Q1'
    quarter_start   TEXT NOT NULL,    -- 'YYYY-MM', first month of the quarter
    count           INTEGER NOT NULL, -- sum over the covered months of the quarter
    months_covered  INTEGER NOT NULL, -- 0..3
    r12_count       INTEGER NOT NULL, -- 12 months ending the quarter's last month
    r12_months      INTEGER NOT NULL, -- covered months in that window, 0..12
    baseline_count  INTEGER NOT NULL,
    baseline_months INTEGER NOT NULL,
    change_pct      REAL,             -- 100*(r12/baseline - 1); NULL if not comparable
    ci_low_pct      REAL,             -- its CI, allowing for over-dispersion (as measure_verdicts)
    ci_high_pct     REAL,             --   NULL when not tested
    verdict         TEXT NOT NULL,    -- improvement | deterioration | no significant change |
                                      -- not tested | not comparable | no data, as measure_verdicts
    PRIMARY KEY (force, measure, quarter_start)
);
