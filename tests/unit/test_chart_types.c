/*
 * test_chart_types.c — the SPC, peer and overview charts and the readers of
 * the measures results tables, against rows inserted into a scratch store
 * (store_open creates every table) and in-memory series.
 *
 * Set SIO_CHART_OUT=DIR to keep the rendered charts in DIR for a look.
 */
#include "../../charts/chart.h"
#include "../../charts/funnel.h"
#include "../../charts/funnel_layout.h"
#include "../../charts/overview.h"
#include "../../charts/peerchart.h"
#include "../../charts/render.h"
#include "../../charts/results.h"
#include "../../charts/spcchart.h"

#include "config/chartopt.h"
#include "store/store.h"
#include "same_file.h"
#include "testing.h"

#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char outdir[256];
static sqlite3 *db;

static const struct chart_style style = {
    .classification = "OFFICIAL",
    .source_note = "Source: police.uk, Home Office",
    .version = "0.1.0",
};

static char *in_out(const char *name, char *buf, size_t size)
{
    snprintf(buf, size, "%s/%s", outdir, name);
    return buf;
}

static void exec(const char *sql)
{
    struct sio_error err;
    if (store_exec(db, sql, &err) != SIO_OK)
        printf("  SQL failed: %s\n", err.msg);
}

/* 24 months from 2020-04 for "Test Police" drugs: value 10 + i % 5, one
 * month (2020-09) NULL and one (2021-02) left out altogether; limits
 * recalculated from 2021-04 (segment 1); 2020-06 beyond the upper limit;
 * the summary concerning, hit and miss, target 12. */
static void insert_spc(void)
{
    char sql[512], w[8], value[16];
    exec("DELETE FROM spc_points; DELETE FROM spc_summary; DELETE FROM annotations");
    for (int i = 0; i < 24; i++) {
        int seg = i >= 12;
        if (i == 10)
            continue;
        if (i == 5)
            snprintf(value, sizeof value, "NULL");
        else
            snprintf(value, sizeof value, "%d", i == 2 ? 30 : 10 + i % 5);
        snprintf(sql, sizeof sql,
                 "INSERT INTO spc_points (force, measure, month, value, centre, lower, upper, lower2,"
                 " upper2, segment, rules, signal) VALUES ('Test Police','drugs','%s',%s,%d,%d,%d,NULL,NULL,%d,'%s','%s')",
                 month_format(month_make(2020, 4) + i, w), value, seg ? 11 : 12, seg ? 3 : 4,
                 seg ? 19 : 20, seg, i == 2 ? "beyond" : "", i == 2 ? "concern" : "");
        exec(sql);
    }
    exec("INSERT INTO spc_summary (force, measure, variation, assurance, target) VALUES ('Test Police','drugs','special cause concerning','hit and miss',12)");
    exec("INSERT INTO annotations (force, month, label) VALUES ('', '2020-04', 'Lockdown'), ('Test Police', '2021-01', 'New team'),"
         " ('Other Police', '2021-01', 'Not ours')");
}

/* Four members of a group and England and Wales; rates 2.0, 3.5, 5.0, 6.5,
 * mean 4.25 = (2.0 + 3.5 + 5.0 + 6.5) / 4. */
static void insert_peers(void)
{
    exec("DELETE FROM peer_results");
    exec("INSERT INTO peer_results (force, measure, period, group_name, member, rate_per_1000,"
         " ci_low, ci_high, rank, peer_mean, significant) VALUES"
         " ('Test Police','drugs','12 months to 2022-03','MSG','Test Police',5.0,4.5,5.5,3,4.25,1),"
         " ('Test Police','drugs','12 months to 2022-03','MSG','Alpha Police',2.0,1.8,2.2,1,4.25,1),"
         " ('Test Police','drugs','12 months to 2022-03','MSG','Beta Constabulary',6.5,NULL,NULL,4,4.25,1),"
         " ('Test Police','drugs','12 months to 2022-03','MSG','Gamma Police',3.5,3.1,3.9,2,4.25,0),"
         " ('Test Police','drugs','12 months to 2021-03','MSG','Test Police',9.0,NULL,NULL,1,9.0,0),"
         " ('Test Police','drugs','12 months to 2022-03','England and Wales','Test Police',5.0,NULL,NULL,20,5.6,0)");
}

