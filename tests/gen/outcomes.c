/*
 * outcomes.c — crimes' outcomes and the outcomes files (see outcomes.h).
 */
#include "outcomes.h"
#include "calibration.h"
#include "forces.h"
#include "out.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#define MAX_OUTCOMES 512 /* entries of cal_outcomes */
#define MAX_TEXTS 32     /* distinct Outcome type strings */

static struct {
    int first[N_TYPES], count[N_TYPES];  /* cal_outcomes runs per type */
    double pending[CAL_N_PENDING];       /* P(lag > k), non-increasing */
    int file_text[MAX_OUTCOMES];         /* index into texts, -1: none */
    const char *texts[MAX_TEXTS];        /* the Outcome type strings */
    int n_texts;
    int ready;
} tab;

static const char under_investigation[] = "Under investigation";

/* The outcomes file's string for a street file's final category. */
static const char *file_text_for(const char *street)
{
    if (!strcmp(street, "Awaiting court outcome") || !strcmp(street, "Court result unavailable"))
        return "Suspect charged";
    if (!strcmp(street, "Status update unavailable") || !*street)
        return NULL;
    return street;
}

static int text_index(const char *s)
{
    for (int i = 0; i < tab.n_texts; i++)
        if (!strcmp(tab.texts[i], s))
            return i;
    if (tab.n_texts == MAX_TEXTS)
        return -1;
    tab.texts[tab.n_texts] = s;
    return tab.n_texts++;
}

void outcome_init(void)
{
    if (tab.ready)
        return;
    for (int i = 0; i < cal_n_outcomes && i < MAX_OUTCOMES; i++) {
        int t = cal_outcomes[i].group;
        if (!tab.count[t]++)
            tab.first[t] = i;
        const char *f = file_text_for(cal_outcomes[i].a);
        tab.file_text[i] = f ? text_index(f) : -1;
    }
    for (int k = 0; k < CAL_N_PENDING; k++)
        tab.pending[k] = k && cal_pending[k] > tab.pending[k - 1] ? tab.pending[k - 1]
                                                                  : cal_pending[k];
    tab.ready = 1;
}

struct outcome_plan outcome_draw(struct rng *r, int t)
{
    struct outcome_plan o = {-1, 0, 0};
    int i = cal_pick(r, cal_outcomes + tab.first[t], tab.count[t], t);
    o.final = (int16_t)(i < 0 ? -1 : tab.first[t] + i);
    double v = rng_unit(r);
    while (o.lag < CAL_N_PENDING && v < tab.pending[o.lag])
        o.lag++;
    o.repeat = rng_below(r, 1000) < 20;
    return o;
}

const char *outcome_street_text(struct outcome_plan o, month_t m, month_t edition)
{
    if (o.final < 0)
        return NULL;
    return m + o.lag > edition ? under_investigation : cal_outcomes[o.final].a;
}

static int log_push(struct outcome_log *log, const struct outcome_rec *rec)
{
    if (log->n == log->cap) {
        size_t cap = log->cap ? 2 * log->cap : 4096;
        struct outcome_rec *v = realloc(log->v, cap * sizeof *v);
        if (!v)
            return -1;
        log->v = v, log->cap = cap;
    }
    log->v[log->n++] = *rec;
    return 0;
}

int outcome_log_crime(struct outcome_log *log, const uint64_t id[4], int spot, int type,
                      struct outcome_plan o, month_t m, month_t edition)
{
    if (o.final < 0 || tab.file_text[o.final] < 0 || m + o.lag > edition)
        return 0;
    struct outcome_rec rec = {{id[0], id[1], id[2], id[3]}, spot, o.final, (uint8_t)type, 0,
                              m + o.lag};
    if (log_push(log, &rec) != 0)
        return -1;
    rec.repeat = 1;
    return o.repeat ? log_push(log, &rec) : 0;
}

/* ---- the files ------------------------------------------------------------ */

/* A truth cell: crime type and Outcome type. */
static size_t cell(int t, int text)
{
    return (size_t)t * MAX_TEXTS + (size_t)text;
}

/* Sort the log by month of publication, in place (counting sort), each
 * month's rows in a random order of their own. */
