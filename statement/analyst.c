/*
 * analyst.c — reading the analyst's statement text file.
 *
 * The file is read whole (it is a few kilobytes) and cut at "## " lines.
 * Only "## " at the start of a line opens a section; "###" and deeper are
 * part of the text.  Dated lines are recognised only at the top of a
 * section, so "Quarter:" in the middle of a paragraph is just words.
 */
#include "analyst.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

month_t analyst_parse_quarter(const char *s)
{
    int y1, y2, q, used = 0;

    if (sscanf(s, "%4d/%2d Q%1d%n", &y1, &y2, &q, &used) != 3 || s[used] != '\0' ||
        q < 1 || q > 4 || (y1 + 1) % 100 != y2)
        return MONTH_NONE;
    /* Q1 starts in April of the first year; Q4 in January of the second */
    return q == 4 ? month_make(y1 + 1, 1) : month_make(y1, 4 + 3 * (q - 1));
}

static char *read_all(FILE *f)
{
    size_t cap = 4096, n = 0, got;
    char *buf = malloc(cap);

    while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n + 1 == cap) {
            char *p = realloc(buf, cap *= 2);
            if (!p)
                free(buf);
            buf = p;
        }
    }
    if (buf)
        buf[n] = '\0';
    return buf;
}

/* Trim trailing blanks of the line [p, end) in place; returns p. */
static char *trim(char *p)
{
    size_t n = strlen(p);
    while (n && isspace((unsigned char)p[n - 1]))
        p[--n] = '\0';
    while (isspace((unsigned char)*p))
        p++;
    return p;
}

static int valid_date(const char *d)
{
    int y, m, day, used = 0;
    return strlen(d) == 10 && sscanf(d, "%4d-%2d-%2d%n", &y, &m, &day, &used) == 3 &&
           used == 10 && m >= 1 && m <= 12 && day >= 1 && day <= 31;
}

/* One dated line at the top of a section; 1 taken, 0 not a dated line,
 * -1 malformed. */
static int dated_line(struct analyst_section *sec, char *line)
{
    if (strncmp(line, "Quarter:", 8) == 0) {
        sec->quarter = analyst_parse_quarter(trim(line + 8));
        return sec->quarter == MONTH_NONE ? -1 : 1;
    }
    if (strncmp(line, "Written:", 8) == 0) {
        char *d = trim(line + 8);
        if (!valid_date(d))
            return -1;
        memcpy(sec->written, d, 11);
        return 1;
    }
    return 0;
}

static struct analyst_section *new_section(struct analyst_text *t, const char *key, long line)
{
    struct analyst_section *p = realloc(t->s, (t->n + 1) * sizeof *p);
    if (!p)
        return NULL;
    t->s = p;
    p = &t->s[t->n++];
    memset(p, 0, sizeof *p);
    snprintf(p->key, sizeof p->key, "%s", key);
    p->line = line;
    p->quarter = MONTH_NONE;
    return p;
}

/* Append line (with its newline) to the section body. */
static int add_body(struct analyst_section *sec, const char *line)
{
    size_t old = sec->body ? strlen(sec->body) : 0, add = strlen(line);
    char *p = realloc(sec->body, old + add + 2);
    if (!p)
        return 0;
    memcpy(p + old, line, add);
    p[old + add] = '\n';
    p[old + add + 1] = '\0';
    sec->body = p;
    return 1;
}

/* Walk the lines of text (cut in place at each newline), blank ones
 * included: they separate Markdown paragraphs. */
static int parse(char *text, struct analyst_text *t, struct sio_error *err)
{
    struct analyst_section *sec = NULL;
    int top = 0; /* still at the top of sec, where dated lines go */
    long lineno = 0;

    for (char *line = text, *next; line && *line; line = next) {
        if ((next = strchr(line, '\n')))
            *next++ = '\0';
        lineno++;
        line[strcspn(line, "\r")] = '\0';
        if (strncmp(line, "## ", 3) == 0) {
            char *key = trim(line + 3);
            if (analyst_find(t, key))
                return sio_fail(err, SIO_EDATA, t->path, lineno, "measure '%s' has two sections", key);
            if (!(sec = new_section(t, key, lineno)))
                return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
            top = 1;
            continue;
        }
        if (!sec)
            continue;
        int d = top ? dated_line(sec, line) : 0;
        if (d < 0)
            return sio_fail(err, SIO_EDATA, t->path, lineno,
                            "bad dated line (want 'Quarter: 2022/23 Q1' or 'Written: YYYY-MM-DD')");
        if (d == 0) {
            top = top && *trim(line) == '\0';
            if (!add_body(sec, line))
                return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
        }
    }
    return SIO_OK;
}

int analyst_load(const char *path, struct analyst_text *t, struct sio_error *err)
{
    FILE *f;
    char *text;
    int rc;

    memset(t, 0, sizeof *t);
    snprintf(t->path, sizeof t->path, "%s", path);
    if (!(f = fopen(path, "r")))
        return errno == ENOENT ? SIO_OK
                               : sio_fail(err, SIO_ENOINPUT, path, 0, "cannot read: %s", strerror(errno));
    t->exists = 1;
    text = read_all(f);
    fclose(f);
    if (!text)
        return sio_fail(err, SIO_ESOFTWARE, path, 0, "out of memory");
    rc = parse(text, t, err);
    free(text);
    for (size_t i = 0; rc == SIO_OK && i < t->n; i++)
        if (t->s[i].body) {
            char *b = trim(t->s[i].body);
            memmove(t->s[i].body, b, strlen(b) + 1);
        }
    return rc;
}

void analyst_free(struct analyst_text *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->s[i].body);
    free(t->s);
    t->s = NULL;
    t->n = 0;
}

const struct analyst_section *analyst_find(const struct analyst_text *t, const char *key)
{
    for (size_t i = 0; i < t->n; i++)
        if (strcmp(t->s[i].key, key) == 0)
            return &t->s[i];
    return NULL;
}
