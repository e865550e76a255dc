/*
 * office.c — starting both converters, then finishing both, and the scratch
 * files they need.
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

/* Wait for f's converter; commit its file or drop it; remove its scratch. */
static int finish(struct office_file *f, int (*after)(struct office_file *, struct sio_error *),
                  int ok, struct sio_error *err)
{
    int started = f->out.fp != NULL;
    int rc = convert_finish(&f->job, err);
    if (!started)
        ok = 0;
    if (!rc && ok && after)
        rc = after(f, err);
    if (!rc && ok && f->out.fp)
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

int office_write(const struct sio_config *cfg, const char *md, const char *html,
                 struct office_written *written, struct sio_error *err)
{
    static struct office_file docx, pdf;
    struct sio_error err2;
    int rc = SIO_OK, rc2;
    memset(&docx, 0, sizeof docx);
    memset(&pdf, 0, sizeof pdf);
    memset(written, 0, sizeof *written);
    if (cfg->statement_formats & STATEMENT_DOCX)
        rc = docx_start(&docx, cfg, md, err);
    if (!rc && (cfg->statement_formats & STATEMENT_PDF))
        rc = pdf_start(&pdf, cfg, html, err);
    /* Both are finished, whatever happened, so no child or scratch file is
     * left behind; the first failure is the one reported. */
    rc2 = finish(&docx, NULL, !rc, rc ? &err2 : err);
    rc = rc ? rc : rc2;
    rc2 = finish(&pdf, pdf_after, !rc, rc ? &err2 : err);
    rc = rc ? rc : rc2;
    if (!rc) {
        snprintf(written->docx, sizeof written->docx, "%s", docx.out.path);
        snprintf(written->pdf, sizeof written->pdf, "%s", pdf.out.path);
    }
    return rc;
}
