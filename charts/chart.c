/*
 * chart.c — the house style and the fence around PLplot's output streams.
 *
 * PLplot has two hooks that can end a program: plexit() calls the handler set
 * with plsexit() and then exit()s whatever the handler returns, and plabort()
 * prints and carries on.  So the exit handler longjmps back into
 * chart_plot() (the only frame that calls PLplot), and the abort handler
 * records the message for chart_plot() to return.  PLplot opens no file:
 * its extcairo driver draws on cairo surfaces sio made (surface.h), an
 * image for each PNG and one pass for SVG and PDF together, whose bytes sio
 * tidies and writes through lib/atomic (temporary name, fsync, rename) so a
 * chart appears whole or not at all.  Before this, each file was a PLplot
 * pass of its own on the memcairo, svgcairo and pdfcairo devices; the files
 * are the same bytes (test_chart_surface), from three passes where there
 * were four.
 *
 * Two cairo 1.16 habits break "same input, same bytes", and are undone on the
 * finished file before it is renamed into place:
 *   - SVG ids "surfaceN" come from a process-wide counter, so the second chart
 *     drawn says surface6 where the first said surface1: renumbered in order
 *     of first use.
 *   - PDF /CreationDate is the wall clock; cairo 1.16 does not read
 *     SOURCE_DATE_EPOCH, so when that variable is set we write its date over
 *     the clock's, byte for byte the same length (the xref offsets hold).
 */
#include "chart.h"
#include "surface.h"

#include "sys/atomic.h"
#include "sys/sourcedate.h"

#include <plplot.h>

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static jmp_buf chart_jmp;          /* where plexit's handler returns to */
static int chart_armed;            /* chart_jmp is valid */
static int chart_broken;           /* PLplot exited once: state unknown */
static char chart_plmsg[512];      /* last PLplot abort/exit message */
/* The page of the chart being drawn, set afresh by every chart_render(), so
 * nothing carries from one chart to the next. */
static double chart_page_aspect = 1.6;  /* width / height */
static double chart_page_height = 1000; /* device units (px or pt) */

static const unsigned char chart_rgb[CHART_N_COLOURS][3] = {
    [CHART_WHITE] = {0xFF, 0xFF, 0xFF},      [CHART_INK] = {0x0B, 0x0C, 0x0C},
    [CHART_DARK_BLUE] = {0x12, 0x43, 0x6D},  [CHART_TURQUOISE] = {0x28, 0xA1, 0x97},
    [CHART_DARK_PINK] = {0x80, 0x16, 0x50},  [CHART_ORANGE] = {0xF4, 0x6A, 0x25},
    [CHART_DARK_GREY] = {0x3D, 0x3D, 0x3D},  [CHART_LIGHT_PURPLE] = {0xA2, 0x85, 0xD1},
    [CHART_PALE_BLUE] = {0xB8, 0xC7, 0xD3},  [CHART_BAND] = {0xEA, 0xEA, 0xEA},
    [CHART_GRID] = {0xD0, 0xD0, 0xD0},
};

static int chart_on_exit(const char *msg)
{
    snprintf(chart_plmsg, sizeof chart_plmsg, "%s", msg ? msg : "");
    if (chart_armed)
        longjmp(chart_jmp, 1);
    return 1; /* not inside chart_render: PLplot will exit(1) */
}

static void chart_on_abort(const char *msg)
{
    if (!chart_plmsg[0])
        snprintf(chart_plmsg, sizeof chart_plmsg, "%s", msg ? msg : "");
}

const char *chart_format_ext(int format)
{
    switch (format) {
    case CHART_PNG: return "png";
    case CHART_SVG: return "svg";
    case CHART_PDF: return "pdf";
    default: return NULL;
    }
}

/* Create one file to prove dir takes new files, then remove it.  The name
 * follows atomic.c's "<name>.tmp.XXXXXX" so that a probe orphaned by a
 * SIGKILL is recognisably an unfinished temporary file, not an output. */
static int chart_probe_dir(const char *dir, struct sio_error *err)
{
    char probe[CONFIG_PATH_MAX + 64];
    snprintf(probe, sizeof probe, "%s/.sio-probe.tmp.XXXXXX", dir);
    int fd = mkstemp(probe);
    if (fd < 0)
        return sio_fail(err, SIO_ECANTCREAT, dir, 0,
                        "cannot create files in this directory: %s",
                        strerror(errno));
    close(fd);
    unlink(probe);
    return SIO_OK;
}

