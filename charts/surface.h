/*
 * surface.h — the cairo surfaces a chart is drawn on (through PLplot's
 * extcairo driver, chart.c), and their bytes.
 *
 * A PNG is drawn on an RGB24 image surface of its own, at its resolution,
 * and encoded straight from cairo's pixels (pngout.h): no copy into
 * another pixel layout on the way.  SVG and PDF are drawn together, in one
 * PLplot pass: the stream draws on a cairo tee surface whose master is the
 * one format and whose replica is the other, both pages the same size in
 * points, so every operation reaches both unchanged and each writes the
 * same file it would have written alone.  (PNG resolutions are not teed:
 * Pango lays text out for the surface it draws on, and text laid out for one
 * pixel grid and drawn on another has uneven letter spacing.)
 */
#ifndef SIO_CHARTS_SURFACE_H
#define SIO_CHARTS_SURFACE_H

#include "sys/error.h"

#include <cairo.h>
#include <stddef.h>
#include <stdio.h>

/* Bytes a vector surface wrote (malloc'd, NUL-terminated). */
struct surface_bytes {
    char *data;
    size_t len, cap;
    int failed; /* out of memory while writing */
};

/* SVG and PDF pages being drawn: draw on v->draw. */
struct surface_vector {
    cairo_surface_t *draw;     /* the surface to draw on (a tee of both, or one) */
    cairo_surface_t *svg, *pdf; /* NULL when that format is not wanted */
    struct surface_bytes svg_bytes, pdf_bytes;
};

/* Start the vector pages of formats (CHART_SVG and/or CHART_PDF bits), each
 * width x height points.  SIO_OK or SIO_ESOFTWARE (path in messages). */
int surface_vector_open(struct surface_vector *v, int formats, int width, int height,
                        const char *path, struct sio_error *err);

/* Finish the pages: their bytes are complete in v->svg_bytes and
 * v->pdf_bytes.  SIO_OK or SIO_ESOFTWARE. */
int surface_vector_finish(struct surface_vector *v, const char *path, struct sio_error *err);

/* Free what v holds (after finishing or instead of it). */
void surface_vector_free(struct surface_vector *v);

/* A width x height pixel RGB24 image; check cairo_surface_status(). */
cairo_surface_t *surface_image(int width, int height);

/* The image as a PNG of dpi into fp.  SIO_OK, SIO_EIO or SIO_ESOFTWARE. */
int surface_png(cairo_surface_t *img, int dpi, FILE *fp, const char *path,
                struct sio_error *err);

#endif
