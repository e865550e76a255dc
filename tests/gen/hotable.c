/*
 * hotable.c — the Home Office open data tables (see hotable.h).
 *
 * The offence codes and descriptions are those of the Home Office Counting
 * Rules as the open data tables list them (../shared/reference/measures.md
 * §3: homicide and drug trafficking confirmed there; the neighbourhood
 * crime codes 28E, 28F, 34B, 39, 37.2, 45, 48, 126 marked unverified).  How
 * a group divides among its codes is a rough national pattern set here by
 * hand, not a published figure: it only decides which code a generated
 * offence is written under.  The fraud bodies' code (53A) is sio's own
 * choice for a row the tables label by body, not by code.
 */
#include "hotable.h"
#include "calibration.h"
#include "forces.h"
#include "out.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

struct ho_code {
    int group;                  /* G_* */
    const char *code, *description, *subgroup;
    double weight;              /* within the group */
};

static const struct ho_code codes[] = {
    {G_HOMICIDE, "1", "Murder", "Homicide", 88},
    {G_HOMICIDE, "4/1", "Manslaughter", "Homicide", 11},
    {G_HOMICIDE, "4/2", "Infanticide", "Homicide", 0.5},
    {G_HOMICIDE, "4/10", "Corporate manslaughter", "Homicide", 0.5},
    {G_DRIVING, "4/4", "Causing death or serious injury by dangerous driving",
     "Death or serious injury - unlawful driving", 55},
    {G_DRIVING, "4/6", "Causing death by careless driving under influence of drink or drugs",
     "Death or serious injury - unlawful driving", 5},
    {G_DRIVING, "4/8", "Causing death by careless or inconsiderate driving",
     "Death or serious injury - unlawful driving", 35},
    {G_DRIVING, "4/9", "Causing death or serious injury by driving: unlicensed drivers etc.",
     "Death or serious injury - unlawful driving", 5},
    {G_VIOLENCE_INJURY, "2", "Attempted murder", "Violence with injury", 0.6},
    {G_VIOLENCE_INJURY, "5D", "Assault with intent to cause serious harm", "Violence with injury", 5},
    {G_VIOLENCE_INJURY, "5E", "Endangering life", "Violence with injury", 1.5},
    {G_VIOLENCE_INJURY, "8N", "Assault with injury", "Violence with injury", 86},
    {G_VIOLENCE_INJURY, "8P", "Racially or religiously aggravated assault with injury",
     "Violence with injury", 2},
    {G_VIOLENCE_INJURY, "8S", "Assault with injury on a constable", "Violence with injury", 4.5},
    {G_VIOLENCE_INJURY, "37.1", "Causing death by aggravated vehicle taking",
     "Violence with injury", 0.05},
    {G_VIOLENCE_NO_INJURY, "3A", "Conspiracy to murder", "Violence without injury", 0.2},
    {G_VIOLENCE_NO_INJURY, "3B", "Threats to kill", "Violence without injury", 7},
    {G_VIOLENCE_NO_INJURY, "11A", "Cruelty to children/young persons", "Violence without injury", 5},
    {G_VIOLENCE_NO_INJURY, "13", "Child abduction", "Violence without injury", 0.5},
    {G_VIOLENCE_NO_INJURY, "36", "Kidnapping", "Violence without injury", 1},
    {G_VIOLENCE_NO_INJURY, "104", "Assault without injury on a constable",
     "Violence without injury", 9},
    {G_VIOLENCE_NO_INJURY, "105A", "Assault without injury", "Violence without injury", 72},
    {G_VIOLENCE_NO_INJURY, "105B", "Racially or religiously aggravated assault without injury",
     "Violence without injury", 3},
    {G_VIOLENCE_NO_INJURY, "106", "Modern slavery", "Violence without injury", 2},
    {G_STALKING, "8L", "Harassment", "Stalking and harassment", 45},
    {G_STALKING, "8M", "Racially or religiously aggravated harassment", "Stalking and harassment", 5},
    {G_STALKING, "8Q", "Stalking", "Stalking and harassment", 15},
    {G_STALKING, "8R", "Malicious communications", "Stalking and harassment", 35},
    {G_SEXUAL, "19C", "Rape of a female aged 16 and over", "Rape offences", 28},
    {G_SEXUAL, "19D", "Rape of a female child under 16", "Rape offences", 5},
    {G_SEXUAL, "19E", "Rape of a female child under 13", "Rape offences", 3},
    {G_SEXUAL, "19F", "Rape of a male aged 16 and over", "Rape offences", 1.5},
    {G_SEXUAL, "19G", "Rape of a male child under 16", "Rape offences", 1},
    {G_SEXUAL, "19H", "Rape of a male child under 13", "Rape offences", 1.5},
    {G_SEXUAL, "17A", "Sexual assault on a male aged 13 and over", "Other sexual offences", 2.5},
    {G_SEXUAL, "17B", "Sexual assault on a male child under 13", "Other sexual offences", 2},
    {G_SEXUAL, "20A", "Sexual assault on a female aged 13 and over", "Other sexual offences", 24},
    {G_SEXUAL, "20B", "Sexual assault on a female child under 13", "Other sexual offences", 4},
    {G_SEXUAL, "21", "Sexual activity involving a child under 13", "Other sexual offences", 3},
    {G_SEXUAL, "22B", "Sexual activity involving child under 16", "Other sexual offences", 5},
    {G_SEXUAL, "71", "Abuse of children through sexual exploitation", "Other sexual offences", 2},
    {G_SEXUAL, "88A", "Sexual grooming", "Other sexual offences", 2},
    {G_SEXUAL, "88C", "Other miscellaneous sexual offences", "Other sexual offences", 5},
    {G_SEXUAL, "88E", "Exposure and voyeurism", "Other sexual offences", 8},
    {G_ROBBERY, "34A", "Robbery of business property", "Robbery of business property", 12},
    {G_ROBBERY, "34B", "Robbery of personal property", "Robbery of personal property", 88},
    {G_BURGLARY_RESIDENTIAL, "28E", "Burglary - Residential", "Residential burglary", 80},
    {G_BURGLARY_RESIDENTIAL, "28F", "Attempted burglary - Residential", "Residential burglary", 15},
    {G_BURGLARY_RESIDENTIAL, "28G", "Distraction burglary - Residential", "Residential burglary", 3.5},
    {G_BURGLARY_RESIDENTIAL, "28H", "Attempted distraction burglary - Residential",
     "Residential burglary", 1.5},
    {G_BURGLARY_OTHER, "30C", "Burglary - Business and Community", "Non-residential burglary", 85},
    {G_BURGLARY_OTHER, "30D", "Attempted burglary - Business and Community",
     "Non-residential burglary", 15},
    {G_VEHICLE, "37.2", "Aggravated vehicle taking", "Vehicle offences", 2},
    {G_VEHICLE, "45", "Theft from vehicle", "Vehicle offences", 55},
    {G_VEHICLE, "48", "Theft or unauthorised taking of motor vehicle", "Vehicle offences", 28},
    {G_VEHICLE, "126", "Interfering with a motor vehicle", "Vehicle offences", 15},
    {G_THEFT_PERSON, "39", "Theft from the person", "Theft from the person", 1},
    {G_BICYCLE, "44", "Theft or unauthorised taking of a pedal cycle", "Bicycle theft", 1},
    {G_SHOPLIFTING, "46", "Shoplifting", "Shoplifting", 1},
    {G_OTHER_THEFT, "35", "Blackmail", "Other theft offences", 2},
    {G_OTHER_THEFT, "40", "Theft in a dwelling other than from an automatic machine or meter",
     "Other theft offences", 6},
    {G_OTHER_THEFT, "41", "Theft by an employee", "Other theft offences", 3},
    {G_OTHER_THEFT, "47", "Theft from automatic machine or meter", "Other theft offences", 1},
    {G_OTHER_THEFT, "49", "Other theft", "Other theft offences", 76},
    {G_OTHER_THEFT, "49A", "Making off without payment", "Other theft offences", 12},
    {G_DAMAGE, "56A", "Arson endangering life", "Arson", 3},
    {G_DAMAGE, "56B", "Arson not endangering life", "Arson", 7},
    {G_DAMAGE, "58A", "Criminal damage to a dwelling", "Criminal damage", 25},
    {G_DAMAGE, "58B", "Criminal damage to a building other than a dwelling", "Criminal damage", 10},
    {G_DAMAGE, "58C", "Criminal damage to a vehicle", "Criminal damage", 30},
    {G_DAMAGE, "58D", "Other criminal damage", "Criminal damage", 23},
    {G_DAMAGE, "58J", "Racially or religiously aggravated criminal damage", "Criminal damage", 2},
    {G_DRUGS, "92A", "Trafficking in controlled drugs", "Trafficking of drugs", 18},
    {G_DRUGS, "92C", "Other drug offences", "Possession of drugs", 3},
    {G_DRUGS, "92D", "Possession of controlled drugs (excl. Cannabis)", "Possession of drugs", 15},
    {G_DRUGS, "92E", "Possession of controlled drugs (Cannabis)", "Possession of drugs", 64},
    {G_WEAPONS, "10A", "Possession of firearms with intent", "Possession of weapons offences", 2},
    {G_WEAPONS, "10B", "Possession of firearms offences", "Possession of weapons offences", 5},
    {G_WEAPONS, "10C", "Possession of other weapons", "Possession of weapons offences", 20},
    {G_WEAPONS, "10D", "Possession of article with blade or point",
     "Possession of weapons offences", 70},
    {G_WEAPONS, "81", "Other firearms offences", "Possession of weapons offences", 3},
    {G_PUBLIC_ORDER, "9A", "Public fear, alarm or distress", "Public order offences", 78},
    {G_PUBLIC_ORDER, "9B", "Racially or religiously aggravated public fear, alarm or distress",
     "Public order offences", 14},
    {G_PUBLIC_ORDER, "62A", "Violent disorder", "Public order offences", 1},
    {G_PUBLIC_ORDER, "66", "Other offences against the State or public order",
     "Public order offences", 7},
    {G_MISCELLANEOUS, "33", "Going equipped for stealing, etc", "Miscellaneous crimes against society", 6},
    {G_MISCELLANEOUS, "54", "Handling stolen goods", "Miscellaneous crimes against society", 8},
    {G_MISCELLANEOUS, "59", "Threat or possession with intent to commit criminal damage",
     "Miscellaneous crimes against society", 13},
    {G_MISCELLANEOUS, "61", "Other forgery", "Miscellaneous crimes against society", 5},
    {G_MISCELLANEOUS, "79", "Perverting the course of justice",
     "Miscellaneous crimes against society", 8},
    {G_MISCELLANEOUS, "83", "Bail offences", "Miscellaneous crimes against society", 10},
    {G_MISCELLANEOUS, "86", "Obscene publications etc", "Miscellaneous crimes against society", 20},
    {G_MISCELLANEOUS, "95", "Disclosure, obstruction, false or misleading statements etc",
     "Miscellaneous crimes against society", 5},
    {G_MISCELLANEOUS, "96", "Wildlife", "Miscellaneous crimes against society", 2},
    {G_MISCELLANEOUS, "99", "Other notifiable offences", "Miscellaneous crimes against society", 20},
    {G_MISCELLANEOUS, "814", "Fraud, forgery etc associated with vehicle or driver records",
     "Miscellaneous crimes against society", 3},
};
#define N_CODES ((int)(sizeof codes / sizeof codes[0]))

