/*
 * load.c — one file into the store, all or nothing.
 *
 * Order matters: the file's key (kind, force, month) must be known before
 * its first row is stored, because an older file with the same key is
 * superseded first — otherwise the new edition's Crime IDs would collide with
 * the old edition's and be miscounted as duplicates.  The key comes from a
 * police.uk file name (YYYY-MM-<force>-<kind>.csv) when it has one, else from
 * the first usable row.  The other tables are keyed by kind and series (the
 * file's base name; a Home Office table by its edition: see key_for_table()).
 * A source is a plain file or a .zip member; either way its bytes are
 * fingerprinted first and vetted again before the commit (the file did not
 * change while read; the member inflated without a CRC error).
 */
#include "crimeset.h"
#include "dedupe.h"
#include "filekey.h"
#include "ingest.h"
#include "kinds.h"
#include "prefetch.h"
#include "labels.h"
#include "sys/month.h"
#include "sink.h"
#include "store/stmts.h"
#include "store/store.h"
#include "store/street_tally.h"
#include "store/streetrows.h"
#include "tab.h"
#include "zipsrc.h"

#include <libgen.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

int ingest_seen(sqlite3 *db, struct stmts *stmts, const char *sha, int *seen,
                struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = stmts_get(stmts, db, "SELECT 1 FROM files WHERE sha256 = ?", &st, err);
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, sha, -1, SQLITE_STATIC);
    int step = sqlite3_step(st);
    *seen = step == SQLITE_ROW;
    stmts_put(stmts, st);
    return step == SQLITE_ROW || step == SQLITE_DONE ? SIO_OK
                                                     : store_fail(db, err, "cannot look up file");
}

static int file_insert(sqlite3 *db, struct stmts *stmts, const char *path,
                       const struct ingest_result *res, long long bytes, long long *id,
                       struct sio_error *err)
{
    sqlite3_stmt *st;
    char now[32];
    int rc = stmts_get(stmts, db, "INSERT INTO files(path, sha256, kind, force, month, bytes,"
                                  " rows_read, rows_loaded, rows_rejected, rows_duplicate,"
                                  " loaded_at) VALUES (?,?,?,'','',?,0,0,0,0,?)", &st, err);
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, res->sha256, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, kind_name(res->kind), -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 4, bytes);
    sqlite3_bind_text(st, 5, store_now(now), -1, SQLITE_TRANSIENT);
    rc = sqlite3_step(st) == SQLITE_DONE ? SIO_OK : store_fail(db, err, "cannot record file");
    stmts_put(stmts, st);
    *id = sqlite3_last_insert_rowid(db);
    return rc;
}

/* A deleted street row: the new file's check learns its Crime ID, which is
 * no longer stored (dedupe.h).  ctx is the check, or NULL. */
static int row_removed(void *ctx, sqlite3_stmt *row, struct sio_error *err)
{
    if (!ctx || sqlite3_column_type(row, 0) == SQLITE_NULL)
        return SIO_OK;
    return dedupe_removed(ctx, (const char *)sqlite3_column_blob(row, 0),
                          (size_t)sqlite3_column_bytes(row, 0), err);
}

/* The rows of table (sio's own name, not the user's) that belong to the
 * files file id supersedes. */
static int delete_superseded(sqlite3 *db, const char *table, long long id,
                             struct sio_error *err)
{
    sqlite3_stmt *st;
    char sql[160];
    snprintf(sql, sizeof sql, "DELETE FROM %s WHERE file_id IN"
             " (SELECT id FROM files WHERE superseded_by = ?)", table);
    int rc = store_prepare(db, sql, &st, err);
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, id);
    rc = sqlite3_step(st) == SQLITE_DONE ? SIO_OK
         : store_fail(db, err, "cannot delete replaced rows");
    sqlite3_finalize(st);
    return rc;
}

/* Delete the street rows of the files this one supersedes (streetrows.h). */
static int street_delete_superseded(sqlite3 *db, long long id, struct dedupe *removed,
                                    struct sio_error *err)
{
    sqlite3_stmt *files = NULL, *by_span = NULL, *by_scan = NULL;
    struct street_span f;
    int rc, step = SQLITE_DONE;
    if (!(rc = store_prepare(db, STREET_SPAN_SELECT " WHERE f.superseded_by = ?", &files,
                             err)) &&
        !(rc = street_rows_prepare(db, "DELETE FROM street_coded", " RETURNING crime_id",
                                   &by_span, &by_scan, err))) {
        sqlite3_bind_int64(files, 1, id);
        while (!rc && (step = sqlite3_step(files)) == SQLITE_ROW) {
            street_span_read(files, &f);
            rc = street_rows_each(db, by_span, by_scan, &f, row_removed, removed,
                                  "cannot delete replaced rows", err);
        }
        if (!rc && step != SQLITE_DONE)
            rc = store_fail(db, err, "cannot find replaced files");
    }
    sqlite3_finalize(files);
    sqlite3_finalize(by_span);
    sqlite3_finalize(by_scan);
    /* their counts go with them */
    return rc ? rc : delete_superseded(db, "street_tally", id, err);
}

