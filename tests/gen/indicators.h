/*
 * indicators.h — sio-gen's companion files: the indicator series and the
 * population table the street files do not carry, so the demo has every
 * national measure.
 */
#ifndef SIO_GEN_INDICATORS_H
#define SIO_GEN_INDICATORS_H

#include "sys/month.h"

#include <stdint.h>

struct gen_force {
    const char *name;  /* police.uk 'Falls within' */
    double weight;     /* relative crime volume */
};

/* Write DIR/indicators.csv (victim_satisfaction_pct with respondents and
 * cyber_crime_reports by month, county_lines_closures by financial quarter)
 * and DIR/population.csv (force,year,population) for months [from, to].
 * Returns 0, or errno when a file cannot be written. */
int gen_companions(const char *dir, uint64_t seed, const struct gen_force *forces, int n,
                   month_t from, month_t to);

#endif