TEST(spc_reader_fills_missing_months_as_gaps)
{
    struct spc_series s;
    struct sio_error err;
    insert_spc();
    CHECK_INT(results_spc(db, "Test Police", "drugs", &s, &err), SIO_OK);
    CHECK_INT(s.n, 24); /* 23 rows + the month left out */
    CHECK(isnan(s.p[5].value));
    CHECK(isnan(s.p[10].value));
    CHECK_INT(s.p[10].month, month_make(2021, 2));
    CHECK_NEAR(s.p[0].value, 10, 1e-12);
    CHECK_NEAR(s.p[2].value, 30, 1e-12);
    CHECK_STR(s.p[2].rules, "beyond");
    CHECK_INT(s.p[12].segment, 1);
    CHECK_STR(s.variation, "special cause concerning");
    CHECK_NEAR(s.target, 12, 1e-12);
    results_spc_free(&s);
}

TEST(spc_reader_leaves_an_absent_series_empty)
{
    struct spc_series s;
    struct sio_error err;
    CHECK_INT(results_spc(db, "No Such Police", "drugs", &s, &err), SIO_OK);
    CHECK_INT(s.n, 0);
    CHECK(isnan(s.target));
    results_spc_free(&s);
}

TEST(past_eight_missing_months_the_rest_are_counted)
{
    struct spc_point p[11];
    struct spc_series s = {.p = p, .n = 11};
    char b[256];
    for (int i = 0; i < 11; i++)
        p[i] = (struct spc_point){.month = month_make(2020, 4) + i, .value = NAN};
    CHECK_INT(results_missing_words(&s, b, sizeof b), 11);
    CHECK_STR(b, "Apr 2020, May 2020, Jun 2020, Jul 2020, Aug 2020, Sep 2020, Oct 2020, "
                 "Nov 2020 and 3 more");
}

TEST(missing_months_are_named)
{
    struct spc_series s;
    struct sio_error err;
    char b[256];
    insert_spc();
    results_spc(db, "Test Police", "drugs", &s, &err);
    CHECK_INT(results_missing_words(&s, b, sizeof b), 2);
    CHECK_STR(b, "Sep 2020, Feb 2021");
    results_spc_free(&s);
}

TEST(annotations_are_the_forces_own_and_everyones)
{
    struct annotation_list l;
    struct sio_error err;
    insert_spc();
    CHECK_INT(results_annotations(db, "Test Police", &l, &err), SIO_OK);
    CHECK_INT(l.n, 2);
    CHECK_STR(l.a[0].label, "Lockdown");
    CHECK_STR(l.a[1].label, "New team");
    results_annotations_free(&l);
}

TEST(spc_rule_precedence_is_trend_shift_two_of_three_beyond)
{
    struct spc_point p = {0};
    snprintf(p.rules, sizeof p.rules, "beyond,shift");
    CHECK_STR(spcchart_rule(&p), "shift");
    snprintf(p.rules, sizeof p.rules, "beyond,two_of_three,trend");
    CHECK_STR(spcchart_rule(&p), "trend");
    snprintf(p.rules, sizeof p.rules, "beyond");
    CHECK_STR(spcchart_rule(&p), "beyond");
    p.rules[0] = '\0';
    CHECK(spcchart_rule(&p) == NULL);
}

TEST(spc_title_and_alt_text_state_the_summary)
{
    struct spc_series s;
    struct sio_error err;
    char b[2048];
    insert_spc();
    results_spc(db, "Test Police", "drugs", &s, &err);
    snprintf(s.measure_label, sizeof s.measure_label, "Drug offences");
    CHECK_STR(spcchart_title(&s, b, sizeof b), "Drug offences: special cause variation, concerning, in the latest month");
    spcchart_alt_text(&s, b, sizeof b);
    /* current limits are segment 1's: centre 11.0, 3.0 to 19.0 */
    CHECK(strstr(b, "centre line of 11.0 and process limits of 3.0 to 19.0") != NULL);
    CHECK(strstr(b, "1 of 22 months are flagged") != NULL); /* 24 months, 2 missing */
    CHECK(strstr(b, "No data for Sep 2020, Feb 2021.") != NULL);
    CHECK(strstr(b, "Target: 12.0 a month.") != NULL);
    results_spc_free(&s);
}

