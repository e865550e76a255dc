-- The catalogue: what each measure is, the periods its figures cover and
-- the charts drawn of it.  Written by sio-measures (and, for chart_files,
-- sio-charts) on every run; read by sio-charts and sio-statement, which take
-- labels, windows and file names from here and never work them out again
-- from sio.ini or measures.ini (so editing the configuration between stages,
-- or naming a measure "neighbourhood crime", cannot make them disagree).
-- Read with lib/store/catalogue.h.  Months are 'YYYY-MM', inclusive.

-- The six national priorities of the amended Specified Information Order
-- 2021, in the order's order, and whether each applies locally and why
-- (measures.ini [priority KEY] sections).
CREATE TABLE IF NOT EXISTS priorities (
    priority   TEXT PRIMARY KEY,  -- homicide | serious_violence | drugs_supply |
                                  -- neighbourhood_crime | cyber_crime | victim_satisfaction
    position   INTEGER NOT NULL,  -- 1..6, the order's order
    title      TEXT NOT NULL,     -- 'Reduce murder and other homicide'
    applicable INTEGER NOT NULL,  -- 1 applies locally, 0 not
    reason     TEXT NOT NULL      -- why (or why not); '' when the configuration gives none
);

-- One row per measures.ini section, as sio-measures read it.
CREATE TABLE IF NOT EXISTS measure_catalogue (
    measure     TEXT PRIMARY KEY, -- the section name (any text, spaces allowed)
    position    INTEGER NOT NULL, -- its place in measures.ini, from 1
    label       TEXT NOT NULL,    -- 'Homicide (Home Office recorded crime)'
    noun        TEXT NOT NULL,    -- what is counted, plural: 'crimes'; '' = a plain number
    unit        TEXT NOT NULL,    -- '%', the noun, or 'count'
    priority    TEXT NOT NULL,    -- the national priority served (priorities.priority),
                                  -- or the measure's own key for a local measure
    role        TEXT NOT NULL,    -- headline: may be the priority's headline figure;
                                  -- context: a related series, never the headline;
                                  -- activity: police activity (searches, charges, closures);
                                  -- focus: the group the priority singles out (victims of
                                  -- domestic abuse), part of the measure, never the headline
    precedence  INTEGER,          -- headline candidates: 1 = first choice in the priority
    source_kind TEXT NOT NULL,    -- police.uk street | Home Office recorded crime |
                                  -- Home Office recorded crime, rolling year | indicator |
                                  -- police.uk stop and search | police.uk outcomes
    source_description TEXT NOT NULL, -- 'Home Office police recorded crime, by financial quarter'
    definition  TEXT NOT NULL,    -- exactly what is counted: 'offence codes 1, 4/1, 4/2, 4/10'
    source_file TEXT NOT NULL,    -- the file that supplies it, for "no data loaded: load ..."
    source_note TEXT NOT NULL,    -- the charts' 'Source: ...' line
    source_loaded INTEGER NOT NULL, -- 1 when the store holds any rows of this source
    better      INTEGER NOT NULL, -- -1 a fall is an improvement, +1 a rise is
    better_reason TEXT,           -- why, where a reader could doubt it (measures.ini)
    statistic   TEXT NOT NULL,    -- count | proportion
    target      REAL,             -- the SPC target, NULL when none
    chart_stem  TEXT NOT NULL UNIQUE -- chart file names start with this (lib/text/stem.h)
);

-- One row per force and measure: the data's frequency and span, and the
-- windows every comparison of it used (NULL when there are no data).
CREATE TABLE IF NOT EXISTS measure_windows (
    force           TEXT NOT NULL,
    measure         TEXT NOT NULL,    -- measure_catalogue.measure
    frequency       TEXT,             -- month | quarter | year | rolling year (from the data)
    first_month     TEXT,             -- the first month with data
    last_month      TEXT,             -- the last month with data
    quarter_start   TEXT, quarter_end TEXT,   -- latest complete financial quarter
    r12_start       TEXT, r12_end     TEXT,   -- latest 12 months, ending at last_month
    baseline_start  TEXT, baseline_end TEXT,  -- the configured baseline
    year_earlier_start TEXT, year_earlier_end TEXT,       -- the 12 months before r12
    quarter_last_year_start TEXT, quarter_last_year_end TEXT, -- the quarter a year before
    confidence      REAL NOT NULL,    -- level of every interval, e.g. 0.95
    PRIMARY KEY (force, measure)
);

