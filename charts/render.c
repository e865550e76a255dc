/*
 * render.c — the variants of one chart: sizes x formats x PNG resolutions,
 * drawn or kept (render.h says when).
 *
 * Every size is one chart_render_all() call: PLplot draws the chart once, on
 * a fresh stream with nothing left from the one before, and every format and
 * resolution of that size is played back from the one drawing.
 */
#include "render.h"
#include "text/stem.h"

#include <cairo.h>
#include <plplot.h>
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define RENDER_MAX_FILES (CONFIG_MAX_SIZES * (CONFIG_MAX_DPI + 2) + 1)

/* What the charts take from the configuration: the [charts] settings (the
 * rest, labels and windows, they read from the store's catalogue, whose rows
 * are in each chart's own digest; not the paths: two runs that differ only in
 * where the store and outputs are draw the same charts). */
static void render_config_digest(struct digest_acc *a, const struct sio_config *cfg)
{
    digest_add_int(a, cfg->chart_formats);
    for (int i = 0; i < cfg->n_chart_sizes; i++) {
        digest_add_str(a, cfg->chart_sizes[i].name);
        digest_add(a, &cfg->chart_sizes[i].width_mm, sizeof cfg->chart_sizes[i].width_mm);
        digest_add(a, &cfg->chart_sizes[i].height_mm, sizeof cfg->chart_sizes[i].height_mm);
    }
    for (int i = 0; i < cfg->n_chart_dpi; i++)
        digest_add_int(a, cfg->chart_dpi[i]);
    digest_add_str(a, cfg->classification);
    digest_add_str(a, cfg->source_note);
    digest_add(a, cfg->chart_palette, sizeof cfg->chart_palette);
}

/* What every chart's bytes depend on besides its own data and words: the
 * program (its file, which changes with any change to sio's code), the
 * libraries that write the bytes, the configuration and
 * the date written into PDF files. */
static void render_setup_digest(struct render *r, const char *version)
{
    struct digest_acc a;
    struct digest exe = digest_file("/proc/self/exe");
    char plplot[80] = "";
    const char *sde = getenv("SOURCE_DATE_EPOCH");

    plgver(plplot);
    digest_begin(&a);
    digest_add_str(&a, "sio-charts");
    digest_add_str(&a, version);
    digest_add_digest(&a, &exe);
    digest_add_str(&a, plplot);
    digest_add_str(&a, cairo_version_string());
    digest_add_int(&a, (long long)png_access_version_number());
    digest_add_str(&a, zlibVersion());
    digest_add_str(&a, sde ? sde : "(unset)");
    render_config_digest(&a, r->cfg);
    digest_end(&a, &r->setup);
}

