/*
 * peerchart.c — words and drawing for the peer comparison.
 *
 * World coordinates: x is the rate per 1,000 from zero; member k in rate
 * order spans y = n-k-1 .. n-k, so the lowest rate is the top bar.  The left
 * margin is as wide as the longest force name needs (up to 40% of the page).
 */
#include "peerchart.h"

#include "frame.h"

#include <plplot.h>

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* Decimal places that keep the group's rates apart: one for rates of ten or
 * more, two from one to ten, three below one (small areas, rare crimes). */
static int rate_decimals(const struct peer_series *s)
{
    double top = 0;
    for (size_t i = 0; i < s->n; i++)
        if (isfinite(s->m[i].rate))
            top = fmax(top, s->m[i].rate);
    return top >= 10 ? 1 : top >= 1 ? 2 : 3;
}

size_t peerchart_rated(const struct peer_series *s)
{
    size_t n = 0;
    for (size_t i = 0; i < s->n; i++)
        n += isfinite(s->m[i].rate) != 0;
    return n;
}

const struct peer_member *peerchart_self(const struct peer_series *s)
{
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->m[i].name, s->force) == 0)
            return &s->m[i];
    return NULL;
}

int peerchart_rank(const struct peer_series *s)
{
    const struct peer_member *me = peerchart_self(s);
    if (!me)
        return 0;
    return me->rank > 0 ? me->rank : (int)(me - s->m) + 1;
}

static const char *ordinal_suffix(int n)
{
    if (n % 100 >= 11 && n % 100 <= 13)
        return "th";
    return n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
}

/* "the lowest", "the 3rd lowest", "the highest", "the 2nd highest". */
static void rank_words(int rank, int n, char *buf, size_t size)
{
    int from_top = n - rank + 1;
    if (rank == 1)
        snprintf(buf, size, "the lowest");
    else if (from_top == 1)
        snprintf(buf, size, "the highest");
    else if (rank <= from_top)
        snprintf(buf, size, "the %d%s lowest", rank, ordinal_suffix(rank));
    else
        snprintf(buf, size, "the %d%s highest", from_top, ordinal_suffix(from_top));
}

/* A default group of the force's region (measures/peers.h) is no most
 * similar group: it is named as what it is. */
static int regional(const struct peer_series *s)
{
    size_t n = strlen(s->group), t = strlen(" region");
    return n > t && !strcmp(s->group + n - t, " region");
}

/* "Warwickshire Police's most similar group (Demo neighbours)", "the West
 * Midlands region". */
static char *group_words(const struct peer_series *s, char *buf, size_t size)
{
    if (regional(s))
        snprintf(buf, size, "the %s", s->group);
    else
        snprintf(buf, size, "%s's most similar group (%s)", s->force_name, s->group);
    return buf;
}

/* Rank words only where the test finds a difference: a rank among rates
 * that differ by chance is no finding. */
char *peerchart_title(const struct peer_series *s, char *buf, size_t size)
{
    char r[32];
    const struct peer_member *me = peerchart_self(s);
    int rank = peerchart_rank(s);

    if (rank && me && me->significant == 1) {
        rank_words(rank, (int)s->n, r, sizeof r);
        snprintf(buf, size, "%s: %s has %s rate of the %zu forces in its %s",
                 s->measure_label, s->force_name, r, s->n, regional(s) ? "region" : "group");
    } else if (rank && me && me->significant == 0)
        snprintf(buf, size, "%s: %s is similar to its peers", s->measure_label,
                 s->force_name);
    else
        snprintf(buf, size, "%s: rates in %s's %s", s->measure_label, s->force_name,
                 regional(s) ? "region" : "most similar group");
    return buf;
}

char *peerchart_period_words(const char *period, char *buf, size_t size)
{
    size_t n = strlen(period);
    month_t m = n >= 7 ? month_parse(period + n - 7, 7) : MONTH_NONE;
    char w[12];


    if (m == MONTH_NONE)
        snprintf(buf, size, "%s", period);
    else
        snprintf(buf, size, "%.*s%s", (int)(n - 7), period, month_words(m, w));
    return buf;
}

/* " No figures for A, B and C." for the members without a rate (they sort
 * last), or "" when every member has one. */
static void unrated_words(const struct peer_series *s, size_t rated, char *buf, size_t size)
{
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = rated; i < s->n && o < size; i++)
        o += (size_t)snprintf(buf + o, size - o, "%s%s", i == rated ? " No figures for "
                              : i + 1 == s->n ? " and " : ", ", s->m[i].display);
    if (o && o < size)
        snprintf(buf + o, size - o, ".");
}

