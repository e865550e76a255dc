/*
 * office.c — starting both converters (the PDF's on a worker thread), then
 * settling and committing both, and the scratch files they need.
 */
#include "office.h"

#include "docx.h"
#include "pdf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void office_sibling(const char *path, const char *ext, char *out, size_t size)
{
    const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');
    size_t stem = dot && (!slash || dot > slash) ? (size_t)(dot - path) : strlen(path);
    snprintf(out, size, "%.*s.%s", (int)stem, path, ext);
}

int office_scratch_file(struct office_file *f, int i, const char *near, const char *suffix,
                        struct sio_error *err)
{
    char *p = f->scratch[i];
    int n = snprintf(p, sizeof f->scratch[i], "%s.tmp.XXXXXX%s", near, suffix);
    if (n < 0 || (size_t)n >= sizeof f->scratch[i])
        return sio_fail(err, SIO_ECANTCREAT, near, 0, "file name too long");
    int fd = mkstemps(p, (int)strlen(suffix));
    if (fd < 0) {
        int saved = errno;
        p[0] = '\0';
        return sio_fail(err, SIO_ECANTCREAT, near, 0, "cannot create a scratch file: %s",
                        strerror(saved));
    }
    close(fd);
    return SIO_OK;
}

int office_open(struct office_file *f, const char *path, struct sio_error *err)
{
    /* The converter writes f->out.tmp by name; f->out keeps it open so that
     * atomic_commit() can fsync it before the rename. */
    int rc = atomic_open(&f->out, path, err);
    f->job.output = f->out.path;
    return rc;
}

/* Wait for f's converter and check what it made (after). */
static int settle(struct office_file *f, int (*after)(struct office_file *, struct sio_error *),
                  struct sio_error *err)
{
    int rc = convert_finish(&f->job, err);
    if (!rc && after && f->out.fp)
        rc = after(f, err);
    return rc;
}

/* Commit f's copy (or drop it) and remove its scratch files. */
static int close_copy(struct office_file *f, int commit, struct sio_error *err)
{
    int rc = SIO_OK;
    if (commit && f->out.fp)
        rc = atomic_commit(&f->out, err);
    else
        atomic_abort(&f->out);
    for (int i = 0; i < OFFICE_SCRATCH; i++)
        if (f->scratch[i][0])
            unlink(f->scratch[i]);
    if (f->scratch_dir[0])
        atomic_remove_tree(f->scratch_dir);
    return rc;
}

static void print_pdf(void *arg)
{
    struct office_job *job = arg;
    job->print_rc = browser_print(job->browser, job->url, job->pdf.out.tmp, &job->print_err);
}

int office_start(const struct sio_config *cfg, const struct atomic_file *md,
                 const struct atomic_file *html, struct browser *b, struct office_job *job,
                 struct sio_error *err)
{
    int rc = SIO_OK;
    memset(job, 0, sizeof *job);
    job->browser = b;
    if (cfg->statement_formats & STATEMENT_DOCX)
        rc = docx_start(&job->docx, cfg, md->path, md->tmp, err);
    if (!rc && (cfg->statement_formats & STATEMENT_PDF) &&
        !(rc = pdf_prepare(&job->pdf, cfg, html->path, html->tmp, job->url, sizeof job->url,
                           err))) {
        /* Without a spare thread, printed here and now. */
        job->printing_started = worker_start(&job->printing, print_pdf, job) == 0;
        if (!job->printing_started)
            print_pdf(job);
    }
    return rc;
}

int office_finish(struct office_job *job, int ok, struct office_written *written,
                  struct sio_error *err)
{
    struct sio_error ignored;
    int rc, rc2;
    if (job->printing_started)
        worker_wait(&job->printing);
    job->printing_started = 0;
    /* Both are settled, whatever happened, so no child or scratch file is
     * left behind; the first failure is the one reported. */
    rc = settle(&job->docx, NULL, ok ? err : &ignored);
    if (ok && !rc && job->print_rc) {
        *err = job->print_err; /* named by its final name, not the temporary one */
        snprintf(err->file, sizeof err->file, "%s", job->pdf.out.path);
    }
    rc = rc ? rc : job->print_rc;
    rc2 = settle(&job->pdf, pdf_after, ok && !rc ? err : &ignored);
    rc = rc ? rc : rc2;
    ok = ok && !rc;
    rc2 = close_copy(&job->docx, ok, ok ? err : &ignored);
    rc = rc ? rc : rc2;
    ok = ok && !rc;
    rc2 = close_copy(&job->pdf, ok, ok ? err : &ignored);
    rc = rc ? rc : rc2;
    if (written) {
        memset(written, 0, sizeof *written);
        if (!rc) {
            snprintf(written->docx, sizeof written->docx, "%s", job->docx.out.path);
            snprintf(written->pdf, sizeof written->pdf, "%s", job->pdf.out.path);
        }
    }
    return rc;
}
