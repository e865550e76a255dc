/*
 * street.c — police.uk street files (see street.h).
 */
#include "street.h"
#include "calibration.h"
#include "forces.h"
#include "out.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

static const char street_header[] =
    "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,"
    "LSOA code,LSOA name,Crime type,Last outcome category,Context\r\n";

struct row {
    uint64_t id[4];             /* Crime ID bits; unused for ASB */
    int32_t spot;               /* pool index; -1: no location */
    struct outcome_plan outcome;
    uint8_t type;               /* T_* */
    uint8_t twin;               /* repeats an earlier row's Crime ID: not counted */
};

int street_truth_init(struct truth *truth, const struct plan *p)
{
    return truth_init(truth, p, N_TYPES);
}

double street_expected_rows(const struct plan *p, int fi)
{
    double sum = 0;
    for (month_t m = p->from; m <= p->to; m++)
        for (int t = 0; t < N_TYPES; t++)
            sum += cal_street_mean(fi, t, m);
    return sum / plan_months(p);
}

static void row_fill(struct rng *r, struct row *row, int t, double no_location)
{
    row->type = (uint8_t)t;
    row->twin = 0;
    for (int j = 0; j < 4; j++)
        row->id[j] = rng_next(r);
    row->spot = pool_draw(r, no_location);
    if (t == T_ASB)
        row->outcome = (struct outcome_plan){-1, 0, 0};
    else
        row->outcome = outcome_draw(r, t);
}

/* Draw the rows of one force-month: crimes and ASB, then repeated IDs
 * (another location, another outcome), shuffled.  Returns the row count,
 * or -1 when out of memory (*rows is then NULL). */
static long rows_draw(struct rng *r, const struct plan *p, int fi, month_t m,
                      struct row **rows)
{
    long n_type[N_TYPES], total = 0, crimes = 0;
    double no_location = cal_no_location_share(fi);
    for (int t = 0; t < N_TYPES; t++) {
        n_type[t] = rng_gamma_poisson(r, p->scale * cal_street_mean(fi, t, m),
                                      cal_street_cv2(t));
        total += n_type[t];
        crimes += t == T_ASB ? 0 : n_type[t];
    }
    long dups = crimes ? rng_poisson(r, 0.5 + 0.002 * (double)crimes) : 0;
    *rows = malloc((size_t)(total + dups + 1) * sizeof **rows);
    if (!*rows)
        return -1;
    long k = 0;
    for (int t = 0; t < N_TYPES; t++)
        for (long i = 0; i < n_type[t]; i++)
            row_fill(r, &(*rows)[k++], t, no_location);
    for (long i = 0; i < dups; i++, k++) {
        struct row *twin = &(*rows)[k];
        *twin = (*rows)[n_type[T_ASB] + (long)rng_below(r, (uint32_t)crimes)];
        twin->twin = 1;
        twin->spot = pool_draw(r, no_location);
        twin->outcome = outcome_draw(r, twin->type);
    }
    for (long i = k - 1; i > 0; i--) {
        long j = (long)rng_below(r, (uint32_t)(i + 1));
        struct row tmp = (*rows)[i];
        (*rows)[i] = (*rows)[j];
        (*rows)[j] = tmp;
    }
    return k;
}

/* Write one data row: the hot loop's body. */
static void row_write(struct out *o, const struct row *row, const char *prefix,
                      size_t prefix_len, const struct spot *pool, month_t m, month_t edition)
{
    static const char no_loc[] = ",,No Location,,";
    if (row->type != T_ASB)
        out_crime_id(o, row->id);
    out_put(o, prefix, prefix_len);
    if (row->spot < 0)
        out_put(o, no_loc, sizeof no_loc - 1);
    else
        out_put(o, pool[row->spot].text, pool[row->spot].len);
    out_put(o, ",", 1);
    out_str(o, cal_type_names[row->type]);
    out_put(o, ",", 1);
    const char *oc = outcome_street_text(row->outcome, m, edition);
    if (oc)
        out_str(o, oc);
    out_put(o, ",\r\n", 3);
}

/* Add a written file's rows to the truth and its published outcomes to log. */
static int rows_account(const struct plan *p, int fi, month_t m, const struct row *rows,
                        long n, struct truth *truth, struct outcome_log *log)
{
    for (long i = 0; i < n; i++) {
        if (rows[i].twin)
            continue;
        (*truth_at(truth, fi, m - p->from, rows[i].type))++;
        if (log && outcome_log_crime(log, rows[i].id, rows[i].spot, rows[i].type,
                                     rows[i].outcome, m, p->to) != 0)
            return -1;
    }
    return 0;
}

int street_write(const struct plan *p, int fi, month_t m, const struct spot *pool,
                 struct truth *truth, struct outcome_log *log)
{
    struct rng r = rng_for(p->seed, RNG_STREET + (uint64_t)fi, (uint64_t)m);
    char mon[8], prefix[160];
    struct row *rows;
    struct out o;
    long n = rows_draw(&r, p, fi, m, &rows);
    if (n < 0) {
        fprintf(stderr, "sio-gen: out of memory\n");
        return EX_OSERR;
    }
    month_format(m, mon);
    int plen = snprintf(prefix, sizeof prefix, ",%s,%s,%s,", mon, gen_forces[fi].name,
                        gen_forces[fi].name);
    int rc = out_open_month(&o, p->out_dir, mon, gen_forces[fi].slug, "street");
    if (rc == 0) {
        out_put(&o, street_header, sizeof street_header - 1);
        for (long i = 0; i < n; i++)
            row_write(&o, &rows[i], prefix, (size_t)plen, pool, m, p->to);
        rc = out_close(&o);
    }
    if (rc == 0 && rows_account(p, fi, m, rows, n, truth, log) != 0) {
        fprintf(stderr, "sio-gen: out of memory\n");
        rc = EX_OSERR;
    }
    free(rows);
    return rc;
}

int street_truth_write(const struct truth *truth, const struct plan *p,
                       const char *path)
{
    int order[GEN_N_FORCES];
    char mon[8];
    struct out o;
    int rc = truth_open(&o, path, "force,crime_type,month,count\n", order, p->n_forces);
    if (rc)
        return rc;
    for (int i = 0; i < p->n_forces; i++)
        for (int t = 0; t < N_TYPES; t++)
            for (int mi = 0; mi < truth->months; mi++) {
                long c = *truth_at(truth, order[i], mi, (size_t)t);
                if (c > 0)
                    out_printf(&o, "%s,%s,%s,%ld\n", gen_forces[order[i]].name,
                               cal_type_names[t], month_format(p->from + mi, mon), c);
            }
    return out_close(&o);
}
