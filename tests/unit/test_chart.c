/*
 * test_chart.c — the chart house style, its stream fence and the quarterly
 * chart, against in-memory series (no store needed).
 *
 * The charts/ files are compiled in here because the Makefile links a unit
 * test with libsio.a only, and stage code is not in libsio.a.  Set
 * SIO_CHART_OUT=DIR to keep the rendered fixture charts in DIR for a look.
 */
#include "../../charts/chart.h"
#include "../../charts/quarterly.h"
#include "../../charts/frame.h"

#include "quarter_fixture.h"
#include "same_file.h"
#include "testing.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdlib.h>

static char outdir[512]; /* where this run renders */

static const struct chart_style style = {
    .classification = "OFFICIAL",
    .source_note = "Source: police.uk street-level crime data, Thames Valley Police.",
    .version = "0.1.0",
};

static int exists(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0;
}

/* Entries of dir whose name contains part (stray temporaries). */
static int count_files(const char *dir, const char *part)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;
    while (d && (e = readdir(d)))
        n += strstr(e->d_name, part) != NULL;
    if (d)
        closedir(d);
    return n;
}

static char *in_out(const char *name, char *buf, size_t size)
{
    snprintf(buf, size, "%s/%s", outdir, name);
    return buf;
}

TEST(thousands_separators)
{
    char b[32];
    CHECK_STR(words_thousands(0, b, sizeof b), "0");
    CHECK_STR(words_thousands(999, b, sizeof b), "999");
    CHECK_STR(words_thousands(1000, b, sizeof b), "1,000");
    CHECK_STR(words_thousands(1234567, b, sizeof b), "1,234,567");
    CHECK_STR(words_thousands(-4500, b, sizeof b), "-4,500");
}

TEST(baseline_level_is_average_per_quarter)
{
    struct quarter_series s;
    struct quarter_point q[16];
    fixture(&s, q);
    CHECK_NEAR(quarterly_baseline_level(&s), 1826.0 / 12 * 3, 1e-12);
    s.baseline_months = 0;
    CHECK(isnan(quarterly_baseline_level(&s)));
}

TEST(title_states_the_latest_comparable_finding)
{
    struct quarter_series s;
    struct quarter_point q[16];
    char b[256];
    fixture(&s, q);
    CHECK_STR(quarterly_title(&s, b, sizeof b),
              "Neighbourhood crime: 12.4% lower than the baseline (improvement)");
    q[14].change_pct = 7.6;
    snprintf(q[14].verdict, sizeof q[14].verdict, "deterioration");
    CHECK_STR(quarterly_title(&s, b, sizeof b),
              "Neighbourhood crime: 7.6% higher than the baseline (deterioration)");
    snprintf(q[14].verdict, sizeof q[14].verdict, "not tested");
    CHECK_STR(quarterly_title(&s, b, sizeof b),
              "Neighbourhood crime: 7.6% higher than the baseline (not tested)");
    snprintf(q[14].verdict, sizeof q[14].verdict, "no significant change");
    CHECK_STR(quarterly_title(&s, b, sizeof b),
              "Neighbourhood crime: no significant change from the baseline (7.6% higher)");
    q[14].change_pct = 0.04;
    CHECK_STR(quarterly_title(&s, b, sizeof b),
              "Neighbourhood crime: no significant change from the baseline (in line)");
    snprintf(q[14].verdict, sizeof q[14].verdict, "not comparable");
    CHECK_STR(quarterly_title(&s, b, sizeof b), "Neighbourhood crime: not comparable with the baseline");
}

/* The statement's rule (WORDS_SMALL_COUNT): 100 or fewer in the latest 12
 * months are told as counts, never as a percentage change.  The fixture is
 * homicide's figures: 5 in the 12 months to Mar 2022, 9 in the baseline
 * year, not tested. */
static void small_count_fixture(struct quarter_series *s, struct quarter_point *q)
{
    fixture(s, q);
    snprintf(s->measure_label, sizeof s->measure_label, "Homicide");
    snprintf(s->noun, sizeof s->noun, "homicides");
    q[14].r12_count = 5;
    s->baseline_count = 9;
    q[14].change_pct = -44.4;
    q[14].ci_low_pct = q[14].ci_high_pct = NAN;
    snprintf(q[14].verdict, sizeof q[14].verdict, "not tested");
}

TEST(title_of_a_small_count_gives_the_counts_not_a_percentage)
{
    struct quarter_series s;
    struct quarter_point q[16];
    char b[256];
    small_count_fixture(&s, q);
    CHECK_STR(quarterly_title(&s, b, sizeof b),
              "Homicide: 5 in the latest 12 months, 9 in the baseline year (not tested)");
    q[14].r12_count = 101; /* one above the rule: a percentage again */
    CHECK_STR(quarterly_title(&s, b, sizeof b), "Homicide: 44.4% lower than the baseline (not tested)");
}

