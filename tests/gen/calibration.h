/*
 * calibration.h — how much of each kind of crime sio-gen draws, and when.
 *
 * The figures are real: calibration_table.c is printed by
 * tests/tools/calibrate.py from ../shared/data (Home Office recorded crime
 * by force area for the 12 months to December 2018; the four demo forces'
 * police.uk street files for 2022; stop and search files; population).
 * calibration.c turns them into expected monthly counts:
 *
 *   level x trend x season x days in month x COVID-19 x scale
 *
 * where the level and trend run log-linearly from the Home Office 2018
 * figure (mapped to police.uk crime types) to the 2022 police.uk figure
 * for the four demo forces.  The other forces have no 2022 files: where
 * England and Wales' total for the 12 months ending March is published
 * (homicide, violence with injury, robbery, the knife crime indicator;
 * calibration.c cites each figure), their change is whatever makes the 43
 * forces meet it, shared in proportion to their 2018 levels; the other
 * offence groups take the demo forces' pooled change;
 * the season is a cosine with a summer or winter peak per crime type, and
 * the COVID-19 factor is each type's lockdown depth weighted by how strict
 * each month's restrictions were.  Counts are drawn gamma-Poisson with the
 * over-dispersion the real 2022 monthly counts show.  The generated rows
 * are made up; only these aggregates carry over.
 */
#ifndef SIO_GEN_CALIBRATION_H
#define SIO_GEN_CALIBRATION_H

#include "rng.h"
#include "sys/month.h"

/* The 14 current police.uk crime types, in byte order (the --expect order). */
enum {
    T_ASB, T_BICYCLE, T_BURGLARY, T_DAMAGE, T_DRUGS, T_OTHER_CRIME,
    T_OTHER_THEFT, T_WEAPONS, T_PUBLIC_ORDER, T_ROBBERY, T_SHOPLIFTING,
    T_THEFT_PERSON, T_VEHICLE, T_VIOLENCE, N_TYPES
};
extern const char *const cal_type_names[N_TYPES];

/* The Home Office rolling-year file's offence groups (rec-crime-pfa.csv). */
enum {
    G_HOMICIDE, G_DRIVING, G_VIOLENCE_INJURY, G_VIOLENCE_NO_INJURY, G_STALKING,
    G_SEXUAL, G_ROBBERY, G_BURGLARY_RESIDENTIAL, G_BURGLARY_OTHER, G_VEHICLE,
    G_THEFT_PERSON, G_BICYCLE, G_SHOPLIFTING, G_OTHER_THEFT, G_DAMAGE, G_DRUGS,
    G_WEAPONS, G_PUBLIC_ORDER, G_MISCELLANEOUS, N_GROUPS
};
/* The police.uk crime type each offence group is recorded under. */
extern const int cal_group_type[N_GROUPS];

#define CAL_N_FORCES 43
#define CAL_N_DEMO 4
#define CAL_N_TYPES N_TYPES
#define CAL_N_FRAUD 3
#define CAL_N_PENDING 11
#define CAL_YEARS 5 /* population 2018..2022 */

struct cal_force {
    const char *slug;               /* police.uk slug, sio-gen's order */
    const char *ho_name;            /* PFA in rec-crime-pfa.csv */
    const char *region;             /* its Region */
    double ho2018[N_GROUPS];        /* offences, 12 months to Dec 2018 */
    double street2022[N_TYPES];     /* police.uk 2022 monthly mean; -1: none */
    double population[CAL_YEARS];   /* 2018..2022 */
    double searches;                /* stop and searches a month, 2019/20; -1: none */
};
struct cal_other {
    const char *name;               /* as in rec-crime-pfa.csv */
    const char *region;
    double ho2018[N_GROUPS];
};
struct cal_fraud {
    const char *name;               /* Action Fraud, CIFAS, UK Finance */
    const char *region;             /* 'Fraud: Action Fraud' ... */
    double ho2018;                  /* offences, 12 months to Dec 2018 */
};
struct cal_dispersion {
    double mean;                    /* 2022 monthly mean */
    double var_over_mean;           /* of the 11 monthly counts */
};
/* A counted value (or pair of values) from the real files. */
struct cal_count {
    int group;                      /* crime type, or the list's own grouping */
    const char *a, *b;              /* the value(s); b may be NULL */
    long n;                         /* how many rows had it */
};

extern const struct cal_force cal_forces[CAL_N_FORCES];
extern const struct cal_other cal_btp;
extern const struct cal_fraud cal_fraud[CAL_N_FRAUD];
extern const struct cal_dispersion cal_dispersion[CAL_N_DEMO][CAL_N_TYPES];
extern const double cal_no_location[CAL_N_DEMO];
extern const struct cal_count cal_outcomes[];
extern const int cal_n_outcomes;
extern const double cal_pending[CAL_N_PENDING];
extern const struct cal_count cal_search_objects[], cal_search_outcomes[],
    cal_search_fields[], cal_search_ethnicity[];
extern const int cal_search_objects_n, cal_search_outcomes_n, cal_search_fields_n,
    cal_search_ethnicity_n;

/* Work out the levels, trends and dispersions from the table (once). */
void cal_init(void);

/* The expected count of crime type t for force fi in month m, before noise
 * and before any --rows scaling. */
double cal_street_mean(int fi, int t, month_t m);

/* The squared coefficient of variation of type t's gamma multiplier. */
double cal_street_cv2(int t);

/* The expected count of offence group g in month m for force fi, or for
 * British Transport Police when fi < 0 (Home Office recorded crime). */
double cal_group_mean(int fi, int g, month_t m);

/* The knife or sharp instrument offences indicator's expected count for
 * force fi in month m: a share of violence with injury and robbery, the
 * other forces' share meeting England and Wales' published totals. */
double cal_knife_mean(int fi, month_t m);

/* Force fi's population in calendar year y (the nearest year held). */
double cal_population(int fi, int y);

/* The share of force fi's street rows with no location. */
double cal_no_location_share(int fi);

/* The COVID-19 multiplier of a series whose strictest-lockdown factor is
 * depth, in month m (1 outside the pandemic months). */
double cal_covid(double depth, month_t m);

/* The index of an entry of v[0..n) whose group is group, drawn in
 * proportion to the counts; -1 when none has that group. */
int cal_pick(struct rng *r, const struct cal_count *v, int n, int group);

/* Days in m, and that over the mean month (365.25 / 12). */
int cal_month_days(month_t m);
double cal_days(month_t m);

#endif
