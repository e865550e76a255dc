/*
 * stopsearch.c — police.uk stop-and-search files (see stopsearch.h).
 */
#include "stopsearch.h"
#include "calibration.h"
#include "forces.h"
#include "out.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#define MAX_VALUES 24 /* distinct objects, outcomes */
#define DRUGS "Controlled drugs"

enum { F_TYPE, F_GENDER, F_AGE, F_LINKED, F_REMOVAL, F_OPERATION };

static const char search_header[] =
    "Type,Date,Part of a policing operation,Policing operation,Latitude,Longitude,"
    "Gender,Age range,Self-defined ethnicity,Officer-defined ethnicity,Legislation,"
    "Object of search,Outcome,Outcome linked to object of search,"
    "Removal of more than just outer clothing\r\n";

/* National stop and search totals for England and Wales relative to
 * 2019/20, years ending March 2019..2022 (about 370, 577, 700 and 525
 * thousand: Home Office, Police powers and procedures; not in
 * ../shared/data), placed at each year's centre. */
static const double national_shape[] = {0.64, 1.00, 1.22, 0.91};

/* The distinct values a truth is kept by, in first-seen order. */
static struct {
    const char *object[MAX_VALUES], *outcome[MAX_VALUES];
    int n_object, n_outcome;
} vals;

static int value_index(const char **list, int *n, const char *s)
{
    for (int i = 0; i < *n; i++)
        if (!strcmp(list[i], s))
            return i;
    if (*n == MAX_VALUES)
        return 0;
    list[*n] = s;
    return (*n)++;
}

static void values_init(void)
{
    if (vals.n_object)
        return;
    for (int i = 0; i < cal_search_objects_n; i++)
        value_index(vals.object, &vals.n_object, cal_search_objects[i].a);
    for (int i = 0; i < cal_search_outcomes_n; i++)
        value_index(vals.outcome, &vals.n_outcome, cal_search_outcomes[i].a);
}