TEST(peer_reader_takes_the_latest_period_sorted_by_rate)
{
    struct peer_series p;
    struct sio_error err;
    insert_peers();
    CHECK_INT(results_peers(db, "Test Police", "drugs", &p, &err), SIO_OK);
    CHECK_STR(p.period, "12 months to 2022-03");
    CHECK_INT(p.n, 4);
    if (p.n != 4)
        return;
    CHECK_STR(p.m[0].name, "Alpha Police");
    CHECK_STR(p.m[3].name, "Beta Constabulary");
    CHECK_NEAR(p.peer_mean, 4.25, 1e-12);
    CHECK_NEAR(p.national, 5.6, 1e-12);
    CHECK_INT(peerchart_rank(&p), 3);
    results_peers_free(&p);
}

TEST(peer_rank_words_only_where_the_test_finds_a_difference)
{
    struct peer_series p;
    struct sio_error err;
    char b[2048];
    insert_peers();
    exec("UPDATE peer_results SET significant = 0, population_year = 2021,"
         " population_source = 'mid-year estimate, population.csv' WHERE member = 'Test Police'");
    results_peers(db, "Test Police", "drugs", &p, &err);
    snprintf(p.measure_label, sizeof p.measure_label, "Drug offences");
    CHECK_STR(peerchart_title(&p, b, sizeof b),
              "Drug offences: Test Police is similar to its peers");
    peerchart_alt_text(&p, b, sizeof b);
    CHECK(strstr(b, "similar to its peers (no significant difference)") != NULL);
    CHECK(strstr(b, "highest of") == NULL && strstr(b, "lowest of") == NULL);
    CHECK(strstr(b, "population 2021 (mid-year estimate, population.csv)") != NULL);
    exec("UPDATE peer_results SET significant = NULL WHERE member = 'Test Police'");
    results_peers_free(&p);
    results_peers(db, "Test Police", "drugs", &p, &err);
    snprintf(p.measure_label, sizeof p.measure_label, "Drug offences");
    CHECK_STR(peerchart_title(&p, b, sizeof b),
              "Drug offences: rates in Test Police's most similar group");
    results_peers_free(&p);
}

TEST(peer_title_and_alt_text_have_rank_and_rates)
{
    struct peer_series p;
    struct sio_error err;
    char b[2048];
    insert_peers();
    results_peers(db, "Test Police", "drugs", &p, &err);
    snprintf(p.measure_label, sizeof p.measure_label, "Drug offences");
    /* rank 3 of 4 is 2nd from the top; the test found a difference */
    CHECK_STR(peerchart_title(&p, b, sizeof b),
              "Drug offences: Test Police has the 2nd highest rate of the 4 forces in its group");
    peerchart_alt_text(&p, b, sizeof b);
    CHECK(strstr(b, "12 months to Mar 2022") != NULL);
    /* rates under 10 are given to two decimals; the mean is (5.0 + 2.0 + 6.5 + 3.5) / 4 = 4.25 */
    CHECK(strstr(b, "Test Police: 5.00 per 1,000, 2nd highest of 4, a significant difference") != NULL);
    CHECK(strstr(b, "group mean 4.25; England and Wales 5.60; lowest Alpha Police (2.00), highest Beta Constabulary (6.50)") != NULL);
    results_peers_free(&p);
}

/* The peer chart's alt text for Test Police's drugs group as stored now. */
static const char *stored_peers_alt(char *b, size_t size)
{
    struct peer_series p;
    struct sio_error err;
    b[0] = '\0';
    if (results_peers(db, "Test Police", "drugs", &p, &err) == SIO_OK) {
        peerchart_alt_text(&p, b, size);
        results_peers_free(&p);
    }
    return b;
}

/* Members without a rate (no figures for the measure) are named as such,
 * never given as a highest rate of "nan". */