int chart_make_dir(const char *dir, struct sio_error *err)
{
    int rc = atomic_mkdirs(dir, err);
    return rc != SIO_OK ? rc : chart_probe_dir(dir, err);
}

/* Read a whole file into a malloc'd buffer (NUL-terminated); NULL on error. */
char *chart_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long size;

    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 &&
        fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)size + 1))) {
        *len = fread(buf, 1, (size_t)size, f);
        buf[*len] = '\0';
        if (*len != (size_t)size) {
            free(buf);
            buf = NULL;
        }
    }
    fclose(f);
    return buf;
}

/* Copy svg to a new buffer with "surfaceN"/"imageN" ids (after '"' or '#')
 * renumbered 1, 2, ... in order of first appearance. */
char *chart_svg_renumber(const char *svg, size_t len, size_t *out_len)
{
    static const char *const prefixes[] = {"surface", "image"};
    long seen[2][64];
    int n_seen[2] = {0, 0};
    char *out = malloc(len + 1);
    size_t o = 0;

    if (!out)
        return NULL;
    for (size_t i = 0; i < len;) {
        int matched = 0;
        for (int p = 0; p < 2 && !matched && i > 0 && (svg[i - 1] == '"' || svg[i - 1] == '#'); p++) {
            size_t pl = strlen(prefixes[p]);
            if (i + pl >= len || strncmp(svg + i, prefixes[p], pl) != 0 ||
                !isdigit((unsigned char)svg[i + pl]))
                continue;
            char *end;
            long id = strtol(svg + i + pl, &end, 10);
            int k = 0;
            while (k < n_seen[p] && seen[p][k] != id)
                k++;
            if (k == n_seen[p] && k < 64)
                seen[p][n_seen[p]++] = id;
            long newid = k < 64 ? k + 1 : id;
            /* the new number never has more digits than the old one */
            o += (size_t)sprintf(out + o, "%s%ld", prefixes[p], newid);
            i = (size_t)(end - svg);
            matched = 1;
        }
        if (!matched)
            out[o++] = svg[i++];
    }
    out[o] = '\0';
    *out_len = o;
    return out;
}

/* Make the bytes a vector surface wrote reproducible and write them to af. */
static int chart_write_vector(struct surface_bytes *b, struct atomic_file *af, int format,
                              struct sio_error *err)
{
    size_t out_len = b->len;
    char *out = b->data;
    int rc = SIO_OK;

    if (format == CHART_SVG)
        out = chart_svg_renumber(b->data, b->len, &out_len);
    else
        sourcedate_fix_pdf(b->data, b->len);
    if (!out)
        rc = sio_fail(err, SIO_ESOFTWARE, af->path, 0, "out of memory");
    else if (fwrite(out, 1, out_len, af->fp) != out_len)
        rc = sio_fail(err, SIO_EIO, af->path, 0, "write error: %s", strerror(errno));
    if (out != b->data)
        free(out);
    return rc;
}

/* The fixed colours, then the configured series colours over them, then
 * the pale tint mixed from the first series colour. */
void chart_set_palette(const unsigned *palette)
{
    unsigned char rgb[CHART_N_COLOURS][3];

    memcpy(rgb, chart_rgb, sizeof rgb);
    for (int i = 0; palette && i < CONFIG_PALETTE_N; i++) {
        rgb[CHART_DARK_BLUE + i][0] = (unsigned char)(palette[i] >> 16);
        rgb[CHART_DARK_BLUE + i][1] = (unsigned char)(palette[i] >> 8);
        rgb[CHART_DARK_BLUE + i][2] = (unsigned char)palette[i];
    }
    for (int c = 0; c < 3; c++) /* 30% colour, 70% white */
        rgb[CHART_PALE_BLUE][c] = (unsigned char)(0.3 * rgb[CHART_DARK_BLUE][c] + 0.7 * 255 + 0.5);
    for (int i = 0; i < CHART_N_COLOURS; i++)
        plscol0a(i, rgb[i][0], rgb[i][1], rgb[i][2], 1.0);
}

void chart_page_px(const struct chart_style *st, int format, int *width, int *height)
{
    double w = st->width_mm > 0 ? st->width_mm : CHART_DEFAULT_WIDTH_MM;
    double h = st->height_mm > 0 ? st->height_mm : CHART_DEFAULT_HEIGHT_MM;
    double dpi = format == CHART_PNG ? (st->dpi > 0 ? st->dpi : CHART_DEFAULT_DPI) : 72.0;

    *width = (int)lround(w / 25.4 * dpi);
    *height = (int)lround(h / 25.4 * dpi);
}

