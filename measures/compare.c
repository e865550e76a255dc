/*
 * compare.c — the three comparisons, their verdicts and sentences.
 *
 * Windows are chosen first, then judged: an incomplete window stops the
 * comparison (no verdict) unless the analyst allowed gaps, in which case
 * counts are compared per covered month so the gap does not read as a fall.
 * Sentences are built from the same numbers that are stored, rounded to
 * one decimal place, so the text and the table can never disagree.
 */
#include "compare.h"
#include "text/words.h"
#include "annotate.h"
#include "stats/binomial.h"
#include "stats/poisson.h"
#include "store/store.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const month_names[] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
};

const char *compare_month_name(month_t m, char *buf)
{
    snprintf(buf, 24, "%s %d", month_names[month_of_year(m) - 1], month_year(m));
    return buf;
}

const char *compare_name(enum compare_kind kind)
{
    return kind == COMPARE_BASELINE ? "baseline"
         : kind == COMPARE_YEAR_EARLIER ? "year_earlier" : "quarter_last_year";
}

/* The last month of the latest complete financial quarter at or before m. */
static month_t quarter_end_before(month_t m)
{
    month_t end = month_fq_start(m) + 2;
    return end > m ? end - 3 : end;
}

static void choose_windows(const struct series *s, const struct sio_config *cfg,
                           enum compare_kind kind, struct comparison *c)
{
    month_t last = series_last_month(s);
    if (kind == COMPARE_QUARTER) {
        month_t q = quarter_end_before(last);
        window_take(s, q - 2, q, &c->latest);
        window_take(s, q - 14, q - 12, &c->base);
        return;
    }
    window_take(s, last - 11, last, &c->latest);
    if (kind == COMPARE_BASELINE)
        window_take(s, cfg->baseline_start, cfg->baseline_end, &c->base);
    else
        window_take(s, last - 23, last - 12, &c->base);
}

static int direction_verdict(struct comparison *c, int dir, int better)
{
    c->verdict = dir == 0 ? "no significant change"
               : dir == better ? "improvement" : "deterioration";
    return SIO_OK;
}

static int judge_counts(struct comparison *c, const struct measure_def *m, double level,
                        struct sio_error *err)
{
    struct poisson_ratio r;
    c->latest_value = (double)c->latest.num;
    c->base_value = (double)c->base.num;
    if (c->latest.num < 0 || c->base.num < 0) {
        c->comparable = 0;
        snprintf(c->note, sizeof c->note, "a negative total (published revisions)");
        return SIO_OK;
    }
    int rc = poisson_ratio_ci(c->latest.num, c->latest.covered, c->base.num,
                              c->base.covered, level, &r, err);
    if (rc)
        return rc;
    c->change = 100.0 * (r.ratio - 1.0);
    c->low = 100.0 * (r.low - 1.0);
    c->high = 100.0 * (r.high - 1.0);
    return direction_verdict(c, (int)poisson_verdict(&r), m->better);
}

static int judge_proportions(struct comparison *c, const struct measure_def *m,
                             double level, struct sio_error *err)
{
    struct binomial_difference d;
    if (c->latest.den <= 0 || c->base.den <= 0) {
        c->comparable = 0;
        return SIO_OK;
    }
    c->latest_value = 100.0 * (double)c->latest.num / (double)c->latest.den;
    c->base_value = 100.0 * (double)c->base.num / (double)c->base.den;
    int rc = binomial_newcombe_ci(c->latest.num, c->latest.den, c->base.num, c->base.den,
                                  level, &d, err);
    if (rc)
        return rc;
    c->change = 100.0 * d.estimate;
    c->low = 100.0 * d.low;
    c->high = 100.0 * d.high;
    return direction_verdict(c, c->low > 0 ? 1 : c->high < 0 ? -1 : 0, m->better);
}

/* ---- sentences ---------------------------------------------------------- */

static const char *against(enum compare_kind kind, const struct sio_config *cfg, char *buf,
                           size_t size)
{
    char b[24];
    if (kind == COMPARE_BASELINE)
        snprintf(buf, size, "against the baseline (the %d months to %s)",
                 cfg->baseline_end - cfg->baseline_start + 1,
                 compare_month_name(cfg->baseline_end, b));
    else if (kind == COMPARE_YEAR_EARLIER)
        snprintf(buf, size, "against the same 12 months a year earlier");
    else
        snprintf(buf, size, "against the same quarter a year earlier");
    return buf;
}

static const char *latest_phrase(const struct comparison *c, char *buf, size_t size)
{
    char b[24];
    if (c->kind == COMPARE_QUARTER)
        return month_fq_label(c->latest.start, buf);
    snprintf(buf, size, "the 12 months to %s", compare_month_name(c->latest.end, b));
    return buf;
}

static void change_phrase(const struct comparison *c, const struct measure_def *m,
                          char *buf, size_t size)
{
    const char *way = c->change > 0 ? "rose" : c->change < 0 ? "fell" : "did not change";
    char from[32], to[32];
    if (m->proportion)
        snprintf(buf, size, "%s %.1f percentage points (from %.1f%% to %.1f%%)", way,
                 fabs(c->change), c->base_value, c->latest_value);
    else if (isinf(c->change))
        snprintf(buf, size, "rose from none to %s",
                 words_thousands(lround(c->latest_value), to, sizeof to));
    else
        snprintf(buf, size, "%s %.1f%% (from %s to %s)", way, fabs(c->change),
                 words_thousands(lround(c->base_value), from, sizeof from),
                 words_thousands(lround(c->latest_value), to, sizeof to));
}