TEST(peer_alt_text_names_members_without_figures)
{
    char b[2048];
    insert_peers();
    exec("UPDATE peer_results SET rate_per_1000 = NULL, ci_low = NULL, ci_high = NULL, rank = NULL"
         " WHERE member = 'Beta Constabulary'");
    stored_peers_alt(b, sizeof b);
    CHECK(strstr(b, "nan") == NULL);
    CHECK(strstr(b, "lowest Alpha Police (2.00), highest Test Police (5.00). No figures for"
                    " Beta Constabulary.") != NULL);
    exec("UPDATE peer_results SET rate_per_1000 = NULL WHERE member IN ('Alpha Police', 'Gamma Police')");
    stored_peers_alt(b, sizeof b);
    CHECK(strstr(b, "nan") == NULL && strstr(b, "lowest ") == NULL);
    CHECK(strstr(b, "no other force in the group has figures to compare. No figures for"
                    " Alpha Police, Beta Constabulary and Gamma Police.") != NULL);
}

/* Six priorities: the first two with headlines (a count 10% lower, an
 * improvement; a percentage 2.1 points higher, no significant change), the
 * rest with no data loaded. */
static void overview_fixture(struct overview *ov)
{
    static const char *const titles[6] = {"Reduce murder and other homicide",
        "Reduce serious violence", "Disrupt drugs supply and county lines",
        "Reduce neighbourhood crime", "Tackle cyber crime", "Improve satisfaction among victims"};
    memset(ov, 0, sizeof *ov);
    snprintf(ov->force, sizeof ov->force, "test");
    snprintf(ov->force_name, sizeof ov->force_name, "Test Police");
    ov->baseline_start = month_make(2018, 7);
    ov->baseline_end = month_make(2019, 6);
    ov->n = 6;
    for (int k = 0; k < 6; k++) {
        struct overview_panel *p = &ov->p[k];
        snprintf(p->priority, sizeof p->priority, "%s", titles[k]);
        p->number = k + 1;
        p->change = p->level = p->latest = p->base = NAN;
        snprintf(p->verdict, sizeof p->verdict, "no data");
        if (k > 1)
            continue;
        snprintf(p->label, sizeof p->label, k ? "Victims satisfied" : "Homicide");
        snprintf(p->verdict, sizeof p->verdict, k ? "no significant change" : "improvement");
        p->percent = k;
        p->change = k ? 2.1 : -10.0;
        p->level = k ? 75.0 : 100.0;
        p->latest = k ? 77.1 : 360.0;
        p->base = k ? 75.0 : 400.0;
        p->q = calloc(4, sizeof *p->q);
        for (int i = 0; p->q && i < 4; i++)
            p->q[p->n++] = (struct overview_point){month_make(2021, 4) + 3 * i, k ? 76.0 + i : 90 + i, 0};
    }
}

/* A panel's words are 0.93 / 3 - 0.015 = 0.295 page wide. */
TEST(overview_panel_headings_too_long_to_read_move_to_the_note)
{
    struct overview ov;
    char h[256], note[512];
    CHECK_INT(overview_panel_label("Drug offences", 0.295, h, sizeof h), 0);
    CHECK_STR(h, "Drug offences");
    CHECK_INT(overview_panel_label("Neighbourhood crime (12-month totals; robbery includes "
                                   "business robbery)", 0.295, h, sizeof h), 1);
    CHECK_STR(h, "Neighbourhood crime*");
    overview_fixture(&ov);
    CHECK_STR(overview_label_note(&ov, 0.295, note, sizeof note), "");
    snprintf(ov.p[1].label, sizeof ov.p[1].label,
             "Burglary, robbery, theft from the person and vehicle crime, police.uk");
    CHECK_STR(overview_label_note(&ov, 0.295, note, sizeof note),
              "* In full: Burglary, robbery, theft from the person and vehicle crime, police.uk.");
    overview_clear(&ov);
}

/* The verdicts are the stored ones, counted once per priority. */
TEST(overview_counts_each_priority_once_with_its_stored_verdict)
{
    struct overview ov;
    char b[2048];
    overview_fixture(&ov);
    CHECK_STR(overview_title(&ov, b, sizeof b),
              "Test Police: 1 improved, 0 deteriorated, 1 no significant change, 4 no data");
    overview_alt_text(&ov, b, sizeof b);
    CHECK(strstr(b, "1. Reduce murder and other homicide: Homicide, 10.0% lower than the baseline "
                    "(improvement)") != NULL);
    CHECK(strstr(b, "2. Reduce serious violence: Victims satisfied, 2.1 points higher than the "
                    "baseline (no significant change)") != NULL);
    CHECK(strstr(b, "3. Disrupt drugs supply and county lines: no data loaded (no data)") != NULL);
    overview_clear(&ov);
}

