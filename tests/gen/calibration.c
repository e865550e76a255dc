/*
 * calibration.c — expected counts from the real figures (see calibration.h).
 *
 * The shape parameters below are not in ../shared/data and are set by hand,
 * each with its reason: the seasonal peaks and amplitudes follow the
 * pattern of police recorded crime by month (violence, public order,
 * anti-social behaviour and bicycle theft peak in summer; burglary, robbery,
 * theft from the person, vehicle crime and shoplifting in the dark months);
 * the COVID-19 depths follow ONS commentary on recorded crime in the first
 * lockdown (theft and robbery down by about half, burglary and vehicle crime
 * by a third, violence by a sixth, drug offences and anti-social behaviour
 * up), and the monthly weights follow the lockdowns of England (March to
 * June 2020, November 2020, January to March 2021) and their easing.
 */
#include "calibration.h"

#include <math.h>

const char *const cal_type_names[N_TYPES] = {
    "Anti-social behaviour", "Bicycle theft", "Burglary",
    "Criminal damage and arson", "Drugs", "Other crime", "Other theft",
    "Possession of weapons", "Public order", "Robbery", "Shoplifting",
    "Theft from the person", "Vehicle crime", "Violence and sexual offences",
};

const int cal_group_type[N_GROUPS] = {
    T_VIOLENCE, T_VIOLENCE, T_VIOLENCE, T_VIOLENCE, T_VIOLENCE, T_VIOLENCE,
    T_ROBBERY, T_BURGLARY, T_BURGLARY, T_VEHICLE, T_THEFT_PERSON, T_BICYCLE,
    T_SHOPLIFTING, T_OTHER_THEFT, T_DAMAGE, T_DRUGS, T_WEAPONS, T_PUBLIC_ORDER,
    T_OTHER_CRIME,
};

/* Seasonal amplitude and the month of the peak, per crime type. */
static const struct {
    double amplitude;
    int peak;
} season[N_TYPES] = {
    {0.20, 7}, {0.25, 7}, {0.10, 12}, {0.04, 10}, {0.04, 3}, {0.03, 7}, {0.06, 7},
    {0.06, 7}, {0.08, 7}, {0.10, 12}, {0.06, 12}, {0.10, 12}, {0.08, 12}, {0.07, 7},
};

/* Each type's factor at the strictest lockdown (April 2020). */
static const double covid_depth[N_TYPES] = {
    1.90, 0.90, 0.68, 0.85, 1.35, 0.95, 0.60, 0.95, 1.00, 0.55, 0.45, 0.35, 0.65, 0.82,
};

/* Anti-social behaviour is not in the Home Office file: its 2018 level is
 * taken as 10% above 2022 (police-recorded incidents fell a little over the
 * period, outside the 2020 rise). */
#define ASB_2018_OVER_2022 1.10

/* The months the two anchors stand for: the centre of January-December
 * 2018 (the Home Office year) and of January-November 2022 (the street
 * files). */
#define ANCHOR_2018 ((double)(2018 * 12 + 5) + 0.5)
#define ANCHOR_2022 ((double)(2022 * 12 + 5))

/* The knife or sharp instrument offences indicator, as a share of violence
 * with injury and robbery, the two offence groups that hold most knife
 * crime (about 44% each in the year ending March 2020: ONS, Crime in
 * England and Wales: year ending March 2020, as reported by PA).  The share
 * is set by hand and kept for the demo forces; the other forces' is then
 * fitted to England and Wales' published totals (published[] below). */
#define KNIFE_SHARE 0.075

/* England and Wales' published totals (the 43 forces), 12 months ending
 * March of FY_FIRST .. FY_FIRST + N_FY - 1, that the forces other than the
 * demo forces are made to meet (0: no published figure found; that year
 * follows its neighbours).  Police recorded crime unless said otherwise;
 * the number beside each is where it was read. */
