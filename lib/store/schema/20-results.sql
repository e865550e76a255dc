-- sio-measures results, read by sio-charts and the statement.  Owned by
-- sio-measures; columns may be added, none renamed or removed.

-- Tidy results: one row per force x measure x period x statistic.
CREATE TABLE IF NOT EXISTS measure_results (
    force           TEXT NOT NULL,
    measure         TEXT NOT NULL,
    period_type     TEXT NOT NULL,   -- month | fq | fy | r12 | comparison
    period          TEXT NOT NULL,   -- '2022-05' | '2022/23 Q1' | '2022/23' | '12 months to 2022-06'
    period_start    TEXT NOT NULL,   -- 'YYYY-MM'
    period_end      TEXT NOT NULL,   -- 'YYYY-MM', inclusive
    statistic       TEXT NOT NULL,   -- count | rate_per_1000 | change_pct | proportion_pct | slope_per_year ...
    value           REAL,            -- NULL: no data
    ci_low          REAL,
    ci_high         REAL,
    unit            TEXT NOT NULL,   -- crimes | per 1,000 population | % | crimes per year
    method          TEXT NOT NULL,   -- e.g. 'exact Poisson (conditional) 95% CI'
    months_covered  INTEGER,
    months_expected INTEGER,
    national_measure TEXT,           -- the national measure served: homicide | serious_violence |
                                     -- drugs_supply | neighbourhood_crime | cyber_crime | victim_satisfaction
    source          TEXT,            -- police.uk street | Home Office recorded crime | indicator | ...
    note            TEXT,            -- '' or why: 'no data', '2 of 12 months missing', an annotation
    PRIMARY KEY (force, measure, period_type, period, statistic)
);
-- period_type 'series' holds whole-series statistics (slope_per_year,
-- robust_slope_per_year, seasonal_f_p, latest_month); 'comparison' rows have
-- period 'baseline' | 'year_earlier' | 'quarter_last_year'.
-- The funnel plots' rows (measures/funnel.c): every force's 12-month count
-- of a measure.  Partial, so keeping it costs an entry per such row (about
-- one in eight) where a whole index cost as much to keep as it saved; without
-- it each funnel scanned the table twice (a tenth of sio-measures).
CREATE INDEX IF NOT EXISTS measure_results_r12_count ON measure_results(measure, period_end)
    WHERE period_type = 'r12' AND statistic = 'count';

-- Plain-English verdicts per comparison, as the statement prints them.
CREATE TABLE IF NOT EXISTS measure_verdicts (
    force        TEXT NOT NULL,
    measure      TEXT NOT NULL,
    comparison   TEXT NOT NULL,      -- baseline | year_earlier | quarter_last_year
    latest_start TEXT, latest_end TEXT,
    base_start   TEXT, base_end TEXT,
    latest_value REAL, base_value REAL,
    change_pct   REAL, ci_low_pct REAL, ci_high_pct REAL,
    verdict      TEXT NOT NULL,      -- improvement | deterioration | no significant change |
                                     -- not tested | not comparable | no data
    sentence     TEXT NOT NULL,      -- "Neighbourhood crime fell 12% against the baseline; ..."
    national_measure TEXT,           -- as in measure_results
    unit         TEXT,               -- '%' (change of a count) | 'percentage points' (of a proportion)
    method       TEXT,               -- the interval used, with the dispersion it allows for
    months_covered INTEGER, months_expected INTEGER,  -- both windows together
    dispersion   REAL,               -- quasi-Poisson/binomial phi (Pearson chi-square / df); NULL: none
    dispersion_df INTEGER,           -- its residual degrees of freedom (too few: 'not tested')
    PRIMARY KEY (force, measure, comparison)
);

-- SPC chart points, one per period of the series (month, or quarter start:
-- measure_windows.frequency says which).
CREATE TABLE IF NOT EXISTS spc_points (
    force   TEXT NOT NULL,
    measure TEXT NOT NULL,
    month   TEXT NOT NULL,
    value   REAL,                    -- NULL: missing month (a gap, not zero)
    centre  REAL, lower REAL, upper REAL, lower2 REAL, upper2 REAL,
    segment INTEGER NOT NULL,        -- 0, 1, ... : limits recalculated at each new segment
    rules   TEXT NOT NULL,           -- '' or comma list: beyond,shift,trend,two_of_three
    signal  TEXT NOT NULL,           -- '' | improvement | concern | neutral
    PRIMARY KEY (force, measure, month)
);
CREATE TABLE IF NOT EXISTS spc_signals (
    force TEXT NOT NULL, measure TEXT NOT NULL,
    rule TEXT NOT NULL, first_month TEXT NOT NULL, last_month TEXT NOT NULL,
    signal TEXT NOT NULL             -- improvement | concern | neutral
);
CREATE TABLE IF NOT EXISTS spc_summary (
    force TEXT NOT NULL, measure TEXT NOT NULL,
    variation TEXT NOT NULL,         -- common cause | special cause improving | special cause concerning |
                                     -- special cause high | special cause low | no verdict
    assurance TEXT,                  -- consistently passing | consistently failing | hit and miss | NULL
    target REAL,
    rules TEXT,                      -- the rule set used, e.g. 'XmR ...; beyond 3 sigma; shift 7; trend 6; ...'
    note  TEXT,                      -- the limits period, rebase dates and reasons, the seasonal note
    chart TEXT,                      -- 'XmR' | 'p' (proportions: each point's limits from its own n)
    basis TEXT,                      -- 'value' | 'year-on-year change' ([spc] seasonal = year_on_year)
    limits_start TEXT, limits_end TEXT, -- the months the (first) limits were fixed on
    limits_points INTEGER,           -- present points those limits rest on
    lowest REAL, highest REAL,       -- the range the values can take (0 for counts, 0..100 for
                                     -- shares): charts and tables show limits inside it; the
                                     -- points keep the limits as calculated
    why_no_verdict TEXT,             -- '' or why variation is 'no verdict'
    PRIMARY KEY (force, measure)
);

-- The force against its most similar group and England and Wales.
CREATE TABLE IF NOT EXISTS peer_results (
    force         TEXT NOT NULL,
    measure       TEXT NOT NULL,
    period        TEXT NOT NULL,     -- e.g. '12 months to 2022-03'
    group_name    TEXT NOT NULL,     -- the configured group, or 'England and Wales'
    member        TEXT NOT NULL,     -- a force in the group (the force itself included)
    rate_per_1000 REAL,
    ci_low        REAL, ci_high REAL,
    rank          INTEGER,           -- 1 = lowest rate
    peer_mean     REAL,
    significant   INTEGER,           -- member's rate differs from the others' pooled rate,
                                     -- allowing for over-dispersion (1/0; NULL: no test)
    count         INTEGER,           -- crimes in the period (NULL: not fully covered)
    population    INTEGER,           -- the nearest mid-year estimate
    difference    REAL,              -- rate_per_1000 - peer_mean
    method        TEXT,              -- how peer_mean and significant were found
    population_year   INTEGER,       -- the year of the population the rate is over
    population_source TEXT,          -- its basis and file: 'mid-year estimate, population.csv'
    PRIMARY KEY (force, measure, period, group_name, member)
);

-- Analyst annotations carried into outputs and charts (force '' = every force).
CREATE TABLE IF NOT EXISTS annotations (
    force TEXT NOT NULL,
    month TEXT NOT NULL,
    label TEXT NOT NULL
);