/* The statement's rule (WORDS_SMALL_COUNT): a headline of 100 or fewer in
 * the latest 12 months is told as counts, never as a percentage change. */
TEST(overview_tells_a_small_count_as_counts)
{
    struct overview ov;
    char b[2048];
    overview_fixture(&ov);
    ov.p[0].latest = 5;
    ov.p[0].base = 9;
    ov.p[0].change = -44.4;
    snprintf(ov.p[0].verdict, sizeof ov.p[0].verdict, "not tested");
    overview_alt_text(&ov, b, sizeof b);
    CHECK(strstr(b, "1. Reduce murder and other homicide: Homicide, 5 in the latest 12 months, 9 "
                    "in the baseline year (not tested)") != NULL);
    CHECK(strstr(b, "44.4") == NULL);
    overview_clear(&ov);
}

TEST(every_chart_type_renders_the_same_svg_twice)
{
    struct spc_series s;
    struct peer_series p;
    struct overview ov;
    struct annotation_list notes;
    struct sio_error err;
    char a[600], b[600];
    insert_spc();
    insert_peers();
    results_spc(db, "Test Police", "drugs", &s, &err);
    results_annotations(db, "Test Police", &notes, &err);
    s.notes = &notes;
    results_peers(db, "Test Police", "drugs", &p, &err);
    overview_fixture(&ov);
    const struct { const char *name; chart_draw_fn fn; const void *data; } c[] = {
        {"spc", spcchart_draw, &s}, {"peers", peerchart_draw, &p}, {"overview", overview_draw, &ov}};
    for (int i = 0; i < 3; i++) {
        char n1[64], n2[64], n3[64];
        snprintf(n1, sizeof n1, "%s-1.svg", c[i].name);
        snprintf(n2, sizeof n2, "%s-2.svg", c[i].name);
        snprintf(n3, sizeof n3, "%s.png", c[i].name);
        CHECK_INT(chart_render(in_out(n1, a, sizeof a), CHART_SVG, c[i].fn, c[i].data, &style, &err), SIO_OK);
        CHECK_INT(chart_render(in_out(n2, b, sizeof b), CHART_SVG, c[i].fn, c[i].data, &style, &err), SIO_OK);
        CHECK(same_file(a, b));
        CHECK_INT(chart_render(in_out(n3, a, sizeof a), CHART_PNG, c[i].fn, c[i].data, &style, &err), SIO_OK);
    }
    results_spc_free(&s);
    results_peers_free(&p);
    results_annotations_free(&notes);
    overview_clear(&ov);
}

TEST(slide_size_changes_the_page_not_the_layout)
{
    struct chart_style slide = style;
    int w, h;
    /* slide: 254 x 143 mm; at 96 dpi 254/25.4*96 = 960, 143/25.4*96 = 540.47 */
    slide.width_mm = 254;
    slide.height_mm = 143;
    slide.dpi = 96;
    chart_page_px(&slide, CHART_PNG, &w, &h);
    CHECK_INT(w, 960);
    CHECK_INT(h, 540);
    /* SVG and PDF are in points: 254/25.4*72 = 720, 143/25.4*72 = 405.35 */
    chart_page_px(&slide, CHART_SVG, &w, &h);
    CHECK_INT(w, 720);
    CHECK_INT(h, 405);
}

TEST(variants_are_named_by_size_and_dpi)
{
    struct sio_config cfg;
    struct render r;
    struct sio_error err;
    char p[1200];
    memset(&cfg, 0, sizeof cfg);
    chartopt_defaults(&cfg);
    CHECK(chartopt_sizes("a4-column slide", cfg.chart_sizes, &cfg.n_chart_sizes));
    render_init(&r, &cfg, "0.1.0", NULL);
    render_path(&r, "d", "drugs-spc", 0, CHART_PNG, 0, p, sizeof p, &err);
    CHECK_STR(p, "d/drugs-spc.png");
    render_path(&r, "d", "drugs-spc", 0, CHART_PNG, 1, p, sizeof p, &err);
    CHECK_STR(p, "d/drugs-spc-96dpi.png");
    render_path(&r, "d", "drugs-spc", 1, CHART_SVG, 1, p, sizeof p, &err);
    CHECK_STR(p, "d/drugs-spc-slide.svg");
    render_path(&r, "d", "drugs-spc", 1, CHART_PNG, 1, p, sizeof p, &err);
    CHECK_STR(p, "d/drugs-spc-slide-96dpi.png");
}

