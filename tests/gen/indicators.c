/*
 * indicators.c — indicator series and population (see indicators.h).
 *
 * Percentages are written to one decimal place from whole respondents, so
 * sio-measures recovers the exact count satisfied (round(value / 100 x
 * respondents)) while the respondents stay under 1,000.  Each series is its
 * own random stream (force, series).  The levels set here by hand, each
 * with its reason: satisfaction about 79% in 2018/19 falling to about 74% by
 * 2021/22 (force surveys report 70-80%), 84% for domestic abuse victims
 * falling to 80%; survey sizes of a few dozen to a few hundred a month; a
 * county line closed a quarter per 600 drug offences a year once the County
 * Lines Programme started (November 2019), fewer before: England and Wales
 * then closes about 1,100 lines a year, the Programme's reported pace (some
 * 4,000 lines in its first three and a half years), the Metropolitan Police
 * about 300 and Warwickshire single figures.  Every force of England and
 * Wales is written, each from its own figures, so England and Wales' sum is
 * the forces' sum.
 */
#include "indicators.h"
#include "calibration.h"
#include "forces.h"
#include "out.h"

#include <math.h>
#include <stdio.h>

enum { S_KNIFE = 1, S_FRAUD, S_CYBER, S_SATISFACTION, S_COUNTY_LINES, S_DOMESTIC_ABUSE };

#define CYBER_SHARE 0.085  /* of reports to Action Fraud */
#define FRAUD_GROWTH 1.08  /* reports to Action Fraud, a year */
#define DRUGS_PER_LINE 600.0 /* drug offences a year per county line closed a quarter */

static struct rng series_rng(const struct plan *p, int fi, int series)
{
    return rng_for(p->seed, RNG_INDICATOR + (uint64_t)fi, (uint64_t)series);
}

static double population_share(int fi, int year)
{
    double all = 0;
    for (int i = 0; i < CAL_N_FORCES; i++)
        all += cal_population(i, year);
    return cal_population(fi, year) / all;
}

/* Action Fraud reports from force fi's area expected in month m. */
static double fraud_mean(int fi, month_t m)
{
    return cal_fraud[0].ho2018 / 12.0 * population_share(fi, month_year(m)) * cal_days(m) *
           pow(FRAUD_GROWTH, (m - month_make(2018, 6)) / 12.0) * cal_covid(1.15, m);
}

/* Whole respondents satisfied out of n, for a true share p. */
static long satisfied(struct rng *r, long n, double p)
{
    long x = 0;
    for (long i = 0; i < n; i++)
        x += rng_unit(r) < p;
    return x;
}

static void monthly(struct out *o, const struct plan *p, int fi)
{
    const char *name = gen_forces[fi].name;
    struct rng knife = series_rng(p, fi, S_KNIFE), fraud = series_rng(p, fi, S_FRAUD),
               cyber = series_rng(p, fi, S_CYBER), sat = series_rng(p, fi, S_SATISFACTION);
    double people = cal_population(fi, 2019) / 1e6;
    char mon[8];
    for (month_t m = p->from; m <= p->to; m++) {
        month_format(m, mon);
        out_printf(o, "%s,%s,knife_crime_offences,%ld\n", name, mon,
                   rng_gamma_poisson(&knife, cal_knife_mean(fi, m), 0.02));
        out_printf(o, "%s,%s,action_fraud_reports,%ld\n", name, mon,
                   rng_gamma_poisson(&fraud, fraud_mean(fi, m), 0.01));
        out_printf(o, "%s,%s,cyber_crime_reports,%ld\n", name, mon,
                   rng_gamma_poisson(&cyber, CYBER_SHARE * fraud_mean(fi, m), 0.03));
        long n = 20 + rng_poisson(&sat, 30 + 80 * people);
        double share = 0.79 - 0.035 * (m >= month_make(2020, 4)) -
                       0.005 * (m - month_make(2018, 4)) / 12.0;
        out_printf(o, "%s,%s,victim_satisfaction_pct,%.1f,%ld\n", name, mon,
                   100.0 * (double)satisfied(&sat, n, share) / (double)n, n);
    }
}

static void quarterly(struct out *o, const struct plan *p, int fi)
{
    const char *name = gen_forces[fi].name;
    struct rng lines = series_rng(p, fi, S_COUNTY_LINES), da = series_rng(p, fi, S_DOMESTIC_ABUSE);
    double people = cal_population(fi, 2019) / 1e6;
    char label[16];
    for (month_t q = month_fq_start(p->from); q + 2 <= p->to; q += 3) {
        if (q < p->from)
            continue;
        double ramp = q < month_make(2019, 10) ? 0.4 : q < month_make(2020, 4) ? 0.8
                      : q < month_make(2021, 4) ? 1.0 : 1.2;
        month_fq_label(q, label);
        out_printf(o, "%s,%s,county_lines_closures,%ld\n", name, label,
                   rng_poisson(&lines, ramp * cal_forces[fi].ho2018[G_DRUGS] / DRUGS_PER_LINE));
        long n = 10 + rng_poisson(&da, 20 + 40 * people);
        double share = 0.84 - 0.03 * (q >= month_make(2020, 4)) -
                       0.004 * (q - month_make(2018, 4)) / 12.0;
        out_printf(o, "%s,%s,victim_satisfaction_da_pct,%.1f,%ld\n", name, label,
                   100.0 * (double)satisfied(&da, n, share) / (double)n, n);
    }
}

static int population_write(const struct plan *p)
{
    struct out o;
    int rc = out_open_in(&o, p->out_dir, "population.csv");
    if (rc)
        return rc;
    out_str(&o, "force,year,population\n");
    for (int i = 0; i < GEN_N_FORCES; i++)
        for (int y = month_year(p->from); y <= month_year(p->to); y++)
            out_printf(&o, "%s,%d,%.0f\n", gen_forces[i].name, y, cal_population(i, y));
    return out_close(&o);
}

int indicators_write(const struct plan *p)
{
    struct out o;
    int rc = out_open_in(&o, p->out_dir, "indicators.csv");
    if (rc)
        return rc;
    out_str(&o, "force,period,indicator,value,denominator\n");
    /* Every force of England and Wales, whatever --forces says, as the Home
     * Office table: England and Wales' figures are the sum over them all.
     * The demo forces come first, so their lines are the same bytes. */
    int n = p->indicators == PLAN_INDICATORS_OWN ? p->n_forces : GEN_N_FORCES;
    for (int i = 0; i < n; i++) {
        monthly(&o, p, i);
        quarterly(&o, p, i);
    }
    rc = out_close(&o);
    return rc ? rc : population_write(p);
}
