/*
 * horolling.c — the Home Office rolling-year file (see horolling.h).
 *
 * The layout is copied from the published rec-crime-pfa.csv
 * (../shared/data/home-office-prc, README §3): its header, its date
 * spelling, its order, and its offence groups as they stand since April
 * 2017.  Only the counts are made up, and they are the quarterly table's.
 */
#include "horolling.h"
#include "calibration.h"
#include "hotable.h"
#include "out.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The file's offence groups, in byte order, and the G_* group each sums
 * (-1: the groups renamed in April 2017, carried as zeros). */
static const struct {
    const char *name;
    int group;
} offences[] = {
    {"All other theft offences", G_OTHER_THEFT},
    {"Bicycle theft", G_BICYCLE},
    {"Criminal damage and arson", G_DAMAGE},
    {"Death or serious injury caused by illegal driving", G_DRIVING},
    {"Domestic burglary", -1},
    {"Drug offences", G_DRUGS},
    {"Homicide", G_HOMICIDE},
    {"Miscellaneous crimes against society", G_MISCELLANEOUS},
    {"Non-domestic burglary", -1},
    {"Non-residential burglary", G_BURGLARY_OTHER},
    {"Possession of weapons offences", G_WEAPONS},
    {"Public order offences", G_PUBLIC_ORDER},
    {"Residential burglary", G_BURGLARY_RESIDENTIAL},
    {"Robbery", G_ROBBERY},
    {"Sexual offences", G_SEXUAL},
    {"Shoplifting", G_SHOPLIFTING},
    {"Stalking and harassment", G_STALKING},
    {"Theft from the person", G_THEFT_PERSON},
    {"Vehicle offences", G_VEHICLE},
    {"Violence with injury", G_VIOLENCE_INJURY},
    {"Violence without injury", G_VIOLENCE_NO_INJURY},
};
#define N_OFFENCES ((int)(sizeof offences / sizeof offences[0]))

/* The file's PFAs: the 43 forces, British Transport Police, then the three
 * fraud bodies. */
#define N_PFAS (CAL_N_FORCES + 1 + CAL_N_FRAUD)
#define PFA_BTP CAL_N_FORCES

static const char *pfa_name(int i)
{
    return i < CAL_N_FORCES ? cal_forces[i].ho_name
           : i == PFA_BTP   ? cal_btp.name
                            : cal_fraud[i - PFA_BTP - 1].name;
}

static const char *pfa_region(int i)
{
    return i < CAL_N_FORCES ? cal_forces[i].region
           : i == PFA_BTP   ? cal_btp.region
                            : cal_fraud[i - PFA_BTP - 1].region;
}

/* The published order: case ignored (CIFAS between Cheshire and
 * Cleveland), and the City of London filed as 'London, City of'. */
static const char *pfa_order_key(int i)
{
    return i < CAL_N_FORCES && !strcmp(cal_forces[i].slug, "city-of-london") ? "London, City of"
                                                                            : pfa_name(i);
}

static int cmp_pfa(const void *a, const void *b)
{
    return strcasecmp(pfa_order_key(*(const int *)a), pfa_order_key(*(const int *)b));
}

/* One PFA's rows for the 12 months ending with the quarter starting last. */
static void pfa_rows(const struct plan *p, struct out *o, const char *end, int i, month_t last)
{
    long sum[N_GROUPS] = {0}, g[N_GROUPS];
    if (i > PFA_BTP) {
        long n = 0;
        for (month_t q = last - 9; q <= last; q += 3)
            n += hotable_fraud(p, i - PFA_BTP - 1, q);
        out_printf(o, "%s,%s,%s,%s,%ld\n", end, pfa_name(i), pfa_region(i), pfa_name(i), n);
        return;
    }
    for (month_t q = last - 9; q <= last; q += 3) {
        hotable_groups(p, i == PFA_BTP ? HOTABLE_BTP : i, q, g);
        for (int k = 0; k < N_GROUPS; k++)
            sum[k] += g[k];
    }
    for (int k = 0; k < N_OFFENCES; k++)
        out_printf(o, "%s,%s,%s,%s,%ld\n", end, pfa_name(i), pfa_region(i), offences[k].name,
                   offences[k].group < 0 ? 0 : sum[offences[k].group]);
}

int horolling_write(const struct plan *p)
{
    int order[N_PFAS];
    char dir[4096];
    struct out o;
    for (int i = 0; i < N_PFAS; i++)
        order[i] = i;
    qsort(order, N_PFAS, sizeof order[0], cmp_pfa);
    int rc = hotable_dir(p, dir, sizeof dir);
    if (rc || (rc = out_open_in(&o, dir, "rec-crime-pfa.csv")))
        return rc;
    out_str(&o, "12 months ending,PFA,Region,Offence,Rolling year total number of offences\n");
    for (month_t last = month_fq_start(p->from) + 9; last + 2 <= p->to; last += 3) {
        char end[16];
        if (!hotable_has_quarter(p, last - 9))
            continue;
        snprintf(end, sizeof end, "%02d/%02d/%04d", cal_month_days(last + 2),
                 month_of_year(last + 2), month_year(last + 2));
        for (int i = 0; i < N_PFAS; i++)
            pfa_rows(p, &o, end, order[i], last);
    }
    return out_close(&o);
}
