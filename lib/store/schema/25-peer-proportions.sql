-- sio-measures: peers for proportion measures (victim satisfaction, the
-- drugs-search outcome share, the drugs charge share).  Owned by
-- sio-measures; columns may be added, none renamed or removed.
CREATE TABLE IF NOT EXISTS peer_proportions (
    force          TEXT NOT NULL,
    measure        TEXT NOT NULL,
    period         TEXT NOT NULL,    -- '12 months to 2022-03': the force's latest 12 months
    group_name     TEXT NOT NULL,    -- the configured group, or 'England and Wales'
    member         TEXT NOT NULL,    -- a force in the group (the force itself included)
    successes      INTEGER,          -- NULL: the member's 12 months are not all covered
    trials         INTEGER,
    proportion_pct REAL,             -- successes / trials x 100
    ci_low         REAL, ci_high REAL, -- Wilson score interval, per cent
    rank           INTEGER,          -- 1 = lowest proportion
    pooled_pct     REAL,             -- the group's pooled proportion: sum successes / sum trials
    pooled_low     REAL, pooled_high REAL, -- its Wilson interval
    difference     REAL,             -- proportion_pct - pooled_pct, percentage points
    p_value        REAL,             -- two-proportion test, member against the other members pooled
    significant    INTEGER,          -- p_value below 1 - confidence (1/0); NULL: no test
    method         TEXT,
    PRIMARY KEY (force, measure, period, group_name, member)
);
