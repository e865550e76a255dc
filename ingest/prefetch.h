/*
 * prefetch.h — the next file read and checked while this one finishes.
 *
 * A file's reader thread ends with its last row, and the writer then still
 * settles held rows, writes the file's counts and commits; starting the
 * next file's reader only after all that left the second core idle and the
 * writer waiting for that reader's first rows at every file.  So, as soon as
 * one file's reader ends, the next input is opened and its reader started
 * (csvin_start()): it reads the header, works out the kind and key as the
 * writer will (kind_of_header(), key_from_name()), and checks the rows with
 * its own row_checker (check.h), including the Crime ID filter note, which
 * the writer does not touch meanwhile.  The writer later takes the csvin
 * over (prefetch_take()) and reads the header and rows from it as from any.
 *
 * Only plain police.uk-named files whose bytes are not yet in the store are
 * read ahead; anything else is read when its turn comes.  A read-ahead that
 * is not taken is simply closed.
 */
#ifndef SIO_INGEST_PREFETCH_H
#define SIO_INGEST_PREFETCH_H

#include "check.h"
#include "ingest.h"

#include <sqlite3.h>

struct prefetch {
    const struct input *src;     /* the input read ahead and not yet taken, or NULL */
    struct csvin *in;            /* its csvin, until taken */
    /* For the reader thread's header hook: set before it starts, unchanged
     * (taken or not) until that csvin is halted. */
    struct csvin *reading;
    const char *path;
    const struct ingest_env *env;
    struct row_checker check;    /* the reader thread's, set from the header */
};

/* Read src ahead, if it is a plain file whose fingerprint fp is sound and
 * not in db's files table; a street file's Crime IDs are noted in
 * env->crime_ids.  Call only when no reader thread uses that set's filter
 * or env->labels. */
void prefetch_start(struct prefetch *p, sqlite3 *db, const struct input *src,
                    const struct fingerprint *fp, const struct ingest_env *env);

/* The csvin reading src ahead, now the caller's; NULL when src is not the
 * one read ahead.  p->check stays in use until the csvin is halted. */
struct csvin *prefetch_take(struct prefetch *p, const struct input *src);

/* Close a read-ahead that was not taken; p may be reused. */
void prefetch_stop(struct prefetch *p);

#endif