/* Everything per stream, before and right after plinit: a page of width x
 * height device units (pixels for PNG, points otherwise), white, drawn
 * through cr. */
static void chart_open_stream(cairo_t *cr, int width, int height, const struct chart_style *st)
{
    PLINT strm;

    chart_page_aspect = (double)width / height;
    chart_page_height = height;
    /* the page white, as PLplot's file drivers start a page */
    cairo_rectangle(cr, 0.0, 0.0, width, height);
    cairo_set_source_rgba(cr, 1.0, 1.0, 1.0, 1.0);
    cairo_fill(cr);
    plmkstrm(&strm);
    plsdev("extcairo");
    plspage(72.0, 72.0, width, height, 0, 0);
    plscmap0n(CHART_N_COLOURS);
    chart_set_palette(st->palette);
    plsetopt("drvopt", "text_anti_aliasing=2,graphics_anti_aliasing=2");
    plinit();
    pl_cmd(PLESC_DEVINIT, cr);
    plsfont(PL_FCI_SANS, PL_FCI_UPRIGHT, PL_FCI_MEDIUM);
    pladv(0);
}

/* Run draw on a fresh stream drawing through cr; PLplot errors come back
 * as SIO_ESOFTWARE through chart_jmp or chart_plmsg. */
static int chart_plot(cairo_t *cr, int width, int height, chart_draw_fn draw,
                      const void *data, const struct chart_style *st, const char *path,
                      struct sio_error *err)
{
    PLINT prev;

    chart_plmsg[0] = '\0';
    plsexit(chart_on_exit);
    plsabort(chart_on_abort);
    plgstrm(&prev);
    if (setjmp(chart_jmp) != 0) {
        chart_armed = 0;
        chart_broken = 1;
        return sio_fail(err, SIO_ESOFTWARE, path, 0, "PLplot failed: %s", chart_plmsg);
    }
    chart_armed = 1;
    chart_open_stream(cr, width, height, st);
    draw(data, st);
    plend1();
    chart_armed = 0;
    plsstrm(prev);
    if (chart_plmsg[0])
        return sio_fail(err, SIO_ESOFTWARE, path, 0, "PLplot: %s", chart_plmsg);
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
        return sio_fail(err, SIO_ESOFTWARE, path, 0, "cairo: %s",
                        cairo_status_to_string(cairo_status(cr)));
    return SIO_OK;
}

/* Draw on surface, a page of width x height device units. */
static int chart_draw_on(cairo_surface_t *surface, int width, int height, chart_draw_fn draw,
                         const void *data, const struct chart_style *st, const char *path,
                         struct sio_error *err)
{
    cairo_t *cr = cairo_create(surface);
    int rc = chart_plot(cr, width, height, draw, data, st, path, err);
    cairo_destroy(cr);
    return rc;
}

/* Write bytes (or, for a PNG, img) to o->path whole or not at all. */
static int chart_write(const struct chart_output *o, struct surface_bytes *bytes,
                       cairo_surface_t *img, int dpi, struct sio_error *err)
{
    struct atomic_file af;
    int rc = atomic_open(&af, o->path, err);

    if (rc != SIO_OK)
        return rc;
    rc = img ? surface_png(img, dpi, af.fp, o->path, err)
             : chart_write_vector(bytes, &af, o->format, err);
    if (rc == SIO_OK)
        return atomic_commit_unsynced_folder(&af, err);
    atomic_abort(&af);
    return rc;
}

/* One PNG: drawn on an image at its resolution, encoded from its pixels. */
static int chart_render_png(const struct chart_output *o, chart_draw_fn draw, const void *data,
                            const struct chart_style *st, struct sio_error *err)
{
    struct chart_style at = *st;
    int width, height, rc;

    at.dpi = o->dpi > 0 ? o->dpi : CHART_DEFAULT_DPI;
    chart_page_px(&at, CHART_PNG, &width, &height);
    cairo_surface_t *img = surface_image(width, height);
    if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS)
        rc = sio_fail(err, SIO_ESOFTWARE, o->path, 0, "cairo: %s",
                      cairo_status_to_string(cairo_surface_status(img)));
    else
        rc = chart_draw_on(img, width, height, draw, data, &at, o->path, err);
    if (rc == SIO_OK)
        rc = chart_write(o, NULL, img, at.dpi, err);
    cairo_surface_destroy(img);
    return rc;
}

/* The SVG and PDF outputs among out[], drawn once for both. */
static int chart_render_vector(const struct chart_output *out, int n, chart_draw_fn draw,
                               const void *data, const struct chart_style *st,
                               struct sio_error *err)
{
    struct surface_vector v;
    const char *path = NULL;
    int formats = 0, width, height, rc;

