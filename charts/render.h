/*
 * render.h — one chart in every configured variant, with its alt text.
 *
 * A chart NAME for a force is written as <out>/charts/<force-stem>/NAME.EXT
 * for the first [charts] size (and, for PNG, the first [charts] dpi, the
 * print resolution); each further size adds "-SIZE" and each further
 * resolution "-NNNdpi" before the extension: drugs-spc.png,
 * drugs-spc-96dpi.png, drugs-spc-slide.svg, drugs-spc-slide-96dpi.png.  The
 * alt text is the same for every variant: NAME.txt.
 */
#ifndef SIO_CHARTS_RENDER_H
#define SIO_CHARTS_RENDER_H

#include "chart.h"
#include "config/config.h"

#include <stddef.h>

struct render {
    const struct sio_config *cfg;
    struct chart_style style;   /* words and palette; size and dpi set per file */
    int files;                  /* files written so far */
};

/* Set r up from cfg; version is appended to the source note. */
void render_init(struct render *r, const struct sio_config *cfg, const char *version);

/* "charts/<force-stem>/<name>": where chart name of force goes, relative to
 * the output folder, without extension (the force's folder is stem_make()
 * of its key).  Returns buf. */
char *render_chart_name(const char *force, const char *name, char *buf, size_t size);

/* The configured formats as "png svg pdf".  Returns buf. */
char *render_formats(const struct render *r, char *buf, size_t size);

/* The path of one variant into buf (SIO_ECANTCREAT if too long). */
int render_path(const struct render *r, const char *dir, const char *name, int size_index,
                int format, int dpi_index, char *buf, size_t size, struct sio_error *err);

/* Draw every variant of chart name for force, then write alt as its
 * sidecar.  Returns SIO_OK or the first failure (chart_render's codes). */
int render_chart(struct render *r, const char *force, const char *name, chart_draw_fn draw,
                 const void *data, const char *alt, struct sio_error *err);

#endif