void render_init(struct render *r, const struct sio_config *cfg, const char *version,
                 const char *reuse_dir)
{
    memset(r, 0, sizeof *r);
    r->cfg = cfg;
    r->style.classification = cfg->classification;
    r->style.source_note = cfg->source_note;
    r->style.version = version;
    r->style.palette = cfg->chart_palette;
    r->reuse_dir = reuse_dir && *reuse_dir ? reuse_dir : NULL;
    render_setup_digest(r, version);
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

int render_force_begin(struct render *r, const char *force, struct sio_error *err)
{
    char rel[256], from[sizeof r->dir];
    render_chart_name(force, "", rel, sizeof rel);
    rel[strlen(rel) - 1] = '\0'; /* the folder, without the name's '/' */
    if (snprintf(r->dir, sizeof r->dir, "%s/%s", r->cfg->out_dir, rel) >= (int)sizeof r->dir ||
        snprintf(from, sizeof from, "%s/%s", r->reuse_dir ? r->reuse_dir : "", rel) >=
            (int)sizeof from)
        return sio_fail(err, SIO_ECANTCREAT, r->cfg->out_dir, 0, "output path too long");
    int rc = chart_make_dir(r->dir, err);
    return rc != SIO_OK ? rc : reuse_open(&r->rf, r->reuse_dir ? from : NULL, r->dir, err);
}

int render_force_end(struct render *r, int ok, struct sio_error *err)
{
    if (ok)
        return reuse_close(&r->rf, err);
    reuse_abandon(&r->rf);
    return SIO_OK;
}

/* "NAME-SIZE-NNNdpi.EXT" for one variant into buf. */
static int render_variant(const struct render *r, const char *name, int size_index,
                          int format, int dpi_index, char *buf, size_t size,
                          struct sio_error *err)
{
    char sz[40] = "", dpi[16] = "";

    if (size_index < 0 || size_index >= r->cfg->n_chart_sizes || size_index >= CONFIG_MAX_SIZES ||
        dpi_index < 0 || dpi_index >= r->cfg->n_chart_dpi || dpi_index >= CONFIG_MAX_DPI)
        return sio_fail(err, SIO_ESOFTWARE, name, 0, "no chart size %d or dpi %d configured",
                        size_index, dpi_index);
    if (size_index > 0)
        snprintf(sz, sizeof sz, "-%s", r->cfg->chart_sizes[size_index].name);
    if (format == CHART_PNG && dpi_index > 0)
        snprintf(dpi, sizeof dpi, "-%ddpi", r->cfg->chart_dpi[dpi_index]);
    if (snprintf(buf, size, "%s%s%s.%s", name, sz, dpi, chart_format_ext(format)) >= (int)size)
        return sio_fail(err, SIO_ECANTCREAT, name, 0, "output path too long");
    return SIO_OK;
}

int render_path(const struct render *r, const char *dir, const char *name, int size_index,
                int format, int dpi_index, char *buf, size_t size, struct sio_error *err)
{
    char file[256];
    int rc = render_variant(r, name, size_index, format, dpi_index, file, sizeof file, err);
    if (rc == SIO_OK && snprintf(buf, size, "%s/%s", dir, file) >= (int)size)
        return sio_fail(err, SIO_ECANTCREAT, dir, 0, "output path too long");
    return rc;
}

/* The names of every file of chart name (variants, then NAME.txt) into
 * files[] (malloc'd; free each); *n of them. */
static int render_files(const struct render *r, const char *name, char **files, int *n,
                        struct sio_error *err)
{
    char buf[256];
    int rc = SIO_OK;
    *n = 0;
    for (int si = 0; rc == SIO_OK && si < r->cfg->n_chart_sizes; si++)
        for (int bit = CHART_PNG; rc == SIO_OK && bit <= CHART_PDF; bit <<= 1)
            for (int di = 0; rc == SIO_OK && (r->cfg->chart_formats & bit) &&
                             di < (bit == CHART_PNG ? r->cfg->n_chart_dpi : 1); di++)
                if ((rc = render_variant(r, name, si, bit, di, buf, sizeof buf, err)) == SIO_OK &&
                    !(files[(*n)++] = strdup(buf)))
                    rc = sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    if (rc == SIO_OK && snprintf(buf, sizeof buf, "%s.txt", name) < (int)sizeof buf &&
        !(files[(*n)++] = strdup(buf)))
        rc = sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    return rc;
}

static void render_chart_digest(const struct render *r, const char *name,
                                const struct digest *data, const char *alt, struct digest *out)
{
    struct digest_acc a;
    digest_begin(&a);
    digest_add_digest(&a, &r->setup);
    digest_add_str(&a, name);
    digest_add_digest(&a, data);
    digest_add_str(&a, r->style.classification);
    digest_add_str(&a, r->style.source_note);
    digest_add_str(&a, r->style.version);
    if (r->style.palette)
        digest_add(&a, r->style.palette, CONFIG_PALETTE_N * sizeof *r->style.palette);
    digest_add_str(&a, alt);
    digest_end(&a, out);
}

/* One size: every format, and every resolution for PNG, from one drawing. */
static int render_size(struct render *r, const char *name, int si, chart_draw_fn draw,
                       const void *data, struct sio_error *err)
{
    char paths[CONFIG_MAX_DPI + 2][CONFIG_PATH_MAX + 256];
    struct chart_output out[CONFIG_MAX_DPI + 2];
    int n = 0, rc = SIO_OK;

    for (int bit = CHART_PNG; rc == SIO_OK && bit <= CHART_PDF; bit <<= 1)
        for (int di = 0; rc == SIO_OK && (r->cfg->chart_formats & bit) &&
                         di < (bit == CHART_PNG ? r->cfg->n_chart_dpi : 1); di++) {
            rc = render_path(r, r->dir, name, si, bit, di, paths[n], sizeof paths[n], err);
            out[n] = (struct chart_output){paths[n], bit, r->cfg->chart_dpi[di]};
            n += rc == SIO_OK;
        }
    if (rc == SIO_OK)
        rc = chart_render_all(out, n, draw, data, &r->style, err);
    if (rc == SIO_OK)
        r->files += n, r->drawn += n;
    return rc;
}

/* Every variant and the alt text, drawn afresh. */
static int render_draw(struct render *r, const char *name, chart_draw_fn draw,
                       const void *data, const char *alt, struct sio_error *err)
{
    char path[CONFIG_PATH_MAX + 256];
    int rc = SIO_OK;

    for (int si = 0; rc == SIO_OK && si < r->cfg->n_chart_sizes; si++) {
        r->style.width_mm = r->cfg->chart_sizes[si].width_mm;
        r->style.height_mm = r->cfg->chart_sizes[si].height_mm;
        rc = render_size(r, name, si, draw, data, err);
    }
    if (rc != SIO_OK)
        return rc;
    if (snprintf(path, sizeof path, "%s/%s.txt", r->dir, name) >= (int)sizeof path)
        return sio_fail(err, SIO_ECANTCREAT, r->dir, 0, "output path too long");
    rc = chart_write_text(path, alt, err);
    r->files += rc == SIO_OK;
    r->drawn += rc == SIO_OK;
    return rc;
}

int render_chart(struct render *r, const char *name, chart_draw_fn draw, const void *data,
                 const struct digest *data_digest, const char *alt, struct sio_error *err)
{
    char *files[RENDER_MAX_FILES];
    struct digest d;
    int n = 0, kept = 0;
    int rc = render_files(r, name, files, &n, err);

    render_chart_digest(r, name, data_digest, alt, &d);
    if (rc == SIO_OK)
        rc = reuse_keep(&r->rf, name, &d, files, n, &kept, err);
    if (rc == SIO_OK && kept)
        r->files += n;
    else if (rc == SIO_OK && (rc = reuse_before_drawing(&r->rf, err)) == SIO_OK &&
             (rc = render_draw(r, name, draw, data, alt, err)) == SIO_OK)
        rc = reuse_drawn(&r->rf, name, &d, err);
    for (int i = 0; i < n; i++)
        free(files[i]);
    return rc;
}