-- Per force: the quarter a statement reports by default, the latest complete
-- financial quarter with data in any of the force's measures.
CREATE TABLE IF NOT EXISTS force_quarters (
    force         TEXT PRIMARY KEY,
    quarter       TEXT NOT NULL,      -- '2021/22 Q4'
    quarter_start TEXT NOT NULL,
    quarter_end   TEXT NOT NULL
);

-- Per force and priority, every headline candidate in precedence order:
-- the first whose data reach the force's quarter is chosen (else the first
-- with any data, flagged as older), and each says why it was or was not.
CREATE TABLE IF NOT EXISTS priority_sources (
    force      TEXT NOT NULL,
    priority   TEXT NOT NULL,
    measure    TEXT NOT NULL,
    precedence INTEGER NOT NULL,
    chosen     INTEGER NOT NULL,     -- 1: the headline figure
    status     TEXT NOT NULL,        -- current | older | no rows for the force | not loaded
    reason     TEXT NOT NULL,        -- 'no Home Office open data table loaded'
    PRIMARY KEY (force, priority, measure)
);

-- Charts sio-charts drew, one row per chart (every format and size shares
-- it): the statement embeds exactly these.  name is relative to the output
-- folder, without extension ('charts/warwickshire/homicide-ho-spc').
CREATE TABLE IF NOT EXISTS chart_files (
    force    TEXT NOT NULL,
    measure  TEXT NOT NULL,          -- '' for a force's overview
    kind     TEXT NOT NULL,          -- quarterly | spc | peers | overview
    position INTEGER NOT NULL,       -- order of the kinds on a page
    name     TEXT NOT NULL,
    formats  TEXT NOT NULL,          -- the plain-named files written: 'png svg pdf'
    alt      TEXT NOT NULL,          -- the alt text (also in name.txt)
    PRIMARY KEY (force, measure, kind)
);

-- England and Wales, and the force's region, beside the force: per force,
-- measure and comparison, the area's totals over exactly the force's
-- windows (summed over the area's forces, each of which must have every
-- month of both windows), with the change, its interval and the verdict.
-- A row with latest_value NULL says the store lacks some forces' figures:
-- forces_with_data of forces_expected.
CREATE TABLE IF NOT EXISTS national_picture (
    force            TEXT NOT NULL,
    measure          TEXT NOT NULL,
    area_kind        TEXT NOT NULL,   -- country | region
    area             TEXT NOT NULL,   -- 'England and Wales' | the region's name
    comparison       TEXT NOT NULL,   -- baseline | year_earlier | quarter_last_year
    latest_value     REAL,            -- count, or per cent for a proportion; NULL: incomplete
    base_value       REAL,
    change           REAL,            -- % (counts) or percentage points (proportions)
    ci_low           REAL, ci_high REAL,
    verdict          TEXT NOT NULL,   -- as measure_verdicts.verdict
    forces_with_data INTEGER NOT NULL, -- forces with every month of both windows
    forces_expected  INTEGER NOT NULL, -- forces in the area
    PRIMARY KEY (force, measure, area_kind, comparison)
);

-- Every statement sio-statement wrote, and each figure it printed, so the
-- next draft can list the figures published before that have since changed.
CREATE TABLE IF NOT EXISTS statements (
    id         INTEGER PRIMARY KEY,
    force      TEXT NOT NULL,
    quarter    TEXT NOT NULL,         -- '2021/22 Q4'
    written_at TEXT NOT NULL,         -- UTC, ISO 8601
    path       TEXT NOT NULL,         -- the Markdown draft, as written
    last_file  INTEGER NOT NULL       -- max(files.id) then: later files are new since
);
CREATE TABLE IF NOT EXISTS statement_figures (
    statement_id INTEGER NOT NULL REFERENCES statements(id),
    measure      TEXT NOT NULL,
    label        TEXT NOT NULL,       -- as printed
    period_type  TEXT NOT NULL,       -- fq | r12 (measure_results)
    period_start TEXT NOT NULL,
    period_end   TEXT NOT NULL,
    statistic    TEXT NOT NULL,       -- count | proportion_pct
    value        REAL NOT NULL,
    source_kind  TEXT NOT NULL,       -- which files feed it (measure_catalogue.source_kind)
    PRIMARY KEY (statement_id, measure, period_type, period_start, period_end, statistic)
);
