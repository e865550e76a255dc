/*
 * compare.c — the three comparisons, their verdicts and sentences.
 *
 * Windows are chosen first, then judged (judge.c): an incomplete window
 * stops the comparison (no verdict) unless the analyst allowed gaps, in
 * which case counts are compared per covered month so the gap does not read
 * as a fall; overlapping windows (a short series) are never compared,
 * because the same months would count on both sides.  Sentences are built
 * from the same numbers that are stored, rounded to one decimal place, so
 * the text and the table can never disagree.
 */
#include "compare.h"
#include "judge.h"
#include "text/words.h"

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

static void choose_windows(const struct series *s, month_t last, const struct sio_config *cfg,
                           enum compare_kind kind, struct comparison *c)
{
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

/* Add to the sentence how many months the compared rates leave out. */
static void caution(struct comparison *c, const struct measure_def *m)
{
    int gaps = c->latest.expected + c->base.expected - c->latest.covered - c->base.covered;
    size_t n = strlen(c->sentence);
    if (gaps > 0)
        snprintf(c->sentence + n, sizeof c->sentence - n, " Caution: %d of the %d"
                 " months %s no data; %s per month with data were compared.", gaps,
                 c->latest.expected + c->base.expected, gaps == 1 ? "has" : "have",
                 m->proportion ? "proportions" : "rates");
}

static void none_sentence(struct comparison *c, const struct measure_def *m,
                          const struct sio_config *cfg)
{
    char when[64], vs[96];
    snprintf(c->sentence, sizeof c->sentence, "In %s, %s: none were recorded, as in"
             " the period compared %s; there is no change to test.",
             latest_phrase(c, when, sizeof when), m->label,
             against(c->kind, cfg, vs, sizeof vs));
}

/* The change stated, with why it cannot be judged against chance. */
static void untested_sentence(struct comparison *c, const struct measure_def *m,
                              const struct sio_config *cfg)
{
    char when[64], vs[96], chg[128];
    change_phrase(c, m, chg, sizeof chg);
    snprintf(c->sentence, sizeof c->sentence, "In %s, %s %s %s; whether that is more than the"
             " usual variation is not tested, because %s.", latest_phrase(c, when, sizeof when),
             m->label, chg, against(c->kind, cfg, vs, sizeof vs), c->note);
    caution(c, m);
}

static void judged_sentence(struct comparison *c, const struct measure_def *m,
                            const struct sio_config *cfg)
{
    char when[64], vs[96], chg[128], ci[96], sig[128];
    change_phrase(c, m, chg, sizeof chg);
    interval_phrase(c, m, cfg->confidence, ci, sizeof ci);
    if (!strcmp(c->verdict, "no significant change"))
        snprintf(sig, sizeof sig, "the change is not statistically significant");
    else
        snprintf(sig, sizeof sig, "the %s is statistically significant, %s",
                 c->change > 0 ? "rise" : "fall",
                 !strcmp(c->verdict, "improvement") ? "an improvement" : "a deterioration");
    snprintf(c->sentence, sizeof c->sentence, "In %s, %s %s %s; %s (%s).",
             latest_phrase(c, when, sizeof when), m->label, chg,
             against(c->kind, cfg, vs, sizeof vs), sig, ci);
    caution(c, m);
}

/* A window with no covered month: "July 2018 to June 2019". */
static void empty_window_note(struct comparison *c)
{
    const struct window *w = c->latest.covered == 0 ? &c->latest : &c->base;
    char a[24], b[24];
    snprintf(c->note, sizeof c->note, "there are no figures for %s to %s",
             compare_month_name(w->start, a), compare_month_name(w->end, b));
}

static void unjudged_sentence(struct comparison *c, const struct measure_def *m,
                              const struct sio_config *cfg)
{
    char vs[96];
    int gaps = c->latest.expected + c->base.expected - c->latest.covered - c->base.covered;
    if (!c->has_data)
        snprintf(c->sentence, sizeof c->sentence, "%s: no data for this force.", m->label);
    else if (c->note[0])
        snprintf(c->sentence, sizeof c->sentence, "%s: no verdict %s, because %s.",
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
    c->fit.phi = NAN;
    c->has_data = has_data;
    c->verdict = c->has_data ? "not comparable" : "no data";
}

static int windows_overlap(const struct comparison *c)
{
    return c->latest.start <= c->base.end && c->base.start <= c->latest.end;
}

static void comparison_usable(struct comparison *c, const struct sio_config *cfg)
{
    c->comparable = cfg->allow_missing
        ? c->latest.covered > 0 && c->base.covered > 0
        : window_complete(&c->latest) && window_complete(&c->base);
    if (c->comparable && windows_overlap(c)) {
        c->comparable = 0;
        snprintf(c->note, sizeof c->note, "the two windows overlap (the series is too short"
                 " for them to be separate)");
    }
}

static int comparison_finish(struct comparison *c, const struct series *s,
                             const struct measure_def *m, const struct sio_config *cfg,
                             int seasonal, struct sio_error *err);

int compare_ending(const struct series *s, month_t end, const struct measure_def *m,
                   const struct sio_config *cfg, enum compare_kind kind, int seasonal,
                   struct comparison *c, struct sio_error *err)
{
    comparison_init(c, kind, s->n > 0);
    if (c->has_data) {
        choose_windows(s, end, cfg, kind, c);
        comparison_usable(c, cfg);
    }
    return comparison_finish(c, s, m, cfg, seasonal, err);
}

int compare_make(const struct series *s, const struct measure_def *m,
                 const struct sio_config *cfg, enum compare_kind kind, int seasonal,
                 struct comparison *c, struct sio_error *err)
{
    return compare_ending(s, series_last_month(s), m, cfg, kind, seasonal, c, err);
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
    return comparison_finish(c, NULL, m, cfg, 0, err);
}

static int comparison_finish(struct comparison *c, const struct series *s,
                             const struct measure_def *m, const struct sio_config *cfg,
                             int seasonal, struct sio_error *err)
{
    int rc = c->comparable ? judge_comparison(c, s, m, cfg, seasonal, err) : SIO_OK;
    if (rc)
        return rc;
    if (c->comparable && !m->proportion && c->latest.num == 0 && c->base.num == 0)
        none_sentence(c, m, cfg);
    else if (c->comparable && !strcmp(c->verdict, "not tested"))
        untested_sentence(c, m, cfg);
    else if (c->comparable)
        judged_sentence(c, m, cfg);
    else {
        /* A window with nothing in it is missing, not a gap in a window. */
        int empty = c->has_data && (c->latest.covered == 0 || c->base.covered == 0);
        if (empty && !c->note[0])
            empty_window_note(c);
        c->verdict = c->has_data && !empty ? "not comparable" : "no data";
        unjudged_sentence(c, m, cfg);
    }
    return SIO_OK;
}
