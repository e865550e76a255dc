/*
 * sqlite_floor.c — the limit for storing every row in SQLite the way sio
 * does: ROWS street rows inserted one INSERT per row into sio's own schema
 * (SCHEMA, lib/store/schema/00-core.sql: street_coded, its repeating texts as
 * labels ids, the ids here made up) with sio's settings and, as sio-ingest
 * does, the WAL checkpointed on a thread of its own (ingest/checkpointer.c) (16 KiB pages, WAL,
 * synchronous=NORMAL, no mutexes, no memory statistics), one transaction per
 * FILES share of the rows.  Nothing is read or parsed and the values are
 * made up (each row its own 64-hex-digit Crime ID), so no ingest into this
 * store can be faster.
 * Usage: sqlite_floor DB SCHEMA ROWS FILES.  Prints "rows,files".
 */
#include "checkpointer.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long n;
    if (f && fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (buf = malloc((size_t)n + 1)) && fread(buf, 1, (size_t)n, f) == (size_t)n)
        buf[n] = '\0';
    else {
        free(buf);
        buf = NULL;
    }
    if (f)
        fclose(f);
    return buf;
}

static int fail(sqlite3 *db, const char *what)
{
    fprintf(stderr, "sqlite_floor: %s: %s\n", what, sqlite3_errmsg(db));
    return 70;
}

/* 16 hex digits of v at out: as cheap as it can be, so that the floor
 * measures SQLite, not snprintf(). */
static void hex16(char *out, unsigned long long v)
{
    static const char digits[] = "0123456789abcdef";
    for (int i = 15; i >= 0; i--, v >>= 4)
        out[i] = digits[v & 15];
}

static void bind_row(sqlite3_stmt *st, long long file, long long row)
{
    char id[64];
    hex16(id, (unsigned long long)row * 0x9E3779B97F4A7C15ULL);
    hex16(id + 16, (unsigned long long)row * 0xC2B2AE3D27D4EB4FULL);
    hex16(id + 32, (unsigned long long)row);
    hex16(id + 48, (unsigned long long)file);
    sqlite3_bind_int64(st, 1, file);
    sqlite3_bind_int64(st, 2, row + 2);
    sqlite3_bind_text(st, 3, id, 64, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, "2022-01", 7, SQLITE_STATIC);
    sqlite3_bind_int64(st, 5, 1 + file % 43);
    sqlite3_bind_int64(st, 6, 1 + file % 43);
    sqlite3_bind_double(st, 7, -2.2 + (double)(row % 1000) * 1e-4);
    sqlite3_bind_double(st, 8, 52.2 + (double)(row % 997) * 1e-4);
    sqlite3_bind_text(st, 9, "On or near Station Road", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 10, "E01032222", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 11, "Worcester 001A", -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 12, 44 + row % 14);
    sqlite3_bind_int64(st, 13, 58 + row % 25);
    for (int i = 14; i <= 17; i++)
        sqlite3_bind_null(st, i);
}

int main(int argc, char **argv)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    struct checkpointer *cp;
    struct sio_error err;
    if (argc != 5) {
        fprintf(stderr, "usage: sqlite_floor DB SCHEMA ROWS FILES\n");
        return 64;
    }
    long long rows = atoll(argv[3]), files = atoll(argv[4]), done = 0;
    char *schema = slurp(argv[2]);
    if (!schema || rows < 1 || files < 1) {
        fprintf(stderr, "sqlite_floor: cannot read %s, or bad ROWS/FILES\n", argv[2]);
        return 66;
    }
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                        SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
        sqlite3_exec(db, "PRAGMA page_size=16384; PRAGMA journal_mode=WAL;"
                         " PRAGMA synchronous=NORMAL;", NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(db, schema, NULL, NULL, NULL) != SQLITE_OK)
        return fail(db, "cannot make the store");
    free(schema);
    if (checkpointer_start(&cp, db, argv[1], &err) != SIO_OK) {
        fprintf(stderr, "sqlite_floor: %s\n", err.msg);
        return 70;
    }
    if (sqlite3_prepare_v2(db, "INSERT INTO street_coded(file_id, line, crime_id, month, reported_by,"
                               " falls_within, longitude, latitude, location, lsoa_code,"
                               " lsoa_name, crime_type, last_outcome, context,"
                               " crime_type_published, easting, northing)"
                               " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", -1, &st, NULL)
        != SQLITE_OK)
        return fail(db, "cannot prepare");
    for (long long f = 0; f < files; f++) {
        long long end = rows * (f + 1) / files;
        if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
            return fail(db, "cannot begin");
        for (; done < end; done++) {
            bind_row(st, f + 1, done);
            if (sqlite3_step(st) != SQLITE_DONE)
                return fail(db, "cannot insert");
            sqlite3_reset(st);
        }
        if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
            return fail(db, "cannot commit");
    }
    sqlite3_finalize(st);
    checkpointer_stop(cp);
    sqlite3_close(db);
    printf("%lld,%lld\n", done, files);
    return 0;
}
