/*
 * analyst.h — the words only people can write, kept in a Markdown file
 * beside the configuration ([statement] text, default statement-text.md).
 *
 * The file holds one section per measure, headed "## <measure key>"
 * (exactly the measures.ini section name).  A section may open with two
 * dated lines, before any other text:
 *
 *     Quarter: 2021/22 Q4     the quarter the words were written for
 *     Written: 2022-04-20     the day they were last revised
 *
 * and the rest of the section, up to the next "## " line, is the text
 * (Markdown; "###" subheadings such as "Reflections on performance and
 * context" and "Planned action for the next quarter").  Anything before the
 * first "## " line is a preamble for the analyst and is not printed.  A
 * missing file is not an error: every measure is then flagged as missing
 * its text.
 */
#ifndef SIO_ANALYST_H
#define SIO_ANALYST_H

#include "sys/error.h"
#include "sys/month.h"

#include <stddef.h>

struct analyst_section {
    char key[64];          /* the measure key after "## " */
    long line;             /* the heading's line in the file */
    month_t quarter;       /* "Quarter:" first month; MONTH_NONE if absent */
    char written[11];      /* "Written:" YYYY-MM-DD; "" if absent */
    char *body;            /* the Markdown text, trimmed; owned */
};

struct analyst_text {
    char path[1024];
    int exists;            /* the file was there */
    struct analyst_section *s;
    size_t n;
};

/* Read path into t.  SIO_OK when the file is absent (t->exists = 0);
 * SIO_EDATA naming file and line for a malformed Quarter: or Written:
 * line or a measure given twice; SIO_ENOINPUT when it cannot be read. */
int analyst_load(const char *path, struct analyst_text *t, struct sio_error *err);

void analyst_free(struct analyst_text *t);

/* The section for key, or NULL. */
const struct analyst_section *analyst_find(const struct analyst_text *t, const char *key);

/* Parse "2021/22 Q4" to the quarter's first month, MONTH_NONE if malformed
 * (the second year must follow the first). */
month_t analyst_parse_quarter(const char *s);

#endif
