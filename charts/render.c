/*
 * render.c — the variants of one chart: sizes x formats x PNG resolutions.
 *
 * Every variant is a separate chart_render() call, so a fresh PLplot stream
 * with nothing left from the one before.
 */
#include "render.h"
#include "text/stem.h"

#include <stdio.h>
#include <string.h>

void render_init(struct render *r, const struct sio_config *cfg, const char *version)
{
    memset(r, 0, sizeof *r);
    r->cfg = cfg;
    r->style.classification = cfg->classification;
    r->style.source_note = cfg->source_note;
    r->style.version = version;
    r->style.palette = cfg->chart_palette;
}

char *render_chart_name(const char *force, const char *name, char *buf, size_t size)
{
    char stem[160];
    if (!stem_make(force, stem, sizeof stem)[0])
        snprintf(stem, sizeof stem, "unnamed-force");
    snprintf(buf, size, "charts/%s/%s", stem, name);
    return buf;
}

char *render_formats(const struct render *r, char *buf, size_t size)
{
    size_t o = 0;
    buf[0] = '\0';
    for (int bit = CHART_PNG; bit <= CHART_PDF && o < size; bit <<= 1)
        if (r->cfg->chart_formats & bit)
            o += (size_t)snprintf(buf + o, size - o, "%s%s", o ? " " : "", chart_format_ext(bit));
    return buf;
}

/* <out>/charts/<force-stem>, created. */
static int force_dir(const struct render *r, const char *force, char *dir, size_t size,
                     struct sio_error *err)
{
    char rel[256];
    render_chart_name(force, "", rel, sizeof rel);
    rel[strlen(rel) - 1] = '\0'; /* the folder, without the name's '/' */
    if (snprintf(dir, size, "%s/%s", r->cfg->out_dir, rel) >= (int)size)
        return sio_fail(err, SIO_ECANTCREAT, r->cfg->out_dir, 0, "output path too long");
    return chart_make_dir(dir, err);
}

int render_path(const struct render *r, const char *dir, const char *name, int size_index,
                int format, int dpi_index, char *buf, size_t size, struct sio_error *err)
{
    char sz[40] = "", dpi[16] = "";

    if (size_index < 0 || size_index >= r->cfg->n_chart_sizes || size_index >= CONFIG_MAX_SIZES ||
        dpi_index < 0 || dpi_index >= r->cfg->n_chart_dpi || dpi_index >= CONFIG_MAX_DPI)
        return sio_fail(err, SIO_ESOFTWARE, dir, 0, "no chart size %d or dpi %d configured",
                        size_index, dpi_index);
    if (size_index > 0)
        snprintf(sz, sizeof sz, "-%s", r->cfg->chart_sizes[size_index].name);
    if (format == CHART_PNG && dpi_index > 0)
        snprintf(dpi, sizeof dpi, "-%ddpi", r->cfg->chart_dpi[dpi_index]);
    if (snprintf(buf, size, "%s/%s%s%s.%s", dir, name, sz, dpi, chart_format_ext(format)) >= (int)size)
        return sio_fail(err, SIO_ECANTCREAT, dir, 0, "output path too long");
    return SIO_OK;
}

/* One size and format: every resolution for PNG, once otherwise. */
static int render_format(struct render *r, const char *dir, const char *name, int si, int format,
                         chart_draw_fn draw, const void *data, struct sio_error *err)
{
    char path[CONFIG_PATH_MAX + 256];
    int n_dpi = format == CHART_PNG ? r->cfg->n_chart_dpi : 1, rc = SIO_OK;

    for (int di = 0; rc == SIO_OK && di < n_dpi; di++) {
        r->style.dpi = r->cfg->chart_dpi[di];
        rc = render_path(r, dir, name, si, format, di, path, sizeof path, err);
        if (rc == SIO_OK)
            rc = chart_render(path, format, draw, data, &r->style, err);
        r->files += rc == SIO_OK;
    }
    return rc;
}

int render_chart(struct render *r, const char *force, const char *name, chart_draw_fn draw,
                 const void *data, const char *alt, struct sio_error *err)
{
    char dir[CONFIG_PATH_MAX], path[CONFIG_PATH_MAX + 256];
    int rc = force_dir(r, force, dir, sizeof dir, err);

    for (int si = 0; rc == SIO_OK && si < r->cfg->n_chart_sizes; si++) {
        r->style.width_mm = r->cfg->chart_sizes[si].width_mm;
        r->style.height_mm = r->cfg->chart_sizes[si].height_mm;
        for (int bit = CHART_PNG; rc == SIO_OK && bit <= CHART_PDF; bit <<= 1)
            if (r->cfg->chart_formats & bit)
                rc = render_format(r, dir, name, si, bit, draw, data, err);
    }
    if (rc != SIO_OK)
        return rc;
    if (snprintf(path, sizeof path, "%s/%s.txt", dir, name) >= (int)sizeof path)
        return sio_fail(err, SIO_ECANTCREAT, dir, 0, "output path too long");
    rc = chart_write_text(path, alt, err);
    r->files += rc == SIO_OK;
    return rc;
}