TEST(chart_options_parse_and_refuse)
{
    struct sio_config cfg;
    unsigned rgb[CONFIG_PALETTE_N];
    int dpi[CONFIG_MAX_DPI], n = 0;
    memset(&cfg, 0, sizeof cfg);
    CHECK(chartopt_palette("analysis-function", rgb) && rgb[0] == 0x12436D && rgb[3] == 0xF46A25);
    CHECK(chartopt_palette("#000000 #111111 #222222 #333333 #444444 #555555", rgb) && rgb[5] == 0x555555);
    CHECK(!chartopt_palette("#000000 #111111", rgb));
    CHECK(!chartopt_palette("#00000g #111111 #222222 #333333 #444444 #555555", rgb));
    CHECK(chartopt_sizes("120x80mm", cfg.chart_sizes, &cfg.n_chart_sizes));
    CHECK_NEAR(cfg.chart_sizes[0].height_mm, 80, 1e-12);
    CHECK(!chartopt_sizes("a3-poster", cfg.chart_sizes, &cfg.n_chart_sizes));
    CHECK(!chartopt_sizes("slide slide", cfg.chart_sizes, &cfg.n_chart_sizes));
    CHECK(chartopt_dpi("300 96", dpi, &n) && n == 2 && dpi[1] == 96);
    CHECK(!chartopt_dpi("300 30", dpi, &n));
}

/* The budget: 100 charts in a few seconds.  Measured ~40 ms each
 * for a 300 dpi PNG; the bound is generous for sanitizer builds. */
/* A hundred renders in one process: none fails and the last is the first,
 * byte for byte, so nothing (PLplot streams, fonts, palettes) piles up or
 * leaks from one chart into the next.  How fast they render is for
 * make bench, not for a test. */
TEST(hundred_svg_charts_in_a_row_are_all_the_same)
{
    struct spc_series s;
    struct sio_error err;
    char first[600], p[600];
    int ok = 1;
    insert_spc();
    results_spc(db, "Test Police", "drugs", &s, &err);
    ok = chart_render(in_out("first.svg", first, sizeof first), CHART_SVG, spcchart_draw, &s,
                      &style, &err) == SIO_OK;
    for (int i = 1; i < 100 && ok; i++)
        ok = chart_render(in_out("many.svg", p, sizeof p), CHART_SVG, spcchart_draw, &s, &style,
                          &err) == SIO_OK;
    CHECK(ok);
    CHECK(same_file(first, p));
    results_spc_free(&s);
}

static void tidy(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char p[1024];
    while (d && (e = readdir(d))) {
        if (e->d_name[0] == '.' && (e->d_name[1] == '\0' || e->d_name[1] == '.'))
            continue;
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        remove(p);
    }
    if (d)
        closedir(d);
    rmdir(dir);
}

/* A funnel whose first `outside` of n forces lie outside the 99.8% limits,
 * each with a name as long as a real one, laid out as funnel_load does. */
static void funnel_fixture(struct funnel_series *s, struct funnel_point *p, size_t n,
                           size_t outside)
{
    struct funnel_frame f;
    memset(s, 0, sizeof *s);
    snprintf(s->force_name, sizeof s->force_name, "Test Police");
    snprintf(s->measure_label, sizeof s->measure_label, "Drug trafficking offences");
    snprintf(s->start, sizeof s->start, "2021-04");
    snprintf(s->end, sizeof s->end, "2022-03");
    snprintf(s->area, sizeof s->area, "England and Wales");
    s->target = 0.6;
    for (size_t i = 0; i < n; i++) {
        p[i] = (struct funnel_point){.count = 100, .population = 500000, .rate = 0.2,
                                     .low_998 = 0.5, .high_998 = 0.7};
        snprintf(p[i].key, sizeof p[i].key, "force-%02zu", i);
        snprintf(p[i].display, sizeof p[i].display, "Force number %02zu Constabulary", i);
        snprintf(p[i].position, sizeof p[i].position, "%s", i < outside ? "below 99.8%" : "within");
    }
    s->p = p;
    s->n = n;
    funnel_layout_frame(s, &f);
    funnel_layout_mark(s, &f);
}