static const char *const group_names[N_GROUPS] = {
    "Violence against the person", "Violence against the person", "Violence against the person",
    "Violence against the person", "Violence against the person", "Sexual offences", "Robbery",
    "Theft offences", "Theft offences", "Theft offences", "Theft offences", "Theft offences",
    "Theft offences", "Theft offences", "Criminal damage and arson", "Drug offences",
    "Possession of weapons offences", "Public order offences",
    "Miscellaneous crimes against society",
};

/* The fraud bodies' yearly change and lockdown factor, applied to their
 * 2018 totals: CIFAS level, UK Finance falling.  Action Fraud's row is not
 * shaped here (its first entry is unused): it is the national total of the
 * forces' action_fraud_reports series, which meets the published figures
 * (calibration.c), so the sample holds one Action Fraud figure, not two. */
static const struct {
    double growth, lockdown;
} fraud_shape[CAL_N_FRAUD] = {{1.08, 1.15}, {1.00, 1.00}, {0.95, 1.00}};

#define BTP HOTABLE_BTP

/* The lines of the truth, kept to be sorted. */
struct lines {
    char **v;
    size_t n, cap;
    int failed;
};

static void lines_add(struct lines *l, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void lines_add(struct lines *l, const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    if (l->failed || !l->cap) /* no truth asked for (cap 0) or out of memory */
        return;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (l->n == l->cap) {
        char **v = realloc(l->v, 2 * l->cap * sizeof *v);
        if (!v) {
            l->failed = 1;
            return;
        }
        l->v = v, l->cap *= 2;
    }
    if (!(l->v[l->n] = strdup(buf)))
        l->failed = 1;
    else
        l->n++;
}

/* The Home Office spelling of force fi in the quarterly tables. */
static const char *ho_name(int fi)
{
    if (fi == BTP)
        return cal_btp.name;
    return strcmp(cal_forces[fi].slug, "city-of-london") ? cal_forces[fi].ho_name
                                                          : "London, City of";
}

static int cmp_ho_name(const void *a, const void *b)
{
    return strcmp(ho_name(*(const int *)a), ho_name(*(const int *)b));
}

static void row(struct out *o, struct lines *truth, month_t q, const char *force,
                const char *description, const char *group, const char *subgroup,
                const char *code, long n)
{
    char fy[8], mon[8];
    snprintf(fy, sizeof fy, "%d/%02d", month_fy(q), (month_fy(q) + 1) % 100);
    out_printf(o, "%s,%d,", fy, month_fq(q));
    out_printf(o, strchr(force, ',') ? "\"%s\"," : "%s,", force);
    out_printf(o, strchr(description, ',') ? "\"%s\"," : "%s,", description);
    out_printf(o, "%s,%s,%s,%ld\r\n", group, subgroup, code, n);
    lines_add(truth, strchr(force, ',') ? "\"%s\",%s,%s,%ld" : "%s,%s,%s,%ld", force,
              month_format(q, mon), code, n);
}

/* One force's quarter: every group's count, shared among its codes (n in
 * codes[] order).  The one place a quarter is drawn: the table and the
 * rolling-year file (hotable_groups) both take its counts from here. */
static void force_draw(const struct plan *p, int fi, month_t q, long n[N_CODES])
{
    struct rng r = rng_for(p->seed, RNG_HO + (uint64_t)(fi == BTP ? CAL_N_FORCES : fi),
                           (uint64_t)q);
    for (int g = 0; g < N_GROUPS; g++) {
        double mean = 0, weights = 0;
        for (month_t m = q; m < q + 3; m++)
            mean += cal_group_mean(fi, g, m);
        double cv2 = g == G_HOMICIDE || g == G_DRIVING ? 0 : cal_street_cv2(cal_group_type[g]) / 3;
        double mult = cv2 > 0 ? rng_gamma(&r, 1.0 / cv2) * cv2 : 1.0;
        for (int c = 0; c < N_CODES; c++)
            weights += codes[c].group == g ? codes[c].weight : 0;
        for (int c = 0; c < N_CODES; c++)
            if (codes[c].group == g)
                n[c] = rng_poisson(&r, mean * mult * codes[c].weight / weights);
    }
}

void hotable_groups(const struct plan *p, int fi, month_t q, long *groups)
{
    long n[N_CODES];
    force_draw(p, fi, q, n);
    for (int g = 0; g < N_GROUPS; g++)
        groups[g] = 0;
    for (int c = 0; c < N_CODES; c++)
        groups[codes[c].group] += n[c];
}

static void force_quarter(const struct plan *p, struct out *o, struct lines *truth, int fi,
                          month_t q)
{
    long n[N_CODES];
    force_draw(p, fi, q, n);
    for (int g = 0; g < N_GROUPS; g++)
        for (int c = 0; c < N_CODES; c++)
            if (codes[c].group == g)
                row(o, truth, q, ho_name(fi), codes[c].description, group_names[g],
                    codes[c].subgroup, codes[c].code, n[c]);
}

long hotable_fraud(const struct plan *p, int k, month_t q)
{
    struct rng r = rng_for(p->seed, RNG_HO + (uint64_t)(CAL_N_FORCES + 1 + k), (uint64_t)q);
    double mean = 0;
    for (month_t m = q; m < q + 3; m++)
        if (k == 0)
            for (int fi = 0; fi < CAL_N_FORCES; fi++)
                mean += cal_fraud_mean(fi, m);
        else
            mean += cal_fraud[k].ho2018 / 12.0 * cal_days(m) *
                    cal_covid(fraud_shape[k].lockdown, m) *
                    pow(fraud_shape[k].growth, (m - month_make(2018, 6)) / 12.0);
    return rng_gamma_poisson(&r, mean, 0.002);
}

static void fraud_quarter(const struct plan *p, struct out *o, struct lines *truth, int k,
                          month_t q)
{
    row(o, truth, q, cal_fraud[k].name, cal_fraud[k].name, "Fraud offences", cal_fraud[k].region,
        "53A", hotable_fraud(p, k, q));
}

static const char table_header[] =
    "Financial Year,Financial Quarter,Force Name,Offence Description,Offence Group,"
    "Offence Subgroup,Offence Code,Number of Offences\r\n";

int hotable_has_quarter(const struct plan *p, month_t q)
{
    return q >= p->from && q + 2 <= p->to;
}

/* One financial year's file: its whole quarters within the plan. */
static int year_write(const struct plan *p, int fy, const int *order, struct lines *truth)
{
    char name[64];
    struct out o;
    int any = 0;
    for (month_t q = month_make(fy, 4); q < month_make(fy + 1, 4); q += 3)
        any |= hotable_has_quarter(p, q);
    if (!any)
        return 0;
    snprintf(name, sizeof name, "home-office/prc-pfa-open-data-%d-%02d.csv", fy, (fy + 1) % 100);
    int rc = out_open_in(&o, p->out_dir, name);
    if (rc)
        return rc;
    out_put(&o, table_header, sizeof table_header - 1);
    for (month_t q = month_make(fy, 4); q < month_make(fy + 1, 4); q += 3) {
        if (!hotable_has_quarter(p, q))
            continue;
        for (int i = 0; i < CAL_N_FORCES; i++)
            force_quarter(p, &o, truth, order[i], q);
        force_quarter(p, &o, truth, BTP, q);
        for (int k = 0; k < CAL_N_FRAUD; k++)
            fraud_quarter(p, &o, truth, k, q);
    }
    return out_close(&o);
}

static int cmp_line(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int truth_write(struct lines *truth, const char *path)
{
    struct out o;
    int rc = out_open(&o, path);
    if (rc)
        return rc;
    qsort(truth->v, truth->n, sizeof *truth->v, cmp_line);
    out_str(&o, "force,period_start,offence_code,count\n");
    for (size_t i = 0; i < truth->n; i++) {
        out_str(&o, truth->v[i]);
        out_put(&o, "\n", 1);
    }
    return out_close(&o);
}

int hotable_dir(const struct plan *p, char *dir, size_t size)
{
    snprintf(dir, size, "%s/home-office", p->out_dir);
    if (out_make_dirs(dir) != 0) {
        fprintf(stderr, "sio-gen: %s: %s\n", dir, strerror(errno));
        return EX_CANTCREAT;
    }
    return 0;
}

int hotable_write(const struct plan *p, const char *truth_path)
{
    int order[CAL_N_FORCES], rc = 0;
    struct lines truth = {0};
    char dir[4096];
    for (int i = 0; i < CAL_N_FORCES; i++)
        order[i] = i;
    qsort(order, CAL_N_FORCES, sizeof order[0], cmp_ho_name);
    if ((rc = hotable_dir(p, dir, sizeof dir)))
        return rc;
    if (truth_path && (truth.v = malloc(1024 * sizeof *truth.v)))
        truth.cap = 1024;
    for (int fy = month_fy(p->from); rc == 0 && fy <= month_fy(p->to); fy++)
        rc = year_write(p, fy, order, &truth);
    if (rc == 0 && truth_path && (truth.failed || !truth.cap)) {
        fprintf(stderr, "sio-gen: out of memory\n");
        rc = EX_OSERR;
    }
    if (rc == 0 && truth_path)
        rc = truth_write(&truth, truth_path);
    for (size_t i = 0; i < truth.n; i++)
        free(truth.v[i]);
    free(truth.v);
    return rc;
}