#define FY_FIRST 2019
#define N_FY 4
enum { A_HOMICIDE, A_VIOLENCE_INJURY, A_ROBBERY, A_KNIFE, N_ANCHORED };
static const struct {
    int group; /* G_*; -1: the knife crime indicator */
    double total[N_FY];
} published[N_ANCHORED] = {
    [A_HOMICIDE] = {G_HOMICIDE, {
        671, /* 2019: ONS, Homicide in England and Wales: year ending March
              * 2019, main points (Homicide Index victims; no police
              * recorded figure for that year was found) */
        716, /* 2020: ONS, The nature of violent crime in England and Wales:
              * year ending March 2022, main points (with the 39 victims of
              * the Grays lorry) */
        594, /* 2021: ONS, Homicide in England and Wales: year ending March
              * 2021, main points (Homicide Index victims; the police recorded
              * figure is given only as 25% below 2022's) */
        709, /* 2022: ONS, The nature of violent crime in England and Wales:
              * year ending March 2022, main points */
    }},
    [A_VIOLENCE_INJURY] = {G_VIOLENCE_INJURY, {
        0,      /* 2019: no published figure found */
        540699, /* 2020: ONS, Crime in England and Wales: year ending March
                 * 2022, police recorded violence (violence with injury 5%
                 * above the year ending March 2020's 540,699) */
        0,      /* 2021: given only as 22% below 2022's */
        566603, /* 2022: same bulletin and passage (up 22% to 566,603) */
    }},
    [A_ROBBERY] = {G_ROBBERY, {
        0, 0, 0, /* 2019-2021: no published figure found */
        66300,   /* 2022: ONS, Crime in England and Wales: year ending March
                  * 2023, police recorded robbery (75,300, up 13% from
                  * 66,300; rounded to hundreds as published) */
    }},
    [A_KNIFE] = {-1, {
        0,     /* 2019: none on the current (NDQIS) basis */
        55076, /* 2020: ONS, The nature of violent crime in England and
                * Wales: year ending March 2022, main points */
        44642, /* 2021: ONS, Crime in England and Wales: year ending March
                * 2022, knife or sharp instrument offences (as reported by PA,
                * The Independent, 21 July 2022) */
        48931, /* 2022: ONS, The nature of violent crime in England and
                * Wales: year ending March 2022, main points (up 10%) */
    }},
};

static double level18[CAL_N_FORCES][N_TYPES]; /* deseasonalised monthly level */
static double level22[CAL_N_FORCES][N_TYPES];
static double pooled_change[N_TYPES];         /* demo forces' 2022 / 2018 */
static double anchor_node[N_ANCHORED][N_FY];  /* the other forces' factor */
static int group_anchor[N_GROUPS];            /* A_*, or -1 */
static double cv2[N_TYPES];
static int ready;