TEST(alt_text_of_a_small_count_gives_the_counts_not_a_percentage)
{
    struct quarter_series s;
    struct quarter_point q[16];
    char b[1024];
    small_count_fixture(&s, q);
    quarterly_alt_text(&s, b, sizeof b);
    CHECK(strstr(b, "In the 12 months to Mar 2022 there were 5 homicides, against 9 in the "
                    "baseline year (verdict: not tested)") != NULL);
    CHECK(strstr(b, "%") == NULL);
}

TEST(subtitle_names_force_and_periods)
{
    struct quarter_series s;
    struct quarter_point q[16];
    char b[256];
    fixture(&s, q);
    CHECK_STR(quarterly_subtitle(&s, b, sizeof b),
              "Thames Valley Police. 12 months to Mar 2022 compared with the baseline, Jul 2018 to Jun 2019");
}

TEST(alt_text_has_the_key_numbers)
{
    struct quarter_series s;
    struct quarter_point q[16];
    char b[1024];
    fixture(&s, q);
    quarterly_alt_text(&s, b, sizeof b);
    CHECK(strstr(b, "neighbourhood crime recorded by Thames Valley Police") != NULL);
    CHECK(strstr(b, "from 2018/19 Q2 to 2022/23 Q1") != NULL);
    CHECK(strstr(b, "baseline average of 457 crimes per quarter (Jul 2018 to Jun 2019)") != NULL);
    CHECK(strstr(b, "In the 12 months to Mar 2022 it was 12.4% lower than the baseline") != NULL);
    CHECK(strstr(b, "2022/23 Q1, had 243 crimes in the 2 of its 3 months with data") != NULL);
    CHECK(b[strlen(b) - 1] == '\n');
}

TEST(alt_text_counts_what_the_measure_counts)
{
    struct quarter_series s;
    struct quarter_point q[16];
    char b[1024];
    fixture(&s, q);
    snprintf(s.noun, sizeof s.noun, "county lines closed");
    quarterly_alt_text(&s, b, sizeof b);
    CHECK(strstr(b, "baseline average of 457 county lines closed per quarter") != NULL);
    CHECK(strstr(b, "had 243 county lines closed in the 2 of its 3 months") != NULL);
    CHECK(strstr(b, "crimes") == NULL);
}

TEST(alt_text_of_a_plain_number_has_no_noun)
{
    struct quarter_series s;
    struct quarter_point q[16];
    char b[1024];
    fixture(&s, q);
    s.noun[0] = '\0';
    quarterly_alt_text(&s, b, sizeof b);
    CHECK(strstr(b, "baseline average of 457 per quarter") != NULL);
    CHECK(strstr(b, "had 243 in the 2 of its 3 months") != NULL);
}

/* Steps worked by hand: top / 5 is the raw step; its mantissa picks 1, 2,
 * 2.5, 5 or 10; a count axis (min_step 1) takes 2 where 2.5 would fall. */
TEST(a_count_axis_never_steps_by_two_and_a_half)
{
    CHECK_NEAR(frame_nice_step(12.0, 1.0), 2.0, 0);   /* raw 2.4: 2.5 refused */
    CHECK_NEAR(frame_nice_step(120.0, 1.0), 25.0, 0); /* raw 24: 25 is whole */
    CHECK_NEAR(frame_nice_step(12.0, 0.1), 2.5, 0);   /* rates may use 2.5 */
    CHECK_NEAR(frame_nice_step(0.041, 1e-4), 0.01, 1e-12); /* raw 0.0082 */
    CHECK_NEAR(frame_nice_step(3.0, 1.0), 1.0, 0);    /* raw 0.6: the floor */
}

TEST(tick_labels_show_every_multiple_of_the_step_exactly)
{
    char b[32];
    CHECK_INT(frame_step_decimals(25), 0);
    CHECK_INT(frame_step_decimals(2.5), 1);
    CHECK_INT(frame_step_decimals(0.25), 2);
    CHECK_INT(frame_step_decimals(0.005), 3);
    frame_tick_label(7.5, frame_step_decimals(2.5), b, sizeof b);
    CHECK_STR(b, "7.5");
    frame_tick_label(12500, frame_step_decimals(2500), b, sizeof b);
    CHECK_STR(b, "12,500");
    frame_tick_label(0.03, frame_step_decimals(0.01), b, sizeof b);
    CHECK_STR(b, "0.03");
}