static void interval_phrase(const struct comparison *c, const struct measure_def *m,
                            double level, char *buf, size_t size)
{
    const char *u = m->proportion ? " points" : "%";
    if (isinf(c->high))
        snprintf(buf, size, "%g%% CI %.1f%s to no upper limit", 100 * level, c->low, u);
    else
        snprintf(buf, size, "%g%% CI %.1f%s to %.1f%s", 100 * level, c->low,
                 m->proportion ? "" : "%", c->high, u);
}

static void judged_sentence(struct comparison *c, const struct measure_def *m,
                            const struct sio_config *cfg)
{
    char when[64], vs[96], chg[128], ci[96], sig[128];
    if (!m->proportion && c->latest.num == 0 && c->base.num == 0) {
        snprintf(c->sentence, sizeof c->sentence, "In %s, %s: none were recorded, as in"
                 " the period compared %s; there is no change to test.",
                 latest_phrase(c, when, sizeof when), m->label,
                 against(c->kind, cfg, vs, sizeof vs));
        return;
    }
    change_phrase(c, m, chg, sizeof chg);
    interval_phrase(c, m, cfg->confidence, ci, sizeof ci);
    if (!strcmp(c->verdict, "no significant change"))
        snprintf(sig, sizeof sig, "the change is not statistically significant");
    else
        snprintf(sig, sizeof sig, "the %s is statistically significant, %s",
                 c->change > 0 ? "rise" : "fall",
                 !strcmp(c->verdict, "improvement") ? "an improvement" : "a deterioration");
    int n = snprintf(c->sentence, sizeof c->sentence, "In %s, %s %s %s; %s (%s).",
                     latest_phrase(c, when, sizeof when), m->label, chg,
                     against(c->kind, cfg, vs, sizeof vs), sig, ci);
    int gaps = c->latest.expected + c->base.expected - c->latest.covered - c->base.covered;
    if (gaps > 0 && n > 0 && (size_t)n < sizeof c->sentence)
        snprintf(c->sentence + n, sizeof c->sentence - (size_t)n, " Caution: %d of the %d"
                 " months %s no data; %s per month with data were compared.", gaps,
                 c->latest.expected + c->base.expected, gaps == 1 ? "has" : "have",
                 m->proportion ? "proportions" : "rates");
}

static void unjudged_sentence(struct comparison *c, const struct measure_def *m,
                              const struct sio_config *cfg)
{
    char vs[96];
    int gaps = c->latest.expected + c->base.expected - c->latest.covered - c->base.covered;
    if (!c->has_data)
        snprintf(c->sentence, sizeof c->sentence, "%s: no data for this force.", m->label);
    else if (c->note[0])
        snprintf(c->sentence, sizeof c->sentence, "%s: no verdict %s, because of %s.",
                 m->label, against(c->kind, cfg, vs, sizeof vs), c->note);
    else
        snprintf(c->sentence, sizeof c->sentence, "%s: no verdict %s, because %d of the %d"
                 " months compared %s no data.", m->label,
                 against(c->kind, cfg, vs, sizeof vs), gaps,
                 c->latest.expected + c->base.expected, gaps == 1 ? "has" : "have");
}

static void comparison_init(struct comparison *c, enum compare_kind kind, int has_data)
{
    memset(c, 0, sizeof *c);
    c->kind = kind;
    c->change = c->low = c->high = c->latest_value = c->base_value = NAN;
    c->has_data = has_data;
    c->verdict = c->has_data ? "not comparable" : "no data";
}

static void comparison_usable(struct comparison *c, const struct sio_config *cfg)
{
    c->comparable = cfg->allow_missing
        ? c->latest.covered > 0 && c->base.covered > 0
        : window_complete(&c->latest) && window_complete(&c->base);
}

static int comparison_finish(struct comparison *c, const struct measure_def *m,
                             const struct sio_config *cfg, struct sio_error *err);

int compare_make(const struct series *s, const struct measure_def *m,
                 const struct sio_config *cfg, enum compare_kind kind,
                 struct comparison *c, struct sio_error *err)
{
    comparison_init(c, kind, s->n > 0);
    if (c->has_data) {
        choose_windows(s, cfg, kind, c);
        comparison_usable(c, cfg);
    }
    return comparison_finish(c, m, cfg, err);
}

int compare_windows(const struct window *latest, const struct window *base,
                    const char *why_not, const struct measure_def *m,
                    const struct sio_config *cfg, enum compare_kind kind,
                    struct comparison *c, struct sio_error *err)
{
    comparison_init(c, kind, 1);
    c->latest = *latest;
    c->base = *base;
    if (latest->covered && base->covered)
        comparison_usable(c, cfg);
    else
        snprintf(c->note, sizeof c->note, "%s", why_not);
    return comparison_finish(c, m, cfg, err);
}

static int comparison_finish(struct comparison *c, const struct measure_def *m,
                             const struct sio_config *cfg, struct sio_error *err)
{
    int rc = SIO_OK;
    if (c->comparable)
        rc = m->proportion ? judge_proportions(c, m, cfg->confidence, err)
                           : judge_counts(c, m, cfg->confidence, err);
    if (rc)
        return rc;
    if (c->comparable)
        judged_sentence(c, m, cfg);
    else {
        c->verdict = c->has_data ? "not comparable" : "no data";
        unjudged_sentence(c, m, cfg);
    }
    return SIO_OK;
}
