-- Sources other than police.uk files, and the force names that join them.
-- Owned by sio-ingest.  Months are 'YYYY-MM'; a period's end is its last month.

-- Canonical forces: every source's spelling maps to one slug through
-- force_aliases ('Warwickshire Police', 'Warwickshire', 'warwickshire' ...).
CREATE TABLE IF NOT EXISTS forces (
    slug TEXT PRIMARY KEY,            -- police.uk slug, e.g. 'warwickshire'
    name TEXT NOT NULL                -- police.uk 'Falls within', e.g. 'Warwickshire Police'
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
    count               INTEGER NOT NULL  -- may be negative (published revisions)
);

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

-- Population by force area and year, for rates per 1,000.
CREATE TABLE IF NOT EXISTS population (
    file_id    INTEGER NOT NULL REFERENCES files(id),
    line       INTEGER NOT NULL,
    force      TEXT NOT NULL,
    force_slug TEXT,
    year       INTEGER NOT NULL,
    population INTEGER NOT NULL
);

-- Rows from a force's own record-system extract, mapped by config.
CREATE TABLE IF NOT EXISTS extract_crimes (
    file_id    INTEGER NOT NULL REFERENCES files(id),
    line       INTEGER NOT NULL,
    force      TEXT NOT NULL,
    force_slug TEXT,
    month      TEXT NOT NULL,
    offence    TEXT NOT NULL,
    area       TEXT,
    crime_ref  TEXT
);