int cal_month_days(month_t m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y = month_year(m), mo = month_of_year(m);
    return days[mo - 1] + (mo == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
}

double cal_days(month_t m)
{
    return cal_month_days(m) / (365.25 / 12.0);
}

static double season_factor(int t, month_t m)
{
    double phase = 2.0 * M_PI * (month_of_year(m) - season[t].peak) / 12.0;
    return 1.0 + season[t].amplitude * cos(phase);
}

double cal_covid(double depth, month_t m)
{
    static const double weight[] = { /* 2020-03 .. 2021-07 */
        0.30, 1.00, 0.85, 0.55, 0.30, 0.20, 0.20, 0.30, 0.75, 0.45,
        0.95, 0.90, 0.65, 0.40, 0.25, 0.15, 0.05,
    };
    int i = m - month_make(2020, 3);
    if (i < 0 || i >= (int)(sizeof weight / sizeof weight[0]))
        return 1.0;
    return 1.0 + (depth - 1.0) * weight[i];
}

/* Mean of season x days over months [a, b]. */
static double shape_mean(int t, month_t a, month_t b)
{
    double s = 0;
    for (month_t m = a; m <= b; m++)
        s += season_factor(t, m) * cal_days(m);
    return s / (b - a + 1);
}

/* Where m sits between the anchors: 0 at 2018, 1 at 2022. */
static double anchor_position(month_t m)
{
    return (m - ANCHOR_2018) / (ANCHOR_2022 - ANCHOR_2018);
}

static double trend(double from, double to, month_t m)
{
    return from > 0 && to > 0 ? from * pow(to / from, anchor_position(m)) : to > 0 ? to : from;
}

static void levels_from_home_office(void)
{
    for (int f = 0; f < CAL_N_FORCES; f++) {
        for (int g = 0; g < N_GROUPS; g++)
            level18[f][cal_group_type[g]] += cal_forces[f].ho2018[g] / 12.0;
        for (int t = 0; t < N_TYPES; t++)
            level18[f][t] /= shape_mean(t, month_make(2018, 1), month_make(2018, 12));
    }
}

/* The demo forces' own 2022 levels, and their pooled change since 2018. */
static void levels_from_street_files(void)
{
    double sum18[N_TYPES] = {0}, sum22[N_TYPES] = {0};
    for (int f = 0; f < CAL_N_DEMO; f++)
        for (int t = 0; t < N_TYPES; t++) {
            level22[f][t] = cal_forces[f].street2022[t] /
                            shape_mean(t, month_make(2022, 1), month_make(2022, 11));
            if (t == T_ASB)
                level18[f][t] = ASB_2018_OVER_2022 * level22[f][t];
            sum18[t] += level18[f][t];
            sum22[t] += level22[f][t];
        }
    for (int t = 0; t < N_TYPES; t++)
        pooled_change[t] = sum18[t] > 0 ? sum22[t] / sum18[t] : 1.0;
}

/* The centre of the 12 months ending March of year y, as a month. */
static double fy_centre(int y)
{
    return month_make(y - 1, 4) + 5.5;
}

/* Series a's national factor in month m: 1 at the middle of 2018 (the
 * forces' own Home Office figures), then log-linear through the years that
 * have a published total, flat before 2018 and after the last. */
static double anchor_factor(int a, month_t m)
{
    double at = ANCHOR_2018, from = 1.0;
    if (m <= at)
        return 1.0;
    for (int i = 0; i < N_FY; i++) {
        if (published[a].total[i] <= 0)
            continue;
        double c = fy_centre(FY_FIRST + i), to = anchor_node[a][i];
        if (m < c)
            return from * pow(to / from, (m - at) / (c - at));
        at = c;
        from = to;
    }
    return from;
}

/* Offence group g's expected count for force fi (BTP when fi < 0) in month
 * m, before any national factor.  The demo forces follow their own change
 * from 2018 to their 2022 street files; an anchored group elsewhere stays
 * at its 2018 level, its national factor making the change. */
static double group_shape(int fi, int g, month_t m)
{
    const double *ho = fi < 0 ? cal_btp.ho2018 : cal_forces[fi].ho2018;
    int t = cal_group_type[g];
    double base = ho[g] / 12.0 / shape_mean(t, month_make(2018, 1), month_make(2018, 12));
    int demo = fi >= 0 && fi < CAL_N_DEMO;
    /* Homicide and driving deaths do not follow violence's recording-led rise. */
    double change = g == G_HOMICIDE || g == G_DRIVING || (!demo && group_anchor[g] >= 0) ? 1.0
                    : !demo || level18[fi][t] <= 0 ? pooled_change[t]
                                                   : level22[fi][t] / level18[fi][t];
    return trend(base, base * change, m) * season_factor(t, m) * cal_days(m) *
           cal_covid(covid_depth[t], m);
}

/* Series a's expected count for force fi in month m, before its own
 * national factor (the knife indicator takes its groups' factors). */
static double anchored_shape(int a, int fi, month_t m)
{
    return published[a].group >= 0
               ? group_shape(fi, published[a].group, m)
               : KNIFE_SHARE * (cal_group_mean(fi, G_VIOLENCE_INJURY, m) +
                                cal_group_mean(fi, G_ROBBERY, m));
}

/* The factor nodes that make the 43 forces' total meet each published
 * year: the demo forces' own counts are taken as they are, and the rest is
 * shared among the other forces in proportion to their shapes.  Each round
 * rescales every node by what its year still misses; the interpolation
 * between nodes couples neighbouring years only weakly, so a few dozen
 * rounds settle them far below a count. */
static void fit_anchor(int a)
{
    for (int i = 0; i < N_FY; i++)
        anchor_node[a][i] = 1.0;
    for (int round = 0; round < 40; round++)
        for (int i = 0; i < N_FY; i++) {
            double want = published[a].total[i], demo = 0, other = 0;
            if (want <= 0)
                continue;
            for (month_t m = month_make(FY_FIRST + i - 1, 4);
                 m <= month_make(FY_FIRST + i, 3); m++)
                for (int f = 0; f < CAL_N_FORCES; f++)
                    if (f < CAL_N_DEMO)
                        demo += anchored_shape(a, f, m);
                    else
                        other += anchored_shape(a, f, m) * anchor_factor(a, m);
            if (want > demo && other > 0)
                anchor_node[a][i] *= (want - demo) / other;
        }
}

static void anchors(void)
{
    for (int g = 0; g < N_GROUPS; g++)
        group_anchor[g] = -1;
    for (int a = 0; a < N_ANCHORED; a++)
        if (published[a].group >= 0)
            group_anchor[published[a].group] = a;
    /* In enum order: the knife indicator is fitted on its fitted groups. */
    for (int a = 0; a < N_ANCHORED; a++)
        fit_anchor(a);
}

/* The other forces' 2022 police.uk levels: each offence group's own
 * change (an anchored group's national factor, the others the demo forces'
 * pooled change), weighted by the force's 2018 counts; and anti-social
 * behaviour at the demo forces' share of all rows. */
static void levels_elsewhere(void)
{
    double asb = 0, crime = 0;
    for (int f = 0; f < CAL_N_DEMO; f++)
        for (int t = 0; t < N_TYPES; t++)
            *(t == T_ASB ? &asb : &crime) += level22[f][t];
    for (int f = CAL_N_DEMO; f < CAL_N_FORCES; f++) {
        double total = 0, ho18[N_TYPES] = {0}, ho22[N_TYPES] = {0};
        for (int g = 0; g < N_GROUPS; g++) {
            int t = cal_group_type[g], a = group_anchor[g];
            ho18[t] += cal_forces[f].ho2018[g];
            ho22[t] += cal_forces[f].ho2018[g] *
                       (a < 0 ? pooled_change[t] : anchor_factor(a, (month_t)ANCHOR_2022));
        }
        for (int t = 0; t < N_TYPES; t++)
            if (t != T_ASB)
                total += level22[f][t] =
                    level18[f][t] * (ho18[t] > 0 ? ho22[t] / ho18[t] : pooled_change[t]);
        level22[f][T_ASB] = total * asb / crime;
        level18[f][T_ASB] = ASB_2018_OVER_2022 * level22[f][T_ASB];
    }
}

/* The gamma multiplier's cv^2 per type: the real 2022 variance / mean less
 * what Poisson noise and the seasonal and trend shape already give,
 * averaged over the demo forces. */
static void dispersion(void)
{
    for (int t = 0; t < N_TYPES; t++) {
        double sum = 0;
        for (int f = 0; f < CAL_N_DEMO; f++) {
            double s[11], mean = 0, var = 0;
            for (int i = 0; i < 11; i++)
                mean += s[i] = cal_street_mean(f, t, month_make(2022, 1) + i);
            mean /= 11;
            for (int i = 0; i < 11; i++)
                var += (s[i] / mean - 1) * (s[i] / mean - 1) / 10;
            const struct cal_dispersion *d = &cal_dispersion[f][t];
            double c = ((d->var_over_mean - 1) / d->mean - var) / (1 + var);
            sum += c > 0 ? c : 0;
        }
        cv2[t] = sum / CAL_N_DEMO;
    }
}

void cal_init(void)
{
    if (ready)
        return;
    levels_from_home_office();
    levels_from_street_files();
    anchors();
    levels_elsewhere();
    ready = 1;
    dispersion();
}

double cal_street_mean(int fi, int t, month_t m)
{
    return trend(level18[fi][t], level22[fi][t], m) * season_factor(t, m) * cal_days(m) *
           cal_covid(covid_depth[t], m);
}

double cal_street_cv2(int t)
{
    return cv2[t];
}

double cal_group_mean(int fi, int g, month_t m)
{
    int a = group_anchor[g];
    return group_shape(fi, g, m) * (a < 0 || (fi >= 0 && fi < CAL_N_DEMO) ? 1.0 : anchor_factor(a, m));
}

double cal_knife_mean(int fi, month_t m)
{
    return anchored_shape(A_KNIFE, fi, m) * (fi < CAL_N_DEMO ? 1.0 : anchor_factor(A_KNIFE, m));
}

double cal_population(int fi, int y)
{
    int i = y - 2018;
    i = i < 0 ? 0 : i >= CAL_YEARS ? CAL_YEARS - 1 : i;
    return cal_forces[fi].population[i];
}

double cal_no_location_share(int fi)
{
    return fi < CAL_N_DEMO ? cal_no_location[fi] : 0.025;
}

int cal_pick(struct rng *r, const struct cal_count *v, int n, int group)
{
    long total = 0;
    for (int i = 0; i < n; i++)
        total += v[i].group == group ? v[i].n : 0;
    if (total <= 0)
        return -1;
    long u = (long)rng_below(r, (uint32_t)total);
    for (int i = 0; i < n; i++)
        if (v[i].group == group && (u -= v[i].n) < 0)
            return i;
    return -1;
}
