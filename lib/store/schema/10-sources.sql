-- Sources other than police.uk files, and the force names that join them.
-- Owned by sio-ingest.  Months are 'YYYY-MM'; a period's end is its last month.

-- Canonical forces: every source's spelling maps to one slug through
-- force_aliases ('Warwickshire Police', 'Warwickshire', 'warwickshire' ...).
CREATE TABLE IF NOT EXISTS forces (
    slug TEXT PRIMARY KEY,            -- police.uk slug, e.g. 'warwickshire'
    name TEXT NOT NULL,               -- police.uk 'Falls within', e.g. 'Warwickshire Police'
    ons_code TEXT,                    -- ONS police force area code (E23000017), NULL for BTP
    region TEXT                       -- English region or 'Wales' (forces.csv); NULL for BTP:
                                      -- the national picture's region, the peer defaults
);
CREATE TABLE IF NOT EXISTS force_aliases (
    alias TEXT PRIMARY KEY COLLATE NOCASE,
    slug  TEXT NOT NULL REFERENCES forces(slug)
);

-- Home Office police recorded crime: open data tables (force x financial
-- quarter x offence) and the rolling-year PFA file (force x 12 months x group).
CREATE TABLE IF NOT EXISTS ho_crime (
    file_id             INTEGER NOT NULL REFERENCES files(id),
    line                INTEGER NOT NULL,
    force               TEXT NOT NULL,    -- as published ('Warwickshire', 'London, City of')
    force_slug          TEXT,             -- NULL when not a territorial force (Action Fraud ...)
    period_type         TEXT NOT NULL,    -- 'fq' (one financial quarter) | 'r12' (12 months)
    period_start        TEXT NOT NULL,
    period_end          TEXT NOT NULL,
    offence_code        TEXT,             -- e.g. '28E'; NULL in the rolling-year file
    offence_description TEXT,
    offence_group       TEXT,
    offence_subgroup    TEXT,
    count               INTEGER NOT NULL, -- may be negative (published revisions)
    region              TEXT              -- rolling-year file: its Region column
);
-- One figure per force, period and offence in a file: a repeat is a duplicate.
CREATE UNIQUE INDEX IF NOT EXISTS ho_crime_key ON ho_crime(file_id, force, period_type,
    period_end, coalesce(offence_code, ''), coalesce(offence_description, ''),
    coalesce(offence_group, ''));
CREATE INDEX IF NOT EXISTS ho_crime_file ON ho_crime(file_id);
-- sio-measures reads one force's quarters or 12-month figures at a time: a
-- national table (every force) is otherwise scanned whole per force and measure.
CREATE INDEX IF NOT EXISTS ho_crime_force ON ho_crime(force_slug, period_type);
-- and asks which quarters any force has a measure's codes for.
CREATE INDEX IF NOT EXISTS ho_crime_code ON ho_crime(period_type, offence_code);

-- Local indicator series: figures that are not crime counts.
CREATE TABLE IF NOT EXISTS indicators (
    file_id      INTEGER NOT NULL REFERENCES files(id),
    line         INTEGER NOT NULL,
    force        TEXT NOT NULL,
    force_slug   TEXT,
    period       TEXT NOT NULL,           -- as given: 'YYYY-MM' or 'YYYY/YY Qn'
    period_start TEXT NOT NULL,
    period_end   TEXT NOT NULL,
    indicator    TEXT NOT NULL,           -- e.g. 'victim_satisfaction_pct'
    value        REAL NOT NULL,
    denominator  REAL                     -- e.g. respondents, for a binomial interval
);
CREATE UNIQUE INDEX IF NOT EXISTS indicators_key ON indicators(file_id, force, period, indicator);

-- Population by force area and year, for rates per 1,000.
CREATE TABLE IF NOT EXISTS population (
    file_id    INTEGER NOT NULL REFERENCES files(id),
    line       INTEGER NOT NULL,
    force      TEXT NOT NULL,
    force_slug TEXT,
    year       INTEGER NOT NULL,
    population INTEGER NOT NULL,
    basis      TEXT                       -- 'census' | 'mid-year estimate' | as given
);
CREATE UNIQUE INDEX IF NOT EXISTS population_key ON population(file_id, force, year);

-- Rows from a force's own record-system extract, mapped by config.
CREATE TABLE IF NOT EXISTS extract_crimes (
    file_id    INTEGER NOT NULL REFERENCES files(id),
    line       INTEGER NOT NULL,
    force      TEXT NOT NULL,
    force_slug TEXT,
    month      TEXT NOT NULL,
    offence    TEXT NOT NULL,
    area       TEXT,
    crime_ref  TEXT,
    date       TEXT                       -- the row's date, ISO 'YYYY-MM-DD' (or 'YYYY-MM')
);
-- A crime reference repeated within one extract is a duplicate.
CREATE UNIQUE INDEX IF NOT EXISTS extract_crimes_ref ON extract_crimes(file_id, crime_ref);

-- ONS lookup: local authority district -> community safety partnership -> force area.
CREATE TABLE IF NOT EXISTS area_lookup (
    file_id    INTEGER NOT NULL REFERENCES files(id),
    line       INTEGER NOT NULL,
    lad_code   TEXT NOT NULL,             -- e.g. E07000144
    lad_name   TEXT NOT NULL,
    csp_code   TEXT,
    csp_name   TEXT,
    pfa_code   TEXT NOT NULL,             -- e.g. E23000024
    pfa_name   TEXT NOT NULL,             -- as published ('London, City of')
    force_slug TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS area_lookup_key ON area_lookup(file_id, lad_code);

-- A published list of forces (id,Label,...), checked against forces; its other
-- columns are not loaded (the 2012 'Population 2010' column is misaligned).
CREATE TABLE IF NOT EXISTS force_list (
    file_id    INTEGER NOT NULL REFERENCES files(id),
    line       INTEGER NOT NULL,
    id         TEXT NOT NULL,
    label      TEXT NOT NULL,
    force_slug TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS force_list_key ON force_list(file_id, id);

-- What sio-ingest noticed in rows it loaded: an unknown crime type or force, a
-- legacy category mapped.  One row per file, note and value, with a count.
CREATE TABLE IF NOT EXISTS file_notes (
    file_id    INTEGER NOT NULL REFERENCES files(id),
    note       TEXT NOT NULL,             -- 'unknown crime type' | 'unknown force' | ...
    value      TEXT NOT NULL,             -- the value as published
    rows       INTEGER NOT NULL,
    first_line INTEGER NOT NULL,
    PRIMARY KEY (file_id, note, value)
);

-- What sio-ingest noted in each force's police.uk files now in force, for a
-- statement's data-quality line: one row per force (slug) and note, with
-- the rows noted and the files they are in.  A police.uk file is one
-- force's (files.force: the slug from its name, or its rows' Falls within);
-- the other tables hold many forces, so their notes (an unknown force, a
-- negative Home Office count) are not counted here.
CREATE VIEW IF NOT EXISTS force_notes AS
SELECT COALESCE((SELECT slug FROM force_aliases WHERE alias = f.force), f.force) AS force,
       n.note AS note, sum(n.rows) AS rows, count(DISTINCT f.id) AS files
  FROM file_notes n JOIN files f ON f.id = n.file_id
 WHERE f.superseded_by IS NULL AND f.force <> ''
 GROUP BY 1, 2;