char *peerchart_alt_text(const struct peer_series *s, char *buf, size_t size)
{
    size_t rated = peerchart_rated(s);
    const struct peer_member *me = peerchart_self(s), *lo = &s->m[0];
    const struct peer_member *hi = &s->m[rated ? rated - 1 : 0]; /* unrated members sort last */
    char unrated[512];
    char label[128], period[96], r[32], nat[64] = "";
    int d = rate_decimals(s);
    size_t o;

    snprintf(label, sizeof label, "%s", s->measure_label);
    if (isupper((unsigned char)label[0]) && !isupper((unsigned char)label[1]))
        label[0] = (char)tolower((unsigned char)label[0]);
    peerchart_period_words(s->period, period, sizeof period);
    if (isfinite(s->national))
        snprintf(nat, sizeof nat, "; England and Wales %.*f", d, s->national);
    char group[320];
    o = (size_t)snprintf(buf, size, "Bar chart of %s per 1,000 population for the %zu forces in %s, %s. ",
                         label, s->n, group_words(s, group, sizeof group), period);
    if (o < size && me && isfinite(me->rate) && me->significant == 1) {
        rank_words(peerchart_rank(s), (int)s->n, r, sizeof r);
        o += (size_t)snprintf(buf + o, size - o, "%s: %.*f per 1,000, %s of %zu, a significant"
                              " difference from the others; ", s->force_name, d, me->rate,
                              r + 4, s->n);
    } else if (o < size && me && isfinite(me->rate))
        o += (size_t)snprintf(buf + o, size - o, "%s: %.*f per 1,000, %s; ", s->force_name, d,
                              me->rate, me->significant == 0
                                  ? "similar to its peers (no significant difference)"
                                  : "not tested against its peers");
    if (o < size && s->population_year)
        o += (size_t)snprintf(buf + o, size - o, "population %d (%s); ", s->population_year,
                              s->population_source);
    unrated_words(s, rated, unrated, sizeof unrated);
    if (o < size && rated >= 2)
        snprintf(buf + o, size - o, "group mean %.*f%s; lowest %s (%.*f), highest %s (%.*f).%s\n",
                 d, s->peer_mean, nat, lo->display, d, lo->rate, hi->display, d, hi->rate,
                 unrated);
    else if (o < size) /* a mean, lowest and highest of one rate would say nothing */
        snprintf(buf + o, size - o, "no other force in the group has figures to compare.%s\n",
                 unrated);
    return buf;
}

/* ---- drawing ---------------------------------------------------------- */

static double left_margin(const struct peer_series *s)
{
    double w = 0;
    for (size_t i = 0; i < s->n; i++)
        w = fmax(w, chart_text_width(s->m[i].display, FRAME_BODY, 1));
    return fmin(0.05 + w + 0.015, 0.4);
}

static double x_top(const struct peer_series *s, double *step)
{
    double top = 0;
    for (size_t i = 0; i < s->n; i++) {
        top = fmax(top, isfinite(s->m[i].ci_high) ? s->m[i].ci_high : 0);
        top = fmax(top, isfinite(s->m[i].rate) ? s->m[i].rate : 0);
    }
    if (isfinite(s->peer_mean))
        top = fmax(top, s->peer_mean);
    if (isfinite(s->national))
        top = fmax(top, s->national);
    /* Rates of rare events (county lines closed) are hundredths per 1,000:
     * the axis follows them down rather than squeezing them against zero. */
    *step = frame_nice_step(fmax(top * 1.15, 1e-3), 1e-4);
    return fmax(ceil(top * 1.15 / *step), 1.0) * *step;
}

static void bar(double x1, double y0, double y1)
{
    PLFLT x[4] = {0, x1, x1, 0}, y[4] = {y0, y0, y1, y1};
    plfill(4, x, y);
}