/* An event's label never touches its dashed line (the "f" of "first
 * national lockdown" did, drawn half a space from it): the text starts the
 * gap right of the line, or ends the gap left of it at the right edge.
 * Worked by hand: line at 3, gap 0.2, a 2-wide label, the plot ending at 10. */
TEST(an_event_label_stands_a_gap_clear_of_its_line)
{
    double just;
    CHECK_NEAR(frame_annotation_text_x(3.0, 2.0, 0.2, 10.0, &just), 3.2, 1e-12);
    CHECK_NEAR(just, 0.0, 0); /* the text's left edge at 3.2 */
    CHECK_NEAR(frame_annotation_text_x(9.0, 2.0, 0.2, 10.0, &just), 8.8, 1e-12);
    CHECK_NEAR(just, 1.0, 0); /* 9.2 + 2 > 10: the text's right edge at 8.8 */
    CHECK_NEAR(frame_annotation_text_x(7.8, 2.0, 0.2, 10.0, &just), 8.0, 1e-12);
    CHECK_NEAR(just, 0.0, 0); /* 8.0 + 2 = 10 fits exactly */
}

TEST(svg_renumbering_is_by_first_use)
{
    const char *in = "<g id=\"surface17\"><use xlink:href=\"#surface23\"/>"
                     "<use xlink:href=\"#surface17\"/> surface9 <g id=\"image40\">";
    size_t n;
    char *out = chart_svg_renumber(in, strlen(in), &n);
    CHECK_STR(out, "<g id=\"surface1\"><use xlink:href=\"#surface2\"/>"
                   "<use xlink:href=\"#surface1\"/> surface9 <g id=\"image1\">");
    CHECK_INT(n, strlen(out));
    free(out);
}

TEST(svg_twice_gives_the_same_bytes)
{
    struct quarter_series s;
    struct quarter_point q[16];
    struct sio_error err;
    char a[600], b[600];
    fixture(&s, q);
    CHECK_INT(chart_render(in_out("a.svg", a, sizeof a), CHART_SVG, quarterly_draw, &s, &style, &err), SIO_OK);
    CHECK_INT(chart_render(in_out("b.svg", b, sizeof b), CHART_SVG, quarterly_draw, &s, &style, &err), SIO_OK);
    CHECK(same_file(a, b));
    CHECK(count_files(outdir, ".tmp") == 0);
}

/* a4-column is 170 x 106 mm: at 300 dpi 170/25.4*300 = 2007.9 -> 2008 and
 * 106/25.4*300 = 1251.97 -> 1252 pixels; at 96 dpi 642.5 -> 643 (lround
 * rounds half away from zero) and 400.6 -> 401. */
TEST(png_is_the_configured_size_at_the_configured_dpi)
{
    struct quarter_series s;
    struct quarter_point q[16];
    struct sio_error err;
    unsigned char h[24] = {0};
    char p[600];
    fixture(&s, q);
    CHECK_INT(chart_render(in_out("neighbourhood_crime.png", p, sizeof p), CHART_PNG,
                           quarterly_draw, &s, &style, &err), SIO_OK);
    FILE *f = fopen(p, "rb");
    CHECK(f && fread(h, 1, sizeof h, f) == sizeof h);
    if (f)
        fclose(f);
    CHECK(memcmp(h, "\x89PNG\r\n\x1a\n", 8) == 0);
    CHECK_INT((h[16] << 24 | h[17] << 16 | h[18] << 8 | h[19]), 2008);
    CHECK_INT((h[20] << 24 | h[21] << 16 | h[22] << 8 | h[23]), 1252);
    struct chart_style screen = style;
    screen.dpi = 96;
    CHECK_INT(chart_render(in_out("screen.png", p, sizeof p), CHART_PNG, quarterly_draw, &s,
                           &screen, &err), SIO_OK);
    f = fopen(p, "rb");
    CHECK(f && fread(h, 1, sizeof h, f) == sizeof h);
    if (f)
        fclose(f);
    CHECK_INT((h[16] << 24 | h[17] << 16 | h[18] << 8 | h[19]), 643);
    CHECK_INT((h[20] << 24 | h[21] << 16 | h[22] << 8 | h[23]), 401);
}

