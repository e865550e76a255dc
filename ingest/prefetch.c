/*
 * prefetch.c — reading the next file ahead; see prefetch.h.
 */
#include "prefetch.h"
#include "filekey.h"
#include "kinds.h"
#include "store/store.h"

#include <string.h>

/* On the reader thread, with the header: the checks the writer would set. */
static void choose_checks(void *ctx, const struct csvin_row *header)
{
    struct prefetch *p = ctx;
    enum file_kind kind = kind_of_header(header, p->env);
    struct file_key key;
    if (!kind_is_police_uk(kind))
        return; /* tables are checked by the writer */
    key_from_name(p->path, kind, &key);
    row_checker_init(&p->check, kind, p->env, &key,
                     kind_ops(kind)->flags & KIND_CRIME_IDS ? p->env->crime_ids : NULL);
    csvin_set_prep(p->reading, row_check_prep, &p->check);
    csvin_set_prep_finish(p->reading, row_check_finish);
}

/* Whether the store already has these bytes (then the file is skipped);
 * when that cannot be told, no read-ahead: the writer finds out. */
static int seen(sqlite3 *db, const struct ingest_env *env, const char *sha)
{
    struct sio_error err;
    int got = 1;
    return ingest_seen(db, env->stmts, sha, &got, &err) || got;
}

void prefetch_start(struct prefetch *p, sqlite3 *db, const struct input *src,
                    const struct fingerprint *fp, const struct ingest_env *env)
{
    struct sio_error err;
    prefetch_stop(p);
    if (src->member || fp->rc || seen(db, env, fp->sha256) || csvin_open(&p->in, src->path, &err))
        return;
    p->src = src;
    p->reading = p->in;
    p->path = src->path;
    p->env = env;
    if (csvin_start(p->in, choose_checks, p, &err))
        prefetch_stop(p);
}

struct csvin *prefetch_take(struct prefetch *p, const struct input *src)
{
    if (!p || !p->in || p->src != src) {
        if (p)
            prefetch_stop(p);
        return NULL;
    }
    struct csvin *in = p->in;
    p->in = NULL;
    p->src = NULL;
    return in;
}

void prefetch_stop(struct prefetch *p)
{
    csvin_close(p->in);
    p->in = NULL;
    p->src = NULL;
}
