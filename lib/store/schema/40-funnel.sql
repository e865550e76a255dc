-- sio-measures: the funnel plot of each count measure.  Every force's rate
-- per 1,000 over the same 12 months, set against its population, with the
-- exact Poisson control limits around the rate of all the forces plotted
-- (lib/stats/funnel.h).  Rebuilt on every run; read by sio-charts.

-- One row per measure plotted.
CREATE TABLE IF NOT EXISTS funnel_plots (
    measure         TEXT PRIMARY KEY, -- measure_catalogue.measure
    period_start    TEXT NOT NULL,    -- the 12 months every point covers
    period_end      TEXT NOT NULL,
    forces          INTEGER NOT NULL, -- forces plotted
    forces_expected INTEGER NOT NULL, -- forces of England and Wales in the forces table
    left_out        INTEGER NOT NULL, -- forces with figures but not all 12 months, or no population
    area            TEXT NOT NULL,    -- 'England and Wales' when every force is plotted,
                                      -- else 'the 4 forces with data'
    count           INTEGER NOT NULL, -- their crimes (or whatever the measure counts)
    population      INTEGER NOT NULL, -- their population
    rate_per_1000   REAL NOT NULL,    -- the target: count / population x 1,000
    population_year INTEGER,          -- the estimate's year when every force's is the same, else NULL
    population_source TEXT NOT NULL   -- where it comes from, as population_source() says; '' if mixed
);

-- One row per measure and force plotted.
CREATE TABLE IF NOT EXISTS funnel_points (
    measure         TEXT NOT NULL,
    force           TEXT NOT NULL,
    count           INTEGER NOT NULL,
    population      INTEGER NOT NULL,
    population_year INTEGER NOT NULL,
    rate_per_1000   REAL NOT NULL,
    expected        REAL NOT NULL,    -- the target rate x population: the count expected
    low_95          REAL NOT NULL,    -- control limits on the rate per 1,000 at this population
    high_95         REAL NOT NULL,
    low_998         REAL NOT NULL,
    high_998        REAL NOT NULL,
    position        TEXT NOT NULL,    -- above 99.8% | above 95% | within | below 95% | below 99.8%
    PRIMARY KEY (measure, force)
);