/* Mark older files with this key superseded and delete their rows. */
static int supersede(sqlite3 *db, struct stmts *stmts, long long id, enum file_kind kind,
                     const struct file_key *key, struct dedupe *removed, int *replaced,
                     struct sio_error *err)
{
    sqlite3_stmt *st;
    char month[8];
    int rc = stmts_get(stmts, db, "UPDATE files SET superseded_by = ?1 WHERE kind = ?2 AND"
                                  " force = ?3 AND month = ?4 AND series = ?5"
                                  " AND superseded_by IS NULL AND id <> ?1", &st, err);
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, kind_name(kind), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, key->force, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, key_month(key, month), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, key->series, -1, SQLITE_STATIC);
    rc = sqlite3_step(st) == SQLITE_DONE ? SIO_OK : store_fail(db, err, "cannot supersede");
    *replaced = sqlite3_changes(db) > 0;
    stmts_put(stmts, st);
    if (rc || !*replaced)
        return rc;
    if (kind_ops(kind)->flags & KIND_CODED)
        return street_delete_superseded(db, id, removed, err);
    return delete_superseded(db, kind_table(kind), id, err);
}

/* Record where this file's street rows lie (see street_rows in the schema). */
static int street_span_record(sqlite3 *db, struct stmts *stmts, long long id,
                              const struct row_sink *sink, struct sio_error *err)
{
    sqlite3_stmt *st;
    if (!sink->last_rowid)
        return SIO_OK;
    int rc = stmts_get(stmts, db, "INSERT INTO street_rows(file_id, first_rowid, last_rowid)"
                                  " VALUES (?, ?, ?)", &st, err);
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, sink->first_rowid);
    sqlite3_bind_int64(st, 3, sink->last_rowid);
    rc = sqlite3_step(st) == SQLITE_DONE ? SIO_OK : store_fail(db, err, "cannot record rows");
    stmts_put(stmts, st);
    return rc;
}

static int file_finish(sqlite3 *db, struct stmts *stmts, long long id,
                       const struct file_key *key, const struct ingest_counts *n,
                       struct sio_error *err)
{
    sqlite3_stmt *st;
    char month[8] = "";
    int rc = stmts_get(stmts, db, "UPDATE files SET force = ?, month = ?, rows_read = ?,"
                                  " rows_loaded = ?, rows_rejected = ?, rows_duplicate = ?,"
                                  " series = ? WHERE id = ?", &st, err);
    if (rc)
        return rc;
    if (key->known)
        key_month(key, month);
    sqlite3_bind_text(st, 1, key->known ? key->force : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, month, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, n->read);
    sqlite3_bind_int64(st, 4, n->loaded);
    sqlite3_bind_int64(st, 5, n->rejected);
    sqlite3_bind_int64(st, 6, n->duplicate);
    sqlite3_bind_text(st, 7, key->known ? key->series : "", -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 8, id);
    rc = sqlite3_step(st) == SQLITE_DONE ? SIO_OK : store_fail(db, err, "cannot record file");
    stmts_put(stmts, st);
    return rc;
}

/* One data row: reject it, or settle the key on first use and store it. */
static int take_row(struct row_sink *sink, const struct csvin_row *r, struct file_key *key,
                    struct ingest_result *res, struct sio_error *err)
{
    enum row_fate fate;
    const char *why = sink_check(sink, r);
    int rc;

    res->n.read++;
    if (why) {
        res->n.rejected++;
        return sink_reject(sink, r, why, err);
    }
    if (!key->known) {
        snprintf(key->force, sizeof key->force, "%s", sink_row_force(sink, r));
        key->month = sink->row_month;
        key->known = 1;
        if ((rc = supersede(sink->db, sink->env->stmts, sink->file_id, sink->kind, key,
                            sink->dedupe, &res->replaced, err)))
            return rc;
    }
    if ((rc = sink_insert(sink, r, &fate, err)))
        return rc;
    if (fate == ROW_DUPLICATE)
        res->n.duplicate++;
    else if (fate == ROW_LOADED)
        res->n.loaded++;
    return SIO_OK;
}

/* What the readers share may change now, when none is running: the labels
 * committed, and the Crime IDs other processes stored (crimeset.h).  Then
 * the next file's reader may start. */
