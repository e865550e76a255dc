/*
 * office.h — the statement as Word (.docx) and PDF beside its Markdown and
 * HTML, for the offices that take a panel paper in Word or a PDF for a
 * website ([statement] formats, default docx pdf).
 *
 * The Word copy is pandoc's, from the Markdown (statement/docx.c); the PDF
 * is Chromium's print of the HTML with a print stylesheet (statement/pdf.c),
 * by the one Chromium of the run (statement/browser.c) on a worker thread.
 * Both run at once, and while they do sio-statement composes the next
 * draft.  Each writes a temporary file that is renamed into place only when
 * both have succeeded, and every scratch file is removed whatever happens.
 * Made from the Markdown and HTML sio-statement has just written (still
 * under their temporary names), so they carry whatever those hold.
 */
#ifndef SIO_STATEMENT_OFFICE_H
#define SIO_STATEMENT_OFFICE_H

#include "browser.h"
#include "config/config.h"
#include "convert.h"
#include "sys/atomic.h"
#include "sys/worker.h"

#include <limits.h>

#define OFFICE_SCRATCH 3

/* One copy being made. */
struct office_file {
    struct convert_job job;              /* the converter */
    struct atomic_file out;              /* the copy, under its temporary name */
    char scratch[OFFICE_SCRATCH][PATH_MAX]; /* scratch files to remove ("" none) */
    char scratch_dir[PATH_MAX];          /* a scratch folder to remove ("" none) */
};

/* The copies made: their names, "" for one not asked for. */
struct office_written {
    char docx[PATH_MAX];
    char pdf[PATH_MAX];
};

/* One draft's copies being made. */
struct office_job {
    struct office_file docx, pdf;
    struct browser *browser;             /* prints the PDF */
    char url[3 * PATH_MAX + 16];         /* the PDF's print copy */
    struct worker_job printing;          /* the print, on a worker thread */
    int printing_started;                /* worker_wait() it */
    int print_rc;                        /* how the print went */
    struct sio_error print_err;
};

/* Start the copies cfg asks for of the draft being written to md and html
 * (their temporary files flushed, not yet committed), the PDF through b.
 * office_finish() must follow, whatever this returns. */
int office_start(const struct sio_config *cfg, const struct atomic_file *md,
                 const struct atomic_file *html, struct browser *b, struct office_job *job,
                 struct sio_error *err);

/* Wait for the copies; when ok and both succeeded, rename them into place
 * and name them in written, else drop them.  The first failure. */
int office_finish(struct office_job *job, int ok, struct office_written *written,
                  struct sio_error *err);

/* For docx.c and pdf.c: path with its extension replaced by ext. */
void office_sibling(const char *path, const char *ext, char *out, size_t size);

/* A new empty scratch file beside near, named like it with suffix (".lua"),
 * kept in f->scratch[i] for removal. */
int office_scratch_file(struct office_file *f, int i, const char *near, const char *suffix,
                        struct sio_error *err);

/* Open f->out for path: the converter is then told to write f->out.tmp. */
int office_open(struct office_file *f, const char *path, struct sio_error *err);

#endif
