/*
 * test_chart_surface.c — a chart's files from one chart_render_all() call
 * (each PNG on its own image, SVG and PDF in one PLplot pass through a tee)
 * are the files PLplot's own devices write for the same drawing: the PNG's
 * pixels are memcairo's, the SVG and PDF bytes are svgcairo's and
 * pdfcairo's (tidied as sio tidies them); and two calls give the same bytes.
 *
 * PLplot's devices are driven here as sio-charts drove them before it drew
 * on its own cairo surfaces (chart.c at 2026-12-07): the house page size,
 * palette, driver options and font, then the chart's own draw function.
 */
#include "../../charts/chart.h"
#include "../../charts/quarterly.h"
#include "sys/sourcedate.h"

#include "quarter_fixture.h"
#include "same_file.h"
#include "testing.h"

#include <plplot.h>
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char outdir[512];

static const struct chart_style style = {
    .classification = "OFFICIAL",
    .source_note = "Source: police.uk street-level crime data, Thames Valley Police.",
    .version = "0.1.0",
    .width_mm = 170, .height_mm = 106, .dpi = 300,
};

static char *in_out(const char *name, char *buf, size_t size)
{
    snprintf(buf, size, "%s/%s", outdir, name);
    return buf;
}

/* The chart on a PLplot device of its own: file for svgcairo and pdfcairo,
 * rgb (white to start with) for memcairo.  The page size is the one
 * chart_render() last drew, whose layout state chart.c keeps. */
static void on_device(const char *device, const char *file, unsigned char *rgb, int width,
                      int height, int dpi, const struct quarter_series *s)
{
    PLINT strm, prev;
    plgstrm(&prev);
    plmkstrm(&strm);
    plsdev(device);
    plspage(dpi, dpi, width, height, 0, 0);
    if (rgb)
        plsmem(width, height, rgb);
    else
        plsfnam(file);
    plscmap0n(CHART_N_COLOURS);
    chart_set_palette(NULL);
    plsetopt("drvopt", "text_anti_aliasing=2,graphics_anti_aliasing=2");
    plinit();
    plsfont(PL_FCI_SANS, PL_FCI_UPRIGHT, PL_FCI_MEDIUM);
    pladv(0);
    quarterly_draw(s, &style);
    plend1();
    plsstrm(prev);
}

/* The resolution a PNG file records (pHYs, dots a metre), in dots an inch;
 * 0 when it records none. */
static int png_dpi(FILE *f)
{
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    png_uint_32 xr = 0, yr = 0;
    int unit = 0, dpi = 0;
    if (info && !setjmp(png_jmpbuf(png))) {
        png_init_io(png, f);
        png_read_info(png, info);
        if (png_get_pHYs(png, info, &xr, &yr, &unit) && unit == PNG_RESOLUTION_METER)
            dpi = (int)(xr * 0.0254 + 0.5);
    }
    png_destroy_read_struct(&png, &info, NULL);
    return dpi;
}

/* A PNG file's pixels as RGB (malloc'd), its size and its resolution. */
static unsigned char *png_pixels(const char *path, int *width, int *height, int *dpi)
{
    png_image im = {.version = PNG_IMAGE_VERSION};
    unsigned char *rgb = NULL;
    FILE *f = fopen(path, "rb");
    *width = *height = *dpi = 0;
    if (f && png_image_begin_read_from_stdio(&im, f)) {
        im.format = PNG_FORMAT_RGB;
        rgb = malloc(PNG_IMAGE_SIZE(im));
        if (rgb && !png_image_finish_read(&im, NULL, rgb, 0, NULL)) {
            free(rgb);
            rgb = NULL;
        }
        *width = (int)im.width;
        *height = (int)im.height;
    }
    if (f) {
        rewind(f);
        *dpi = png_dpi(f);
        fclose(f);
    }
    return rgb;
}

/* Every output of one chart, in the order sio-charts asks for them. */
static int render_all(const struct quarter_series *s, const char *stem, char paths[4][600],
                      struct sio_error *err)
{
    static const char *const suffix[4] = {".png", "-96dpi.png", ".svg", ".pdf"};
    char name[64];
    for (int i = 0; i < 4; i++) {
        snprintf(name, sizeof name, "%s%s", stem, suffix[i]);
        in_out(name, paths[i], sizeof paths[i]);
    }
    struct chart_output out[4] = {{paths[0], CHART_PNG, 300}, {paths[1], CHART_PNG, 96},
                                  {paths[2], CHART_SVG, 0}, {paths[3], CHART_PDF, 0}};
    return chart_render_all(out, 4, quarterly_draw, s, &style, err);
}