    for (int i = 0; i < n; i++)
        if (out[i].format != CHART_PNG) {
            formats |= out[i].format;
            path = path ? path : out[i].path;
        }
    if (!formats)
        return SIO_OK;
    chart_page_px(st, CHART_SVG, &width, &height);
    if ((rc = surface_vector_open(&v, formats, width, height, path, err)) != SIO_OK)
        return rc;
    rc = chart_draw_on(v.draw, width, height, draw, data, st, path, err);
    if (rc == SIO_OK)
        rc = surface_vector_finish(&v, path, err);
    for (int i = 0; rc == SIO_OK && i < n; i++)
        if (out[i].format != CHART_PNG)
            rc = chart_write(&out[i], out[i].format == CHART_SVG ? &v.svg_bytes : &v.pdf_bytes,
                             NULL, 0, err);
    surface_vector_free(&v);
    return rc;
}

int chart_render_all(const struct chart_output *out, int n, chart_draw_fn draw,
                     const void *data, const struct chart_style *st, struct sio_error *err)
{
    int rc = SIO_OK;

    for (int i = 0; i < n; i++) {
        if (chart_broken)
            return sio_fail(err, SIO_ESOFTWARE, out[i].path, 0,
                            "not drawn: PLplot failed earlier in this run");
        if (!chart_format_ext(out[i].format))
            return sio_fail(err, SIO_ESOFTWARE, out[i].path, 0, "unknown chart format %d",
                            out[i].format);
    }
    for (int i = 0; rc == SIO_OK && i < n; i++)
        if (out[i].format == CHART_PNG)
            rc = chart_render_png(&out[i], draw, data, st, err);
    return rc == SIO_OK ? chart_render_vector(out, n, draw, data, st, err) : rc;
}

int chart_render(const char *path, int format, chart_draw_fn draw,
                 const void *data, const struct chart_style *st,
                 struct sio_error *err)
{
    struct chart_output o = {path, format, st->dpi};
    return chart_render_all(&o, 1, draw, data, st, err);
}

int chart_write_text(const char *path, const char *text, struct sio_error *err)
{
    struct atomic_file af;
    int rc = atomic_open(&af, path, err);

    if (rc != SIO_OK)
        return rc;
    if (fputs(text, af.fp) == EOF) {
        atomic_abort(&af);
        return sio_fail(err, SIO_EIO, path, 0, "write error: %s", strerror(errno));
    }
    return atomic_commit_unsynced_folder(&af, err);
}

void chart_text_size(double height)
{
    PLFLT x0, x1, y0, y1;

    plgspa(&x0, &x1, &y0, &y1); /* the page in mm */
    plschr(height * (y1 - y0), 1.0);
}

double chart_text_width(const char *text, double height, int bold)
{
    size_t glyphs = 0;

    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        glyphs += (*p & 0xC0) != 0x80; /* count UTF-8 lead bytes only */
    /* measured on DejaVu Sans as the cairo driver sizes it, with room for
     * the wider glyphs hinting gives at 96 dpi (0.68 let a 110-character
     * subtitle run off a 96 dpi page) */
    return (double)glyphs * (bold ? 0.84 : 0.74) * height / chart_page_aspect;
}

void chart_pen(double width)
{
    plwidth(width * chart_page_height / 1000.0);
}

double chart_aspect(void)
{
    return chart_page_aspect;
}

void chart_page_text(double x, double y, double just, double height,
                     int bold, int colour, const char *text)
{
    PLFLT vx0, vx1, vy0, vy1, wx0, wx1, wy0, wy1;

    plgvpd(&vx0, &vx1, &vy0, &vy1);
    plgvpw(&wx0, &wx1, &wy0, &wy1);
    plvpor(0.0, 1.0, 0.0, 1.0);
    plwind(0.0, 1.0, 0.0, 1.0);
    chart_text_size(height);
    plsfont(PL_FCI_SANS, PL_FCI_UPRIGHT, bold ? PL_FCI_BOLD : PL_FCI_MEDIUM);
    plcol0(colour);
    plptex(x, y, 1.0, 0.0, just, text);
    plsfont(PL_FCI_SANS, PL_FCI_UPRIGHT, PL_FCI_MEDIUM);
    if (vx1 > vx0 && vy1 > vy0) { /* a viewport was set: put it back */
        plvpor(vx0, vx1, vy0, vy1);
        plwind(wx0, wx1, wy0, wy1);
    }
}
