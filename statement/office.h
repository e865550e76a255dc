/*
 * office.h — the statement as Word (.docx) and PDF beside its Markdown and
 * HTML, for the offices that take a panel paper in Word or a PDF for a
 * website ([statement] formats, default docx pdf).
 *
 * The Word copy is pandoc's, from the Markdown (statement/docx.c); the PDF
 * is Chromium's print of the HTML with a print stylesheet (statement/pdf.c).
 * Both run at once, as child processes; each writes a temporary file that is
 * renamed into place only when it has succeeded, and every scratch file is
 * removed whatever happens.  Made from the files sio-statement has just
 * written, so they carry whatever those hold.
 */
#ifndef SIO_STATEMENT_OFFICE_H
#define SIO_STATEMENT_OFFICE_H

#include "config/config.h"
#include "convert.h"
#include "sys/atomic.h"

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

/* Make the copies cfg asks for of the statement written to md and html. */
int office_write(const struct sio_config *cfg, const char *md, const char *html,
                 struct office_written *written, struct sio_error *err);

/* For docx.c and pdf.c: path with its extension replaced by ext. */
void office_sibling(const char *path, const char *ext, char *out, size_t size);

/* A new empty scratch file beside near, named like it with suffix (".lua"),
 * kept in f->scratch[i] for removal. */
int office_scratch_file(struct office_file *f, int i, const char *near, const char *suffix,
                        struct sio_error *err);

/* Open f->out for path: the converter is then told to write f->out.tmp. */
int office_open(struct office_file *f, const char *path, struct sio_error *err);

#endif