static void draw_member(const struct peer_series *s, size_t k, double xmax)
{
    const struct peer_member *m = &s->m[k];
    int self = strcmp(m->name, s->force) == 0;
    double y = (double)(s->n - k - 1);
    char v[32];

    chart_text_size(FRAME_BODY);
    plsfont(PL_FCI_SANS, PL_FCI_UPRIGHT, self ? PL_FCI_BOLD : PL_FCI_MEDIUM);
    plcol0(CHART_INK);
    /* outside the window, where plptex would be clipped */
    plmtex("lv", 0.6, (y + 0.5) / (double)s->n, 1.0, m->display);
    if (!isfinite(m->rate)) {
        plptex(xmax * 0.01, y + 0.5, 1.0, 0.0, 0.0, "no data");
        plsfont(PL_FCI_SANS, PL_FCI_UPRIGHT, PL_FCI_MEDIUM);
        return;
    }
    plcol0(self ? CHART_DARK_BLUE : CHART_PALE_BLUE);
    bar(m->rate, y + 0.18, y + 0.82);
    double end = m->rate;
    if (isfinite(m->ci_low) && isfinite(m->ci_high)) {
        PLFLT wx[2] = {m->ci_low, m->ci_high}, wy[2] = {y + 0.5, y + 0.5};
        plcol0(CHART_INK);
        chart_pen(1.5);
        plline(2, wx, wy);
        chart_pen(1.0);
        end = fmax(end, m->ci_high);
    }
    snprintf(v, sizeof v, "%.*f", rate_decimals(s), m->rate);
    plcol0(CHART_INK);
    plptex(end + xmax * 0.01, y + 0.5, 1.0, 0.0, 0.0, v);
    plsfont(PL_FCI_SANS, PL_FCI_UPRIGHT, PL_FCI_MEDIUM);
}

/* A vertical reference line with its label above the plot, in row 0 or 1. */
static void reference(double x, double xmax, double ytop, int colour, int dashed,
                      const char *words, int row)
{
    PLINT mark[1] = {2500}, space[1] = {1500};
    PLFLT lx[2] = {x, x}, ly[2] = {0, ytop};

    plcol0(colour);
    chart_pen(2.5);
    if (dashed)
        plstyl(1, mark, space);
    plline(2, lx, ly);
    plstyl(0, NULL, NULL);
    chart_pen(1.0);
    chart_text_size(FRAME_NOTE);
    plmtex("t", 0.7 + 1.6 * row, x / xmax, 0.5, words);
}

static void x_label(PLINT axis, PLFLT value, char *label, PLINT length, PLPointer data)
{
    (void)axis;
    frame_tick_label(value, *(const int *)data, label, (size_t)length);
}

void peerchart_draw(const void *series, const struct chart_style *st)
{
    const struct peer_series *s = series;
    char title[256], subtitle[384], period[96], words[96], heading[96], axis_title[128];
    char population[256];
    const char *notes[2] = {"Bars: rate per 1,000 population, whiskers its confidence interval where known; lines: the averages.",
                            population};
    int n_notes = 1;
    double step, xmax = x_top(s, &step), x0 = left_margin(s), ytop = (double)s->n;
    int decimals = frame_step_decimals(step);

    peerchart_title(s, title, sizeof title);
    snprintf(axis_title, sizeof axis_title, "%s per 1,000 population",
             words_noun_heading(s->noun, heading, sizeof heading));
    snprintf(subtitle, sizeof subtitle, "%s, %s. %s%s", axis_title,
             peerchart_period_words(s->period, period, sizeof period),
             regional(s) ? "The forces of the " : "Most similar group: ", s->group);
    if (s->population_year) {
        snprintf(population, sizeof population, "Population: %d (%s).", s->population_year,
                 s->population_source[0] ? s->population_source : "source not recorded");
        n_notes++;
    }
    frame_words(title, subtitle, 0.0, notes, n_notes, st);
    plvpor(x0, FRAME_X1, frame_plot_bottom(n_notes), FRAME_Y1 - 0.04);
    plwind(0.0, xmax, 0.0, ytop);
    chart_text_size(FRAME_BODY);
    plcol0(CHART_GRID);
    plbox("g", step, 0, "", 0, 0);
    plcol0(CHART_DARK_GREY);
    plslabelfunc(x_label, &decimals);
    plbox("bnto", step, 0, "", 0, 0);
    plslabelfunc(NULL, NULL);
    plcol0(CHART_INK);
    plmtex("b", 3.2, 0.5, 0.5, axis_title);
    for (size_t k = 0; k < s->n; k++)
        draw_member(s, k, xmax);
    if (isfinite(s->peer_mean)) {
        snprintf(words, sizeof words, "Group mean %.*f", rate_decimals(s), s->peer_mean);
        reference(s->peer_mean, xmax, ytop, CHART_DARK_PINK, 0, words, 0);
    }
    if (isfinite(s->national)) {
        snprintf(words, sizeof words, "England and Wales %.*f", rate_decimals(s), s->national);
        reference(s->national, xmax, ytop, CHART_DARK_GREY, 1, words,
                  isfinite(s->peer_mean) && fabs(s->national - s->peer_mean) < xmax * 0.35);
    }
}