/* The alt text of funnel_fixture's funnel. */
static const char *funnel_alt(size_t n, size_t outside, char *alt, size_t size)
{
    static struct funnel_point p[43];
    struct funnel_series s;
    funnel_fixture(&s, p, n, outside);
    return funnel_alt_text(&s, alt, size);
}

/* The demo's drug trafficking funnel had 29 forces outside its limits and
 * its alt text ended "Hampshire Constabulary (.": now every force outside
 * is counted, the 8 the chart names are named (all equally far out here:
 * the first 8 by key) and the rest counted, in whole words. */
TEST(funnel_alt_text_counts_the_forces_that_do_not_fit)
{
    char alt[8192];
    funnel_alt(43, 43, alt, sizeof alt);
    CHECK(strstr(alt, "Of the other 43 forces, 43 are outside the 99.8% limits (0 above, 43 "
                      "below) and 0 outside the 95% limits only. Named: Force number 00 "
                      "Constabulary (below), Force number 01") != NULL);
    CHECK(strstr(alt, "Force number 07 Constabulary (below). 35 more outside the 99.8% limits "
                      "are not named.\n") != NULL);
    CHECK(strstr(alt, "Force number 08") == NULL);
}

TEST(funnel_alt_text_names_every_force_outside_when_they_fit)
{
    char alt[8192];
    CHECK(strstr(funnel_alt(10, 2, alt, sizeof alt),
                 "Of the other 10 forces, 2 are outside the 99.8% limits (0 above, 2 below) and "
                 "0 outside the 95% limits only. Named: Force number 00 Constabulary (below), "
                 "Force number 01 Constabulary (below).\n") != NULL);
    CHECK(strstr(funnel_alt(10, 0, alt, sizeof alt),
                 "Of the other 10 forces, none is outside the 99.8% limits and 0 are outside "
                 "the 95% limits only.\n") != NULL);
}

int main(void)
{
    const char *keep = getenv("SIO_CHART_OUT");
    struct sio_error err;
    char store[400];

    snprintf(outdir, sizeof outdir, "%s", keep && *keep ? keep : "/tmp/sio-test-types-XXXXXX");
    if (keep && *keep)
        mkdir(outdir, 0777);
    else if (!mkdtemp(outdir))
        return 1;
    if (store_open(in_out("store.db", store, sizeof store), &db, &err) != SIO_OK) {
        printf("cannot open a scratch store: %s\n", err.msg);
        return 1;
    }
    RUN(spc_reader_fills_missing_months_as_gaps);
    RUN(spc_reader_leaves_an_absent_series_empty);
    RUN(missing_months_are_named);
    RUN(past_eight_missing_months_the_rest_are_counted);
    RUN(annotations_are_the_forces_own_and_everyones);
    RUN(spc_rule_precedence_is_trend_shift_two_of_three_beyond);
    RUN(spc_title_and_alt_text_state_the_summary);
    RUN(peer_reader_takes_the_latest_period_sorted_by_rate);
    RUN(peer_title_and_alt_text_have_rank_and_rates);
    RUN(peer_alt_text_names_members_without_figures);
    RUN(peer_rank_words_only_where_the_test_finds_a_difference);
    RUN(overview_counts_each_priority_once_with_its_stored_verdict);
    RUN(overview_tells_a_small_count_as_counts);
    RUN(overview_panel_headings_too_long_to_read_move_to_the_note);
    RUN(every_chart_type_renders_the_same_svg_twice);
    RUN(funnel_alt_text_counts_the_forces_that_do_not_fit);
    RUN(funnel_alt_text_names_every_force_outside_when_they_fit);
    RUN(slide_size_changes_the_page_not_the_layout);
    RUN(variants_are_named_by_size_and_dpi);
    RUN(chart_options_parse_and_refuse);
    RUN(hundred_svg_charts_in_a_row_are_all_the_same);
    store_close(db);
    if (!keep || !*keep)
        tidy(outdir);
    return TESTING_DONE();
}
