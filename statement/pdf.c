/*
 * pdf.c — the print copy of the HTML for Chromium (statement/browser.c) to
 * print, and the PDF made reproducible afterwards.
 */
#include "pdf.h"

#include "sys/sourcedate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PDF_MAX (256 << 20)

/* The whole file at path (caller frees), *len its size; NULL on failure. */
static char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    char *buf = NULL;
    long n = -1;
    if (fp && fseek(fp, 0, SEEK_END) == 0 && (n = ftell(fp)) >= 0 && n <= PDF_MAX &&
        fseek(fp, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n + 1)) &&
        fread(buf, 1, (size_t)n, fp) == (size_t)n) {
        buf[n] = '\0';
        *len = (size_t)n;
    } else {
        free(buf);
        buf = NULL;
    }
    if (fp)
        fclose(fp);
    return buf;
}

/* s as the inside of a CSS string. */
static void css_string(FILE *fp, const char *s)
{
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fputc('\\', fp);
        fputc(*s, fp);
    }
}

/* The HTML with the print stylesheet and the marking rule before </head>. */
static int print_copy(const struct sio_config *cfg, const char *html, const char *to,
                      struct sio_error *err)
{
    size_t hl = 0, cl = 0;
    char *page = slurp(html, &hl), *css = page ? slurp(cfg->statement_css, &cl) : NULL;
    char *head = page ? strstr(page, "</head>") : NULL;
    FILE *fp = head && css ? fopen(to, "w") : NULL;
    int rc = SIO_OK;
    if (!page)
        rc = sio_fail(err, SIO_ENOINPUT, html, 0, "cannot read the statement's HTML: %m");
    else if (!css)
        rc = sio_fail(err, SIO_ECONFIG, cfg->statement_css, 0, "cannot read the print "
                      "stylesheet ([statement] print_css): %m");
    else if (!head)
        rc = sio_fail(err, SIO_ESOFTWARE, html, 0, "the HTML has no </head>");
    else if (!fp)
        rc = sio_fail(err, SIO_ECANTCREAT, to, 0, "cannot write: %m");
    if (!rc && fp && css) {
        fwrite(page, 1, (size_t)(head - page), fp);
        fprintf(fp, "<style>\n%s\n@page {\n  @top-center { content: \"", css);
        css_string(fp, cfg->classification);
        fputs("\"; }\n  @bottom-center { content: \"", fp);
        css_string(fp, cfg->classification);
        fprintf(fp, "\"; }\n}\n</style>\n%s", head);
        if (ferror(fp))
            rc = sio_fail(err, SIO_EIO, to, 0, "cannot write: %m");
    }
    if (fp && fclose(fp) != 0 && !rc)
        rc = sio_fail(err, SIO_EIO, to, 0, "cannot write: %m");
    free(page);
    free(css);
    return rc;
}

/* "file://" and the absolute path, with what a URL cannot hold %-escaped. */
static int file_url(const char *path, char *out, size_t size, struct sio_error *err)
{
    char real[PATH_MAX];
    size_t o = 0;
    if (!realpath(path, real))
        return sio_fail(err, SIO_ECANTCREAT, path, 0, "cannot find: %m");
    o = (size_t)snprintf(out, size, "file://");
    for (const unsigned char *p = (const unsigned char *)real; *p && o + 4 < size; p++) {
        if (strchr("/-._~", *p) || (*p >= '0' && *p <= '9') || ((*p | 32) >= 'a' && (*p | 32) <= 'z'))
            out[o++] = (char)*p;
        else
            o += (size_t)snprintf(out + o, size - o, "%%%02X", *p);
    }
    out[o] = '\0';
    return SIO_OK;
}

int pdf_prepare(struct office_file *f, const struct sio_config *cfg, const char *html,
                const char *source, char *url, size_t url_size, struct sio_error *err)
{
    char path[PATH_MAX];
    int rc;
    office_sibling(html, "pdf", path, sizeof path);
    if ((rc = office_scratch_file(f, 0, path, ".html", err)) ||
        (rc = print_copy(cfg, source, f->scratch[0], err)) ||
        (rc = file_url(f->scratch[0], url, url_size, err)))
        return rc;
    return office_open(f, path, err);
}

static int by_value(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

/* Chromium names each structure element "(nodeNNNNNNNN)" from its own DOM
 * counters, which differ from run to run: number them afresh in their own
 * order (same width, so nothing moves and the cross-reference table holds). */
static void renumber_nodes(char *pdf, size_t len)
{
    static const char tag[] = "(node";
    const size_t tl = sizeof tag - 1, width = 8;
    long *ids = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i + tl + width < len; i++) {
        if (memcmp(pdf + i, tag, tl) || pdf[i + tl + width] != ')')
            continue;
        char digits[16];
        memcpy(digits, pdf + i + tl, width);
        digits[width] = '\0';
        if (strspn(digits, "0123456789") != width)
            continue;
        if (n == cap) {
            long *grown = realloc(ids, (cap = cap ? 2 * cap : 256) * sizeof *ids);
            if (!grown) {
                free(ids);
                return;
            }
            ids = grown;
        }
        ids[n++] = atol(digits);
    }
    /* ... sorted and distinct, each id's new number is its rank + 1. */
    if (n)
        qsort(ids, n, sizeof *ids, by_value);
    size_t distinct = 0;
    for (size_t i = 0; i < n; i++)
        if (!distinct || ids[distinct - 1] != ids[i])
            ids[distinct++] = ids[i];
    for (size_t i = 0; i + tl + width < len; i++) {
        if (memcmp(pdf + i, tag, tl) || pdf[i + tl + width] != ')')
            continue;
        long id = atol(pdf + i + tl);
        size_t lo = 0, hi = distinct;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (ids[mid] < id)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < distinct && ids[lo] == id) {
            char num[24];
            snprintf(num, sizeof num, "%08zu", lo + 1);
            memcpy(pdf + i + tl, num, width);
        }
    }
    free(ids);
}

int pdf_after(struct office_file *f, struct sio_error *err)
{
    size_t len = 0;
    char *pdf = slurp(f->out.tmp, &len);
    int rc = SIO_OK;
    if (!pdf || len < 5 || memcmp(pdf, "%PDF-", 5) != 0)
        rc = sio_fail(err, SIO_ESOFTWARE, f->out.path, 0, "chromium wrote no PDF");
    else {
        sourcedate_fix_pdf(pdf, len);
        renumber_nodes(pdf, len);
        FILE *fp = fopen(f->out.tmp, "r+b");
        int failed = !fp;
        if (fp) {
            failed = fwrite(pdf, 1, len, fp) != len;
            failed |= fclose(fp) != 0;
        }
        if (failed)
            rc = sio_fail(err, SIO_EIO, f->out.path, 0, "cannot write: %m");
    }
    free(pdf);
    return rc;
}
