/*
 * quarter_fixture.h — a quarterly series to draw, for the chart tests: a
 * header of static functions, like testing.h, included by each test that
 * needs it.
 */
#ifndef SIO_TEST_QUARTER_FIXTURE_H
#define SIO_TEST_QUARTER_FIXTURE_H

#include "../../charts/quarterly.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* 16 quarters from 2018/19 Q2 (so the 2018-07..2019-06 baseline shows),
 * counts 300-500, the last quarter partial (2 of 3 months). */
static void fixture(struct quarter_series *s, struct quarter_point *q)
{
    static const long counts[16] = {468, 455, 431, 472, 449, 398, 352, 376,
                                     409, 421, 395, 402, 388, 371, 364, 243};
    memset(s, 0, sizeof *s);
    snprintf(s->force, sizeof s->force, "thames-valley");
    snprintf(s->force_name, sizeof s->force_name, "Thames Valley Police");
    snprintf(s->measure_key, sizeof s->measure_key, "neighbourhood_crime");
    snprintf(s->measure_label, sizeof s->measure_label, "Neighbourhood crime");
    snprintf(s->noun, sizeof s->noun, "crimes");
    s->baseline_start = month_make(2018, 7);
    s->baseline_end = month_make(2019, 6);
    s->baseline_count = 468 + 455 + 431 + 472;
    s->baseline_months = 12;
    s->target = NAN;
    for (int i = 0; i < 16; i++) {
        q[i] = (struct quarter_point){
            .start = month_make(2018, 7) + 3 * i, .count = counts[i],
            .months_covered = i == 15 ? 2 : 3, .change_pct = NAN,
            .ci_low_pct = NAN, .ci_high_pct = NAN};
        snprintf(q[i].verdict, sizeof q[i].verdict, "not comparable");
        for (int k = i > 3 ? i - 3 : 0; k <= i; k++)
            q[i].r12_count += counts[k];
    }
    q[14].change_pct = -12.4;
    q[14].ci_low_pct = -15.1;
    q[14].ci_high_pct = -9.6;
    snprintf(q[14].verdict, sizeof q[14].verdict, "improvement");
    s->q = q;
    s->n = 16;
}

#endif
