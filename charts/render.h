/*
 * render.h — one chart in every configured variant, with its alt text, or
 * the same files kept from an earlier run when nothing they show changed.
 *
 * A chart NAME for a force is written as <out>/charts/<force-stem>/NAME.EXT
 * for the first [charts] size (and, for PNG, the first [charts] dpi, the
 * print resolution); each further size adds "-SIZE" and each further
 * resolution "-NNNdpi" before the extension: drugs-spc.png,
 * drugs-spc-96dpi.png, drugs-spc-slide.svg, drugs-spc-slide-96dpi.png.  The
 * alt text is the same for every variant: NAME.txt.
 *
 * Charts are drawn a force at a time, between render_force_begin() and
 * render_force_end().  Each chart's digest (digest.h) is its data's digest
 * (what the caller read from the store) with its name, style and alt text
 * and the digest of the setup every chart shares (render_init: the program
 * and the libraries that write the bytes, what the charts take from the
 * configuration, and SOURCE_DATE_EPOCH); a chart whose digest the reused
 * output lists is kept from there (reuse.h) instead of drawn.
 */
#ifndef SIO_CHARTS_RENDER_H
#define SIO_CHARTS_RENDER_H

#include "chart.h"
#include "config/config.h"
#include "digest.h"
#include "reuse.h"

#include <stddef.h>

struct render {
    const struct sio_config *cfg;
    struct chart_style style;   /* words and palette; size and dpi set per file */
    struct digest setup;        /* what every chart's files depend on besides its own */
    const char *reuse_dir;      /* the output folder to keep charts from; NULL: none */
    char dir[CONFIG_PATH_MAX + 200]; /* the current force's folder */
    struct reuse_force rf;      /* the current force's earlier and present charts */
    int files;                  /* files written or kept so far */
    int drawn;                  /* of which drawn */
};

/* Set r up from cfg; version is appended to the source note.  reuse_dir
 * (NULL for none) is the output folder whose charts may be kept.  Reads the
 * program's own file for the setup digest. */
void render_init(struct render *r, const struct sio_config *cfg, const char *version,
                 const char *reuse_dir);

/* "charts/<force-stem>/<name>": where chart name of force goes, relative to
 * the output folder, without extension (the force's folder is stem_make()
 * of its key).  Returns buf. */
char *render_chart_name(const char *force, const char *name, char *buf, size_t size);

/* The configured formats as "png svg pdf".  Returns buf. */
char *render_formats(const struct render *r, char *buf, size_t size);

/* The path of one variant into buf (SIO_ECANTCREAT if too long). */
int render_path(const struct render *r, const char *dir, const char *name, int size_index,
                int format, int dpi_index, char *buf, size_t size, struct sio_error *err);

/* Start force's charts: its folder made, the reused output's list read. */
int render_force_begin(struct render *r, const char *force, struct sio_error *err);

/* Draw every variant of chart name for the current force, then write alt
 * as its sidecar, unless the reused output has them for the same digest.
 * data_digest is the digest of what draw reads from data.  Returns SIO_OK
 * or the first failure (chart_render's codes). */
int render_chart(struct render *r, const char *name, chart_draw_fn draw, const void *data,
                 const struct digest *data_digest, const char *alt, struct sio_error *err);

/* The force is done: its list of digests written.  After a failure, pass
 * ok = 0: nothing is written. */
int render_force_end(struct render *r, int ok, struct sio_error *err);

#endif