TEST(pdf_is_reproducible_with_source_date_epoch)
{
    struct quarter_series s;
    struct quarter_point q[16];
    struct sio_error err;
    char a[600], b[600];
    size_t n = 0;
    fixture(&s, q);
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    CHECK_INT(chart_render(in_out("a.pdf", a, sizeof a), CHART_PDF, quarterly_draw, &s, &style, &err), SIO_OK);
    CHECK_INT(chart_render(in_out("b.pdf", b, sizeof b), CHART_PDF, quarterly_draw, &s, &style, &err), SIO_OK);
    unsetenv("SOURCE_DATE_EPOCH");
    CHECK(same_file(a, b));
    char *pdf = chart_slurp(a, &n);
    CHECK(pdf && strlen(pdf) < n); /* binary: search past NULs by hand */
    int found = 0;
    for (size_t i = 0; pdf && i + 31 <= n && !found; i++)
        found = memcmp(pdf + i, "/CreationDate (D:20231114221320", 31) == 0;
    CHECK(found);
    free(pdf);
}

TEST(gaps_and_empty_series_still_render)
{
    struct quarter_series s;
    struct quarter_point q[16];
    struct sio_error err;
    char p[600];
    fixture(&s, q);
    q[5].months_covered = 0;
    q[5].count = 0;
    memmove(&q[9], &q[10], 6 * sizeof q[0]); /* quarter 10 has no row at all */
    s.n = 15;
    CHECK_INT(chart_render(in_out("gaps.png", p, sizeof p), CHART_PNG, quarterly_draw, &s, &style, &err), SIO_OK);
    s.n = 0;
    CHECK_INT(chart_render(in_out("empty.svg", p, sizeof p), CHART_SVG, quarterly_draw, &s, &style, &err), SIO_OK);
}

TEST(unwritable_output_is_cantcreat_and_leaves_nothing)
{
    struct quarter_series s;
    struct quarter_point q[16];
    struct sio_error err;
    fixture(&s, q);
    CHECK_INT(chart_render("/dev/null/x.svg", CHART_SVG, quarterly_draw, &s, &style, &err),
              SIO_ECANTCREAT);
    CHECK(strstr(err.file, "/dev/null/x.svg") != NULL);
    CHECK_INT(chart_make_dir("/dev/null/charts/x", &err), SIO_ECANTCREAT);
    CHECK_INT(count_files("/dev", ".plot") , 0);
    CHECK_INT(chart_write_text("/dev/null/x.txt", "hi\n", &err), SIO_ECANTCREAT);
}

TEST(make_dir_makes_parents)
{
    struct sio_error err;
    char p[600];
    CHECK_INT(chart_make_dir(in_out("charts/thames-valley-police", p, sizeof p), &err), SIO_OK);
    CHECK(exists(p));
    CHECK_INT(chart_write_text(in_out("charts/thames-valley-police/x.txt", p, sizeof p), "hi\n", &err), SIO_OK);
    CHECK(exists(p));
}

/* Remove what this run wrote, unless SIO_CHART_OUT asked to keep it. */
static void tidy(const char *dir, int depth)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char p[1024];
    while (d && (e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        if (depth < 3)
            tidy(p, depth + 1);
        remove(p);
    }
    if (d)
        closedir(d);
}

int main(void)
{
    const char *keep = getenv("SIO_CHART_OUT");
    if (keep && *keep) {
        snprintf(outdir, sizeof outdir, "%s", keep);
        mkdir(outdir, 0777);
    } else {
        snprintf(outdir, sizeof outdir, "/tmp/sio-test-chart-XXXXXX");
        if (!mkdtemp(outdir))
            return 1;
    }
    RUN(thousands_separators);
    RUN(baseline_level_is_average_per_quarter);
    RUN(title_states_the_latest_comparable_finding);
    RUN(title_of_a_small_count_gives_the_counts_not_a_percentage);
    RUN(alt_text_of_a_small_count_gives_the_counts_not_a_percentage);
    RUN(subtitle_names_force_and_periods);
    RUN(alt_text_has_the_key_numbers);
    RUN(alt_text_counts_what_the_measure_counts);
    RUN(alt_text_of_a_plain_number_has_no_noun);
    RUN(a_count_axis_never_steps_by_two_and_a_half);
    RUN(tick_labels_show_every_multiple_of_the_step_exactly);
    RUN(an_event_label_stands_a_gap_clear_of_its_line);
    RUN(svg_renumbering_is_by_first_use);
    RUN(svg_twice_gives_the_same_bytes);
    RUN(png_is_the_configured_size_at_the_configured_dpi);
    RUN(pdf_is_reproducible_with_source_date_epoch);
    RUN(gaps_and_empty_series_still_render);
    RUN(unwritable_output_is_cantcreat_and_leaves_nothing);
    RUN(make_dir_makes_parents);
    if (!keep || !*keep) {
        tidy(outdir, 0);
        rmdir(outdir);
    }
    return TESTING_DONE();
}
