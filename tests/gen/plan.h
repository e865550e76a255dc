/*
 * plan.h — what one sio-gen run writes: its options, resolved.
 */
#ifndef SIO_GEN_PLAN_H
#define SIO_GEN_PLAN_H

#include "sys/month.h"

#include <stdint.h>

struct plan {
    uint64_t seed;
    month_t from, to;       /* the months written; to is the archive edition */
    double rows;            /* --rows: mean rows per force-month; 0: calibrated */
    double scale;           /* multiplier of the calibrated street levels */
    int n_forces;           /* the first n of gen_forces */
    const char *out_dir;
    const char *expect_path; /* NULL: no ground truth */
    int indicators;         /* indicators.csv and population.csv: PLAN_* below */
    int searches;           /* --stop-search: stop-and-search files */
    int home_office;        /* --home-office: the open data table, every force */
    int rolling_year;       /* --rolling-year: rec-crime-pfa.csv, every force */
    int outcomes;           /* --outcomes: outcomes files */
};

/* Whose indicator series: none, every force of England and Wales
 * (--indicators), or only the forces written (--own-indicators). */
enum { PLAN_INDICATORS_NONE, PLAN_INDICATORS_ALL, PLAN_INDICATORS_OWN };

static inline int plan_months(const struct plan *p)
{
    return p->to - p->from + 1;
}

#endif
