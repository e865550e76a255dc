/*
 * periods.c — month, quarter, year and rolling-year rows.
 */
#include "periods.h"
#include "annotate.h"
#include "population.h"
#include "source.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static void coverage_note(struct emitter *e, const struct window *w, char *buf, size_t size)
{
    char notes[300];
    size_t n = annotations_describe(e->notes, e->force, w->start, w->end, notes, sizeof notes);
    int k = 0;
    if (w->covered == 0)
        k = snprintf(buf, size, "no data");
    else if (w->covered < w->expected)
        k = snprintf(buf, size, "partial: %d of %d months missing", w->expected - w->covered,
                     w->expected);
    else
        buf[0] = '\0';
    if (n && k >= 0 && (size_t)k < size)
        snprintf(buf + k, size - (size_t)k, "%s%s", k ? "; " : "", notes);
}

static int rate_row(struct emitter *e, struct result *r, const struct window *w,
                    const struct estimate *count, struct sio_error *err)
{
    long pop;
    int year;
    char method[160], lv[16];
    population_for(&e->src->population, e->force, w->start, w->end, &pop, &year);
    if (pop <= 0)
        return SIO_OK;
    double k = 1000.0 / (double)pop;
    snprintf(method, sizeof method, "count / %ld (population, %d) x 1,000; exact Poisson %s"
             " interval of the count, scaled", pop, year, results_level(e->cfg->confidence, lv));
    r->statistic = "rate_per_1000";
    r->est = (struct estimate){count->value * k, count->low * k, count->high * k};
    r->unit = "per 1,000 population";
    r->method = method;
    return results_put(e, r, err);
}

/* The first pass: the count whose exact interval the window needs. */
static int periods_list(struct count_list *l, const struct window *w)
{
    if (w->covered == 0 || w->num < 0 || l->failed)
        return SIO_OK;
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 4096;
        long *more = realloc(l->x, cap * sizeof *more);
        if (!more) {
            l->failed = 1; /* the second pass works them out one by one */
            return SIO_OK;
        }
        l->x = more;
        l->cap = cap;
    }
    l->x[l->n++] = w->num;
    return SIO_OK;
}

int periods_window(struct emitter *e, const char *type, const char *label,
                   const struct window *w, struct sio_error *err)
{
    struct estimate est;
    char note[400], method[160], lv[16];
    int prop = e->m->proportion;
    if (e->counts)
        return prop ? SIO_OK : periods_list(e->counts, w);
    int rc = prop ? window_proportion(w, e->cfg->confidence, &est, err)
                  : window_count(w, e->cfg->confidence, &est, err);
    if (rc)
        return rc;
    coverage_note(e, w, note, sizeof note);
    snprintf(method, sizeof method, "%s, %s", prop ? WINDOW_METHOD_PROPORTION
             : WINDOW_METHOD_COUNT, results_level(e->cfg->confidence, lv));
    struct result r = {type, label, w->start, w->end, prop ? "proportion_pct" : "count", est,
                       config_measure_unit(e->m),
                       method, w->covered, w->expected, note};
    if ((rc = results_put(e, &r, err)))
        return rc;
    if (prop) {
        r.statistic = "denominator";
        r.est = (struct estimate){w->covered ? (double)w->den : NAN, NAN, NAN};
        r.unit = "cases";
        r.method = "sum of the periods' denominators";
        return results_put(e, &r, err);
    }
    if (w->expected == 12 && w->covered == 12 && isfinite(est.low))
        return rate_row(e, &r, w, &est, err);
    return SIO_OK;
}

static int emit_months(struct emitter *e, const struct series *s, struct sio_error *err)
{
    char label[16];
    struct window w;
    int rc = SIO_OK;
    for (int i = 0; i < s->n && !rc; i++) {
        month_t m = series_month(s, i);
        window_take(s, m, m, &w);
        rc = periods_window(e, "month", month_format(m, label), &w, err);
    }
    return rc;
}

static int emit_quarters_years(struct emitter *e, const struct series *s,
                               struct sio_error *err)
{
    char label[32];
    struct window w;
    month_t last = series_last_month(s);
    int rc = SIO_OK;
    for (month_t q = month_fq_start(s->first); series_step(s) <= 3 && q <= last && !rc;
         q += 3) {
        window_take(s, q, q + 2, &w);
        rc = periods_window(e, "fq", month_fq_label(q, label), &w, err);
    }
    for (int y = month_fy(s->first); y <= month_fy(last) && !rc; y++) {
        window_take(s, month_make(y, 4), month_make(y + 1, 3), &w);
        snprintf(label, sizeof label, "%d/%02d", y, (y + 1) % 100);
        rc = periods_window(e, "fy", label, &w, err);
    }
    return rc;
}

/* Rolling 12 months ending each month (each quarter for quarterly data). */
static int emit_rolling(struct emitter *e, const struct series *s, struct sio_error *err)
{
    char label[40], mon[8];
    struct window w;
    int rc = SIO_OK;
    for (int i = 0; i < s->n && !rc; i++) {
        month_t end = series_month(s, i) + series_step(s) - 1;
        window_take(s, end - 11, end, &w);
        snprintf(label, sizeof label, "12 months to %s", month_format(end, mon));
        rc = periods_window(e, "r12", label, &w, err);
    }
    return rc;
}

int periods_emit(struct emitter *e, const struct series *s, struct sio_error *err)
{
    int rc = series_step(s) == 1 ? emit_months(e, s, err) : SIO_OK;
    if (!rc)
        rc = emit_quarters_years(e, s, err);
    return rc ? rc : emit_rolling(e, s, err);
}