static int between_readers(const struct ingest_env *env, struct sio_error *err)
{
    if (env->labels)
        labels_view_merge(env->labels);
    return env->crime_ids ? crimeset_merge(env->crime_ids, err) : SIO_OK;
}

/* The kind from the header (--kind overrides), and a copy of the header. */
static int read_header(struct csvin *in, const char *path, const struct ingest_env *env,
                       enum file_kind *kind, struct tab_header *hd, struct sio_error *err)
{
    struct csvin_row h;
    int got = csvin_next(in, &h, err);
    if (got < 0)
        return -got;
    if (got == 0)
        return sio_fail(err, SIO_EDATA, path, 0, "empty file: no header row");
    *kind = kind_of_header(&h, env);
    if (*kind == KIND_UNKNOWN)
        return sio_fail(err, SIO_EDATA, path, h.line,
                        "header not recognised: not a kind sio-ingest reads (%s)%s%s",
                        kind_list(), h.problem ? ": " : "", h.problem ? h.problem : "");
    if (tab_header_copy(hd, &h))
        return sio_fail(err, SIO_ESOFTWARE, path, 0, "out of memory");
    return SIO_OK;
}

static int load_rows(sqlite3 *db, struct csvin *in, const char *path, long long bytes,
                     const struct tab_header *hd, const struct ingest_env *env,
                     const struct ingest_next *next, struct ingest_result *res,
                     struct sio_error *err)
{
    struct row_sink sink;
    struct csvin_row r;
    struct file_key key;
    long long id;
    int rc, got = 0;

    if ((rc = file_insert(db, env->stmts, path, res, bytes, &id, err)) ||
        (rc = sink_open(&sink, db, res->kind, id, hd, env, path, err)))
        return rc;
    if (kind_is_police_uk(res->kind))
        key_from_name(path, res->kind, &key);
    else
        key_for_table(path, res->kind, &key);
    sink.named = key;
    if (!key.known) {
        sink.named.force[0] = '\0';
        sink.named.month = MONTH_NONE;
    }
    if ((kind_ops(res->kind)->flags & KIND_NAMED) && !key.known)
        rc = sio_fail(err, SIO_EDATA, path, 0, "cannot tell the force and month of a "
                      "%s file not named YYYY-MM-<force>-%s.csv", kind_name(res->kind),
                      kind_name(res->kind));
    else if (key.known)
        rc = supersede(db, env->stmts, id, res->kind, &key, sink.dedupe, &res->replaced, err);
    if (!csvin_reading(in) && !rc)
        rc = between_readers(env, err); /* no reader thread yet */
    sink_read_ahead(&sink, in);
    while (!rc && (got = csvin_next(in, &r, err)) > 0)
        rc = take_row(&sink, &r, &key, res, err);
    csvin_halt(in);  /* the reader uses the sink's checker and the filter */
    struct sio_error merge_err;
    int merged = between_readers(env, &merge_err);
    if (merged && !rc) {
        rc = merged;
        *err = merge_err;
    }
    if (next && next->src)
        prefetch_start(next->prefetch, db, next->src, next->fp, env);
    if (!rc && got < 0)
        rc = -got;
    if (!rc)
        rc = sink_settle(&sink, &res->n.loaded, &res->n.duplicate, err);
    if (!rc)
        rc = street_span_record(db, env->stmts, id, &sink, err);
    if (!rc && sink.tally)
        rc = street_tally_write(sink.tally, db, id, err);
    res->file_id = id;
    res->n.noted = sink_noted(&sink);
    if (!rc && sink.labels && env->labels)
        labels_publish(sink.labels, env->labels);
    sink_close(&sink);
    return rc ? rc : file_finish(db, env->stmts, id, &key, &res->n, err);
}

/* The file is hashed and then read: if it is not the same file with the same
 * size and time when the rows are in, the rows may not be the bytes that
 * were fingerprinted, so nothing of it is kept (the caller rolls back). */
static int unchanged_since(const char *path, const struct stat *before, struct sio_error *err)
{
    struct stat now;
    if (stat(path, &now) != 0)
        return sio_fail(err, SIO_ENOINPUT, path, 0,
                        "vanished while it was being read: nothing of it was loaded");
    if (now.st_dev != before->st_dev || now.st_ino != before->st_ino ||
        now.st_size != before->st_size || now.st_mtim.tv_sec != before->st_mtim.tv_sec ||
        now.st_mtim.tv_nsec != before->st_mtim.tv_nsec)
        return sio_fail(err, SIO_ETEMPFAIL, path, 0, "changed while it was being read: "
                        "nothing of it was loaded; run again once it is complete");
    return SIO_OK;
}

/* Header, then rows, in one transaction; check() (may be NULL) vets the
 * source once the rows are in, before anything is committed. */