/* Searches a month per head in force fi's 2019/20 level. */
static double rate_of(int fi)
{
    return cal_forces[fi].searches / cal_population(fi, 2019);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Force fi's 2019/20 searches a month: its own files', else a rate per head
 * (Leicestershire's for the demo forces, its neighbour; the median of the
 * forces with files for the rest; the City of London, whose residents are
 * no measure of its daytime crowds, is left out of the median). */
static double level_of(int fi)
{
    if (cal_forces[fi].searches >= 0)
        return cal_forces[fi].searches;
    if (fi < CAL_N_DEMO)
        return rate_of(2) * cal_population(fi, 2019);
    double rates[CAL_N_FORCES] = {0};
    int n = 0;
    for (int i = 0; i < CAL_N_FORCES; i++)
        if (cal_forces[i].searches >= 0 && strcmp(cal_forces[i].slug, "city-of-london"))
            rates[n++] = rate_of(i);
    qsort(rates, (size_t)n, sizeof rates[0], cmp_double);
    double median = n ? (rates[(n - 1) / 2] + rates[n / 2]) / 2 : 0;
    return median * cal_population(fi, 2019);
}

/* The national shape in month m, 1 in January 2020 (the level's months). */
static double shape_at(month_t m)
{
    double x = (m - month_make(2018, 10)) / 12.0;
    int n = (int)(sizeof national_shape / sizeof national_shape[0]);
    double v = x <= 0 ? national_shape[0]
               : x >= n - 1 ? national_shape[n - 1]
               : national_shape[(int)x] +
                     (x - (int)x) * (national_shape[(int)x + 1] - national_shape[(int)x]);
    double jan2020 = national_shape[1] + 0.25 * (national_shape[2] - national_shape[1]);
    return v / jan2020;
}

/* A field that may hold a comma, quoted as police.uk would. */
static void put_field(struct out *o, const char *s)
{
    if (strchr(s, ',')) {
        out_put(o, "\"", 1);
        out_str(o, s);
        out_put(o, "\"", 1);
    } else {
        out_str(o, s);
    }
}

static const char *field_value(struct rng *r, int field)
{
    int i = cal_pick(r, cal_search_fields, cal_search_fields_n, field);
    return i < 0 ? "" : cal_search_fields[i].a;
}

struct search {
    char date[32];
    int spot;
    int object, outcome, ethnicity; /* indexes into the cal_ lists */
    const char *field[6];
};

static void search_draw(struct rng *r, month_t m, struct search *s)
{
    static const char *const bst = "0000111111100"; /* by month 1..12 */
    int day = 1 + (int)rng_below(r, (uint32_t)cal_month_days(m)), hour = (int)rng_below(r, 24);
    int minute = (int)rng_below(r, 60);
    month_t in = m;
    if (bst[month_of_year(m)] == '1' && rng_below(r, 1000) < 10) /* 23:xx local, stored as UTC */
        in = m - 1, day = cal_month_days(m - 1), hour = 23;
    snprintf(s->date, sizeof s->date, "%04d-%02d-%02dT%02d:%02d:00+00:00", month_year(in),
             month_of_year(in), day, hour, minute);
    s->spot = pool_draw(r, 0.03);
    s->object = cal_pick(r, cal_search_objects, cal_search_objects_n, 0);
    s->outcome = cal_pick(r, cal_search_outcomes, cal_search_outcomes_n,
                          !strcmp(cal_search_objects[s->object].a, DRUGS));
    s->ethnicity = cal_pick(r, cal_search_ethnicity, cal_search_ethnicity_n, 0);
    for (int f = F_TYPE; f <= F_OPERATION; f++)
        s->field[f] = field_value(r, f);
}

static void search_write(struct out *o, const struct search *s, const struct spot *pool)
{
    const struct cal_count *eth = &cal_search_ethnicity[s->ethnicity];
    const struct cal_count *obj = &cal_search_objects[s->object];
    out_printf(o, "%s,%s,%s,,", s->field[F_TYPE], s->date, s->field[F_OPERATION]);
    if (s->spot >= 0) {
        const struct spot *p = &pool[s->spot];
        out_put(o, p->text + p->lon_len + 1, p->lat_len);
        out_put(o, ",", 1);
        out_put(o, p->text, p->lon_len);
    } else {
        out_put(o, ",", 1);
    }
    out_printf(o, ",%s,%s,", s->field[F_GENDER], s->field[F_AGE]);
    put_field(o, eth->b);
    out_put(o, ",", 1);
    put_field(o, eth->a);
    out_put(o, ",", 1);
    put_field(o, obj->b);
    out_put(o, ",", 1);
    put_field(o, obj->a);
    out_put(o, ",", 1);
    put_field(o, cal_search_outcomes[s->outcome].a);
    out_printf(o, ",%s,%s\r\n", s->field[F_LINKED], s->field[F_REMOVAL]);
}

static int cmp_date(const void *a, const void *b)
{
    return strcmp(((const struct search *)a)->date, ((const struct search *)b)->date);
}

/* A truth cell: Object of search and Outcome. */
static size_t cell(int object, int outcome)
{
    return (size_t)object * MAX_VALUES + (size_t)outcome;
}

static int month_write(const struct plan *p, int fi, month_t m, const struct spot *pool,
                       struct truth *truth)
{
    struct rng r = rng_for(p->seed, RNG_SEARCH + (uint64_t)fi, (uint64_t)m);
    double mean = level_of(fi) * shape_at(m) * cal_days(m) * cal_covid(1.25, m);
    long n = rng_gamma_poisson(&r, mean, 0.015);
    struct search *v = malloc((size_t)(n + 1) * sizeof *v);
    char mon[8];
    struct out o;
    if (!v) {
        fprintf(stderr, "sio-gen: out of memory\n");
        return EX_OSERR;
    }
    for (long i = 0; i < n; i++)
        search_draw(&r, m, &v[i]);
    qsort(v, (size_t)n, sizeof *v, cmp_date);
    int rc = out_open_month(&o, p->out_dir, month_format(m, mon), gen_forces[fi].slug,
                            "stop-and-search");
    if (rc == 0) {
        out_put(&o, search_header, sizeof search_header - 1);
        for (long i = 0; i < n; i++) {
            search_write(&o, &v[i], pool);
            int object = value_index(vals.object, &vals.n_object,
                                     cal_search_objects[v[i].object].a);
            int outcome = value_index(vals.outcome, &vals.n_outcome,
                                      cal_search_outcomes[v[i].outcome].a);
            (*truth_at(truth, fi, m - p->from, cell(object, outcome)))++;
        }
        rc = out_close(&o);
    }
    free(v);
    return rc;
}

int searches_write(const struct plan *p, int fi, const struct spot *pool,
                   struct truth *truth)
{
    int rc = 0;
    for (month_t m = p->from; rc == 0 && m <= p->to; m++)
        rc = month_write(p, fi, m, pool, truth);
    return rc;
}

int search_truth_init(struct truth *truth, const struct plan *p)
{
    values_init();
    return truth_init(truth, p, MAX_VALUES * MAX_VALUES);
}

int search_truth_write(const struct truth *truth, const struct plan *p,
                       const char *path)
{
    int forces[GEN_N_FORCES], objects[MAX_VALUES], outcomes[MAX_VALUES];
    char mon[8];
    struct out o;
    int rc = truth_open(&o, path, "force,month,object_of_search,outcome,searches\n", forces,
                        p->n_forces);
    if (rc)
        return rc;
    truth_order(objects, vals.object, vals.n_object);
    truth_order(outcomes, vals.outcome, vals.n_outcome);
    for (int i = 0; i < p->n_forces; i++)
        for (int mi = 0; mi < truth->months; mi++)
            for (int a = 0; a < vals.n_object; a++)
                for (int b = 0; b < vals.n_outcome; b++) {
                    long c = *truth_at(truth, forces[i], mi, cell(objects[a], outcomes[b]));
                    if (c > 0)
                        out_printf(&o, "%s,%s,%s,%s,%ld\n", gen_forces[forces[i]].name,
                                   month_format(p->from + mi, mon), vals.object[objects[a]],
                                   vals.outcome[outcomes[b]], c);
                }
    return out_close(&o);
}
