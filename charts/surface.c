/*
 * surface.c — image, SVG, PDF and tee surfaces, and their bytes.
 *
 * The vector surfaces write through a stream callback into memory, so the
 * bytes can be tidied (chart.c) before they reach their file, with no
 * scratch file to write and read back.
 */
#include "surface.h"
#include "chart.h"
#include "pngout.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo-tee.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static cairo_status_t surface_append(void *closure, const unsigned char *data, unsigned int n)
{
    struct surface_bytes *b = closure;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 65536;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *more = realloc(b->data, cap);
        if (!more) {
            b->failed = 1;
            return CAIRO_STATUS_NO_MEMORY;
        }
        b->data = more;
        b->cap = cap;
    }
    memcpy(b->data + b->len, data, n);
    b->len += n;
    b->data[b->len] = '\0';
    return CAIRO_STATUS_SUCCESS;
}

static int surface_failed(cairo_status_t st, const char *path, struct sio_error *err)
{
    return sio_fail(err, SIO_ESOFTWARE, path, 0, "cairo: %s", cairo_status_to_string(st));
}

int surface_vector_open(struct surface_vector *v, int formats, int width, int height,
                        const char *path, struct sio_error *err)
{
    cairo_status_t st = CAIRO_STATUS_SUCCESS;

    memset(v, 0, sizeof *v);
    if (formats & CHART_SVG)
        v->svg = cairo_svg_surface_create_for_stream(surface_append, &v->svg_bytes, width,
                                                     height);
    if (formats & CHART_PDF)
        v->pdf = cairo_pdf_surface_create_for_stream(surface_append, &v->pdf_bytes, width,
                                                     height);
    if (v->svg && v->pdf) {
        v->draw = cairo_tee_surface_create(v->svg);
        cairo_tee_surface_add(v->draw, v->pdf);
    } else
        v->draw = cairo_surface_reference(v->svg ? v->svg : v->pdf);
    if (!v->draw)
        st = CAIRO_STATUS_INVALID_FORMAT;
    else if ((st = cairo_surface_status(v->draw)) == CAIRO_STATUS_SUCCESS && v->svg)
        st = cairo_surface_status(v->svg);
    if (st == CAIRO_STATUS_SUCCESS && v->pdf)
        st = cairo_surface_status(v->pdf);
    if (st != CAIRO_STATUS_SUCCESS) {
        surface_vector_free(v);
        return surface_failed(st, path, err);
    }
    return SIO_OK;
}

/* Finish s and return its status, or the status of its bytes. */
static cairo_status_t surface_finish_one(cairo_surface_t *s, const struct surface_bytes *b)
{
    if (!s)
        return CAIRO_STATUS_SUCCESS;
    cairo_surface_finish(s);
    cairo_status_t st = cairo_surface_status(s);
    return st == CAIRO_STATUS_SUCCESS && (b->failed || !b->data) ? CAIRO_STATUS_NO_MEMORY : st;
}

int surface_vector_finish(struct surface_vector *v, const char *path, struct sio_error *err)
{
    cairo_status_t st = cairo_surface_status(v->draw);
    cairo_surface_finish(v->draw);
    cairo_status_t s1 = surface_finish_one(v->svg, &v->svg_bytes);
    cairo_status_t s2 = surface_finish_one(v->pdf, &v->pdf_bytes);

    st = st != CAIRO_STATUS_SUCCESS ? st : s1 != CAIRO_STATUS_SUCCESS ? s1 : s2;
    return st == CAIRO_STATUS_SUCCESS ? SIO_OK : surface_failed(st, path, err);
}

void surface_vector_free(struct surface_vector *v)
{
    if (v->draw)
        cairo_surface_destroy(v->draw);
    if (v->svg)
        cairo_surface_destroy(v->svg);
    if (v->pdf)
        cairo_surface_destroy(v->pdf);
    free(v->svg_bytes.data);
    free(v->pdf_bytes.data);
    memset(v, 0, sizeof *v);
}

cairo_surface_t *surface_image(int width, int height)
{
    return cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
}

int surface_png(cairo_surface_t *img, int dpi, FILE *fp, const char *path,
                struct sio_error *err)
{
    cairo_surface_flush(img);
    if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS)
        return surface_failed(cairo_surface_status(img), path, err);
    return pngout_write(fp, (const uint32_t *)(const void *)cairo_image_surface_get_data(img),
                        (size_t)cairo_image_surface_get_stride(img) / 4,
                        cairo_image_surface_get_width(img), cairo_image_surface_get_height(img),
                        dpi, path, err);
}