static int load_source(sqlite3 *db, struct csvin *in, const char *name, long long bytes,
                       const struct ingest_env *env, const struct ingest_next *next,
                       struct ingest_result *res,
                       int (*check)(void *ctx, struct sio_error *err), void *ctx,
                       struct sio_error *err)
{
    struct tab_header hd = { 0 };
    int rc;
    int seen = 0;
    if (!(rc = read_header(in, name, env, &res->kind, &hd, err)) &&
        !(rc = store_begin(db, err)) &&
        !(rc = ingest_seen(db, env->stmts, res->sha256, &seen, err)) &&
        seen) {
        /* another process loaded these bytes since ingest_hashed() looked */
        store_rollback(db);
        res->already = 1;
    } else if (!rc) {
        rc = load_rows(db, in, name, bytes, &hd, env, next, res, err);
        rc = rc ? rc : check ? check(ctx, err) : SIO_OK;
        rc = rc ? rc : store_commit(db, err);
        if ((kind_ops(res->kind)->flags & KIND_CODED) && env->crime_ids && !rc)
            crimeset_file_done(env->crime_ids, res->file_id);
        if (env->labels && rc)
            labels_view_discard(env->labels);
        else if (env->labels)
            labels_view_commit(env->labels);
    }
    if (rc)
        store_rollback(db);
    tab_header_free(&hd);
    return rc;
}

struct plain_file {
    const char *path;
    struct stat before;
};

static int plain_unchanged(void *ctx, struct sio_error *err)
{
    struct plain_file *p = ctx;
    return unchanged_since(p->path, &p->before, err);
}

int input_fingerprint(const struct input *src, struct fingerprint *fp)
{
    memset(fp, 0, sizeof *fp);
    if (src->member) {
        fp->rc = zipsrc_sha256(src->path, src->member, src->max_bytes, fp->sha256, &fp->bytes,
                               &fp->err);
    } else {
        stat(src->path, &fp->before); /* if it fails, sha256_file() says why */
        fp->rc = sha256_file(src->path, fp->sha256, &fp->bytes, &fp->err);
    }
    return fp->rc;
}

/* A plain file, read ahead already or opened now; the stat taken before
 * hashing vets it at the end. */
static int load_plain(sqlite3 *db, const struct input *src, const struct fingerprint *fp,
                      const struct ingest_env *env, const struct ingest_next *next,
                      struct ingest_result *res, struct sio_error *err)
{
    const char *path = src->path;
    struct plain_file p = { path, fp->before };
    struct csvin *in = next ? prefetch_take(next->prefetch, src) : NULL;
    int rc = in ? SIO_OK : csvin_open(&in, path, err);
    if (rc)
        return rc;
    rc = load_source(db, in, path, res->bytes, env, next, res, plain_unchanged, &p, err);
    csvin_close(in);
    return rc;
}

/* A member of a .zip archive, streamed from the archive (see zipsrc.h). */
static int load_member(sqlite3 *db, const struct input *src, const struct ingest_env *env,
                       const struct ingest_next *next, struct ingest_result *res,
                       struct sio_error *err)
{
    char name[2048];
    struct zipsrc *z;
    struct csvin *in;
    int rc;

    input_name(src, name, sizeof name);
    if ((rc = zipsrc_open(&z, src->path, src->member, src->max_bytes, &in, err)))
        return rc;
    rc = load_source(db, in, name, res->bytes, env, next, res, zipsrc_check, z, err);
    zipsrc_close(z);
    return rc;
}

int ingest_hashed(sqlite3 *db, const struct input *src, const struct fingerprint *fp,
                  const struct ingest_env *env, const struct ingest_next *next,
                  struct ingest_result *res, struct sio_error *err)
{
    int rc, seen;

    memset(res, 0, sizeof *res);
    if (fp->rc) {
        *err = fp->err;
        return fp->rc;
    }
    memcpy(res->sha256, fp->sha256, sizeof res->sha256);
    res->bytes = fp->bytes;
    if ((rc = ingest_seen(db, env->stmts, res->sha256, &seen, err)))
        return rc;
    if (seen) {
        res->already = 1;
        return SIO_OK;
    }
    return src->member ? load_member(db, src, env, next, res, err)
                       : load_plain(db, src, fp, env, next, res, err);
}

int ingest_input(sqlite3 *db, const struct input *src, const struct ingest_env *env,
                 struct ingest_result *res, struct sio_error *err)
{
    struct fingerprint fp;
    input_fingerprint(src, &fp);
    return ingest_hashed(db, src, &fp, env, NULL, res, err);
}

int ingest_file(sqlite3 *db, const char *path, const struct ingest_env *env,
                struct ingest_result *res, struct sio_error *err)
{
    struct input src = { (char *)path, NULL, 0, 0 };
    return ingest_input(db, &src, env, res, err);
}
