/*
 * chart.h — one PLplot stream per chart, fenced so PLplot cannot end sio.
 *
 * chart_render_all() is the only way sio-charts talks to a PLplot output
 * device.  It owns the whole life of each stream: a fresh stream (plmkstrm)
 * with the house page size, palette and font, PLplot's extcairo driver
 * drawing on a cairo surface of sio's (surface.h: an image for each PNG
 * resolution, one pass for SVG and PDF together), a draw callback, plend1;
 * then each file is written under a temporary name beside its final name,
 * tidied (SVG ids renumbered, PDF date fixed), fsynced and renamed into
 * place (the folder's fsync is left to the caller: reuse.h does it once a
 * force).  Invariants: a chart either appears complete under its real name
 * or not at all; no PLplot state survives from one stream to the next;
 * PLplot's exit and abort hooks are turned into SIO_ESOFTWARE.  After
 * PLplot has called its exit hook the library's state is unknown, so every
 * later chart_render_all() fails at once.  Not thread-safe (PLplot is not
 * either).
 */
#ifndef SIO_CHART_H
#define SIO_CHART_H

#include "config/config.h"
#include "sys/error.h"
#include "text/words.h"

#include <stddef.h>

#define CHART_DEFAULT_WIDTH_MM 170.0  /* a4-column, when the style names no size */
#define CHART_DEFAULT_HEIGHT_MM 106.0
#define CHART_DEFAULT_DPI 300

/* cmap0 indices of the house palette.  The six series colours are the
 * configured palette in order; the names are the Analysis Function
 * defaults (lib/config/chartopt.c). */
enum chart_colour {
    CHART_WHITE = 0,     /* background */
    CHART_INK,           /* #0B0C0C text */
    CHART_DARK_BLUE,     /* palette 1, #12436D: main series */
    CHART_TURQUOISE,     /* palette 2, #28A197 */
    CHART_DARK_PINK,     /* palette 3, #801650: baseline level, centre line */
    CHART_ORANGE,        /* palette 4, #F46A25: special cause, target */
    CHART_DARK_GREY,     /* palette 5, #3D3D3D: notes, axes */
    CHART_LIGHT_PURPLE,  /* palette 6, #A285D1 */
    CHART_PALE_BLUE,     /* 30% tint of palette 1: partial quarters, peers */
    CHART_BAND,          /* #EAEAEA baseline period band */
    CHART_GRID,          /* #D0D0D0 grid lines */
    CHART_N_COLOURS
};

/* The words every chart carries besides its data. */
struct chart_style {
    const char *classification; /* e.g. "OFFICIAL", printed top right */
    const char *source_note;    /* "Source: ...", printed bottom left */
    const char *version;        /* sio version, appended to the source note */
    const unsigned *palette;    /* CONFIG_PALETTE_N colours 0xRRGGBB; NULL: the default */
    double width_mm, height_mm; /* the page; 0: CHART_DEFAULT_* */
    int dpi;                    /* PNG resolution; 0: CHART_DEFAULT_DPI */
};

/* Draws one chart on the current stream; PLplot calls only, no I/O. */
typedef void (*chart_draw_fn)(const void *data, const struct chart_style *st);

/* One file of a chart: its path, its format (one CHART_PNG/SVG/PDF bit) and,
 * for PNG, its resolution (0: CHART_DEFAULT_DPI). */
struct chart_output {
    const char *path;
    int format;
    int dpi;
};

/* Draw draw(data) on the style's page and write it as each of the n
 * outputs: each PNG drawn at its own resolution, the SVG and PDF drawn once
 * for both.  Returns SIO_OK, SIO_ECANTCREAT when a path cannot be
 * created, SIO_EIO on a write error, SIO_ESOFTWARE when PLplot or cairo
 * reported an error; the outputs written before a failure stay (each is
 * whole). */
int chart_render_all(const struct chart_output *out, int n, chart_draw_fn draw,
                     const void *data, const struct chart_style *st, struct sio_error *err);

/* chart_render_all() of one output: path as format, PNG at st->dpi. */
int chart_render(const char *path, int format, chart_draw_fn draw,
                 const void *data, const struct chart_style *st,
                 struct sio_error *err);

/* The house palette (palette: CONFIG_PALETTE_N series colours, or NULL for
 * the default) as the current stream's cmap0. */
void chart_set_palette(const unsigned *palette);

/* The file extension for one format bit ("png"), or NULL. */
const char *chart_format_ext(int format);

/* Create dir and its missing parents (atomic_mkdirs) and check a file can be
 * made in it.
 * Returns SIO_OK or SIO_ECANTCREAT naming the directory. */
int chart_make_dir(const char *dir, struct sio_error *err);

/* Write text to path whole or not at all (lib/atomic).  Returns SIO_OK,
 * SIO_ECANTCREAT or SIO_EIO. */
int chart_write_text(const char *path, const char *text, struct sio_error *err);

/* The page size of a format under a style: pixels for PNG (mm at the
 * style's dpi), points for SVG and PDF. */
void chart_page_px(const struct chart_style *st, int format, int *width, int *height);

/* Text sizes are given as a fraction of the page height, so one layout
 * reads the same on every device.  chart_text_size() sets it for plptex and
 * plmtex; chart_text_width() estimates the width of text at that size as a
 * fraction of the page width (measured: DejaVu Sans as the cairo driver
 * sizes it averages 0.68 of the height a glyph, 0.80 in bold). */
void chart_text_size(double height);
double chart_text_width(const char *text, double height, int bold);

/* Set the pen width, given in thousandths of the page height (the layout
 * was drawn on a 1000-unit-high page), so lines keep their weight at any
 * size and resolution. */
void chart_pen(double width);

/* Width over height of the page being drawn. */
double chart_aspect(void);

/* Write text at page coordinates (0..1 on both axes; just 0 left, 0.5
 * centre, 1 right), keeping the current viewport and window. */
void chart_page_text(double x, double y, double just, double height,
                     int bold, int colour, const char *text);

/* Read a whole file into a malloc'd, NUL-terminated buffer; NULL on error. */
char *chart_slurp(const char *path, size_t *len);

/* A copy of svg with cairo's process-wide "surfaceN"/"imageN" ids renumbered
 * 1, 2, ... in order of first use, so one chart's bytes do not depend on how
 * many charts the process drew before it.  Caller frees. */
char *chart_svg_renumber(const char *svg, size_t len, size_t *out_len);


#endif
