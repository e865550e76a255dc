/*
 * marking.c — {{classification}} replaced inside a .docx with libzip.
 */
#include "marking.h"

#include "sys/atomic.h"

#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#define PART_MAX (4 << 20) /* a header or footer part bigger than this is not one */

/* s with XML's five special characters as entities; caller frees. */
static char *xml_escaped(const char *s)
{
    char *out = malloc(strlen(s) * 6 + 1), *o = out;
    for (; out && *s; s++) {
        const char *e = *s == '&' ? "&amp;" : *s == '<' ? "&lt;" : *s == '>' ? "&gt;"
                      : *s == '"' ? "&quot;" : *s == '\'' ? "&apos;" : NULL;
        if (e)
            o += sprintf(o, "%s", e);
        else
            *o++ = *s;
    }
    if (out)
        *o = '\0';
    return out;
}

/* The part's text with every placeholder replaced; NULL when out of memory.
 * *found counts the placeholders. */
static char *replace_all(const char *text, const char *with, int *found)
{
    size_t pl = strlen(MARKING_PLACEHOLDER), wl = strlen(with), n = 0;
    for (const char *p = text; (p = strstr(p, MARKING_PLACEHOLDER)); p += pl)
        n++;
    char *out = malloc(strlen(text) + n * wl + 1), *o = out;
    *found = (int)n;
    for (const char *p = text, *hit; out; p = hit + pl) {
        if (!(hit = strstr(p, MARKING_PLACEHOLDER))) {
            strcpy(o, p);
            break;
        }
        memcpy(o, p, (size_t)(hit - p));
        o += hit - p;
        memcpy(o, with, wl);
        o += wl;
    }
    return out;
}

/* Entry i of z as a NUL-terminated string; NULL when it cannot be read. */
static char *read_entry(zip_t *z, zip_uint64_t i)
{
    zip_stat_t st;
    if (zip_stat_index(z, i, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) || st.size > PART_MAX)
        return NULL;
    zip_file_t *f = zip_fopen_index(z, i, 0);
    char *buf = f ? malloc(st.size + 1) : NULL;
    if (buf && zip_fread(f, buf, st.size) == (zip_int64_t)st.size)
        buf[st.size] = '\0';
    else {
        free(buf);
        buf = NULL;
    }
    if (f)
        zip_fclose(f);
    return buf;
}

struct marks {
    int header, footer;     /* parts that now carry the marking */
};

/* Put the marking into part i of z when it is a header or footer. */
static int mark_part(zip_t *z, zip_uint64_t i, const char *escaped, struct marks *m)
{
    const char *name = zip_get_name(z, i, 0);
    int header = name && !fnmatch("word/header*.xml", name, 0);
    int footer = name && !fnmatch("word/footer*.xml", name, 0);
    if (!header && !footer)
        return 0;
    char *text = read_entry(z, i), *marked = NULL;
    int found = 0;
    if (!text || !(marked = replace_all(text, escaped, &found))) {
        free(text);
        return -1;
    }
    int carries = found || strstr(text, escaped) != NULL;
    m->header += header && carries;
    m->footer += footer && carries;
    free(text);
    if (!found) {
        free(marked);
        return 0;
    }
    zip_source_t *src = zip_source_buffer(z, marked, strlen(marked), 1);
    if (!src) {
        free(marked);
        return -1;
    }
    if (zip_file_replace(z, i, src, ZIP_FL_ENC_UTF_8) != 0) {
        zip_source_free(src); /* frees marked */
        return -1;
    }
    /* 1980-01-01 00:00, as every other part of the reference: the same
     * inputs give the same bytes. */
    return zip_file_set_dostime(z, i, 0, (0 << 9) | (1 << 5) | 1, 0) != 0 ? -1 : 0;
}

int marking_reference(const char *from, const char *to, const char *marking,
                      struct sio_error *err)
{
    struct marks m = { 0, 0 };
    int zerr = 0, rc = atomic_copy(from, to, err);
    if (rc)
        return rc;
    zip_t *z = zip_open(to, 0, &zerr);
    char *escaped = xml_escaped(marking);
    if (!z || !escaped) {
        free(escaped);
        if (z)
            zip_discard(z);
        return sio_fail(err, SIO_ECONFIG, from, 0, "not a Word document (.docx) that can be read");
    }
    zip_int64_t n = zip_get_num_entries(z, 0);
    for (zip_int64_t i = 0; !rc && i < n; i++)
        if (mark_part(z, (zip_uint64_t)i, escaped, &m))
            rc = sio_fail(err, SIO_ECONFIG, from, 0, "cannot read its page headers and footers");
    if (!rc && (!m.header || !m.footer))
        rc = sio_fail(err, SIO_ECONFIG, from, 0, "the reference document's page %s has no %s "
                      "(or marking): put " MARKING_PLACEHOLDER " where the classification goes",
                      !m.header ? "header" : "footer", MARKING_PLACEHOLDER);
    if (rc)
        zip_discard(z);
    else if (zip_close(z) != 0) {
        rc = sio_fail(err, SIO_EIO, to, 0, "cannot write the marked reference: %s",
                      zip_strerror(z));
        zip_discard(z);
    }
    free(escaped);
    return rc;
}