static int log_order(const struct plan *p, int fi, struct outcome_log *log, size_t *start)
{
    int months = plan_months(p);
    struct outcome_rec *sorted = malloc((log->n + 1) * sizeof *sorted);
    if (!sorted)
        return -1;
    memset(start, 0, (size_t)(months + 1) * sizeof *start);
    for (size_t i = 0; i < log->n; i++)
        start[log->v[i].month - p->from + 1]++;
    for (int mi = 0; mi < months; mi++)
        start[mi + 1] += start[mi];
    size_t *next = calloc((size_t)months, sizeof *next);
    if (!next) {
        free(sorted);
        return -1;
    }
    for (size_t i = 0; i < log->n; i++) {
        int mi = log->v[i].month - p->from;
        sorted[start[mi] + next[mi]++] = log->v[i];
    }
    free(next);
    for (int mi = 0; mi < months; mi++) {
        struct rng r = rng_for(p->seed, RNG_OUTCOMES + (uint64_t)fi, (uint64_t)(p->from + mi));
        for (size_t i = start[mi + 1] - start[mi]; i > 1; i--) {
            size_t j = rng_below(&r, (uint32_t)i);
            struct outcome_rec tmp = sorted[start[mi] + i - 1];
            sorted[start[mi] + i - 1] = sorted[start[mi] + j];
            sorted[start[mi] + j] = tmp;
        }
    }
    free(log->v);
    log->v = sorted;
    log->cap = log->n + 1;
    return 0;
}

static const char outcomes_header[] =
    "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,"
    "LSOA code,LSOA name,Outcome type\r\n";

static int month_write(const struct plan *p, int fi, month_t m, const struct spot *pool,
                       const struct outcome_rec *v, size_t n, struct truth *truth)
{
    char mon[8], prefix[160];
    struct out o;
    month_format(m, mon);
    int plen = snprintf(prefix, sizeof prefix, ",%s,%s,%s,", mon, gen_forces[fi].name,
                        gen_forces[fi].name);
    int rc = out_open_month(&o, p->out_dir, mon, gen_forces[fi].slug, "outcomes");
    if (rc)
        return rc;
    out_put(&o, outcomes_header, sizeof outcomes_header - 1);
    for (size_t i = 0; i < n; i++) {
        int text = tab.file_text[v[i].final];
        out_crime_id(&o, v[i].id);
        out_put(&o, prefix, (size_t)plen);
        if (v[i].spot < 0)
            out_str(&o, ",,No Location,,");
        else
            out_put(&o, pool[v[i].spot].text, pool[v[i].spot].len);
        out_put(&o, ",", 1);
        out_str(&o, tab.texts[text]);
        out_put(&o, "\r\n", 2);
        if (!v[i].repeat)
            (*truth_at(truth, fi, m - p->from, cell(v[i].type, text)))++;
    }
    return out_close(&o);
}

int outcomes_write(const struct plan *p, int fi, const struct spot *pool,
                   struct outcome_log *log, struct truth *truth)
{
    size_t *start = malloc((size_t)(plan_months(p) + 1) * sizeof *start);
    int rc = 0;
    if (!start || log_order(p, fi, log, start) != 0) {
        fprintf(stderr, "sio-gen: out of memory\n");
        rc = EX_OSERR;
    }
    for (int mi = 0; rc == 0 && mi < plan_months(p); mi++)
        if (start[mi + 1] > start[mi])
            rc = month_write(p, fi, p->from + mi, pool, log->v + start[mi],
                             start[mi + 1] - start[mi], truth);
    free(start);
    free(log->v);
    memset(log, 0, sizeof *log);
    return rc;
}

/* ---- the ground truth -------------------------------------------------- */

int outcome_truth_init(struct truth *truth, const struct plan *p)
{
    return truth_init(truth, p, N_TYPES * MAX_TEXTS);
}

int outcome_truth_write(const struct truth *truth, const struct plan *p,
                        const char *path)
{
    int forces[GEN_N_FORCES], texts[MAX_TEXTS];
    char mon[8];
    struct out o;
    int rc = truth_open(&o, path, "force,month,crime_type,outcome_type,crimes\n", forces,
                        p->n_forces);
    if (rc)
        return rc;
    truth_order(texts, tab.texts, tab.n_texts);
    for (int i = 0; i < p->n_forces; i++)
        for (int mi = 0; mi < truth->months; mi++)
            for (int t = 0; t < N_TYPES; t++)
                for (int k = 0; k < tab.n_texts; k++) {
                    long c = *truth_at(truth, forces[i], mi, cell(t, texts[k]));
                    if (c > 0)
                        out_printf(&o, "%s,%s,%s,%s,%ld\n", gen_forces[forces[i]].name,
                                   month_format(p->from + mi, mon), cal_type_names[t],
                                   tab.texts[texts[k]], c);
                }
    return out_close(&o);
}