TEST(png_pixels_are_memcairos_at_each_resolution)
{
    static const int dpis[2] = {300, 96}, widths[2] = {2008, 643}, heights[2] = {1252, 401};
    struct quarter_series s;
    struct quarter_point q[16];
    struct sio_error err;
    char paths[4][600], one[600];
    fixture(&s, q);
    CHECK_INT(render_all(&s, "all", paths, &err), SIO_OK);
    for (int i = 0; i < 2; i++) {
        int w, h, dpi;
        unsigned char *got = png_pixels(paths[i], &w, &h, &dpi);
        CHECK(got != NULL);
        CHECK_INT(w, widths[i]);
        CHECK_INT(h, heights[i]);
        CHECK_INT(dpi, dpis[i]);
        size_t n = (size_t)widths[i] * heights[i] * 3;
        unsigned char *want = malloc(n);
        CHECK(want != NULL);
        if (!got || !want || w != widths[i] || h != heights[i]) {
            free(got);
            free(want);
            continue;
        }
        struct chart_style at = style;
        at.dpi = dpis[i];
        /* the same PNG alone first: chart.c's layout state for this page */
        CHECK_INT(chart_render(in_out("alone.png", one, sizeof one), CHART_PNG, quarterly_draw,
                               &s, &at, &err), SIO_OK);
        CHECK(same_file(one, paths[i]));
        memset(want, 0xFF, n);
        on_device("memcairo", NULL, want, w, h, dpis[i], &s);
        CHECK(memcmp(got, want, n) == 0);
        free(got);
        free(want);
    }
}

TEST(svg_and_pdf_drawn_together_are_svgcairos_and_pdfcairos)
{
    struct quarter_series s;
    struct quarter_point q[16];
    struct sio_error err;
    char paths[4][600], old[600];
    size_t n_old = 0, n_new = 0, n_tidy = 0;
    fixture(&s, q);
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    CHECK_INT(render_all(&s, "pair", paths, &err), SIO_OK);
    /* the vector page is drawn last, so chart.c's layout state is its */
    on_device("svgcairo", in_out("old.svg", old, sizeof old), NULL, 482, 300, 72, &s);
    char *a = chart_slurp(old, &n_old), *b = chart_slurp(paths[2], &n_new);
    char *tidy = a ? chart_svg_renumber(a, n_old, &n_tidy) : NULL;
    CHECK(tidy && b && n_tidy == n_new && memcmp(tidy, b, n_new) == 0);
    free(a), free(b), free(tidy);
    on_device("pdfcairo", in_out("old.pdf", old, sizeof old), NULL, 482, 300, 72, &s);
    a = chart_slurp(old, &n_old);
    b = chart_slurp(paths[3], &n_new);
    if (a)
        sourcedate_fix_pdf(a, n_old);
    CHECK(a && b && n_old == n_new && n_new > 1000 && memcmp(a, b, n_new) == 0);
    free(a), free(b);
    unsetenv("SOURCE_DATE_EPOCH");
}

TEST(pdf_drawn_with_the_svg_has_the_charts_words)
{
    struct quarter_series s;
    struct quarter_point q[16];
    struct sio_error err;
    char paths[4][600], cmd[800], text[8192] = "";
    fixture(&s, q);
    CHECK_INT(render_all(&s, "words", paths, &err), SIO_OK);
    snprintf(cmd, sizeof cmd, "pdftotext '%s' - 2>&1", paths[3]);
    FILE *p = popen(cmd, "r");
    size_t n = p ? fread(text, 1, sizeof text - 1, p) : 0;
    text[n] = '\0';
    CHECK(p && pclose(p) == 0); /* pdftotext: Debian poppler-utils (scripts/install-deps) */
    CHECK(strstr(text, "Neighbourhood crime") != NULL);
    CHECK(strstr(text, "OFFICIAL") != NULL);
    CHECK(strstr(text, "Thames Valley Police") != NULL);
}

TEST(every_output_is_the_same_bytes_twice)
{
    struct quarter_series s;
    struct quarter_point q[16];
    struct sio_error err;
    char a[4][600], b[4][600];
    fixture(&s, q);
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    CHECK_INT(render_all(&s, "first", a, &err), SIO_OK);
    CHECK_INT(render_all(&s, "second", b, &err), SIO_OK);
    unsetenv("SOURCE_DATE_EPOCH");
    for (int i = 0; i < 4; i++)
        CHECK(same_file(a[i], b[i]));
}

int main(void)
{
    snprintf(outdir, sizeof outdir, "/tmp/sio-test-chart-surface-XXXXXX");
    if (!mkdtemp(outdir))
        return 1;
    RUN(png_pixels_are_memcairos_at_each_resolution);
    RUN(svg_and_pdf_drawn_together_are_svgcairos_and_pdfcairos);
    RUN(pdf_drawn_with_the_svg_has_the_charts_words);
    RUN(every_output_is_the_same_bytes_twice);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", outdir);
    if (system(cmd) != 0)
        return 1;
    return TESTING_DONE();
}
