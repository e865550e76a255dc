/*
 * results.c — measure_results rows.
 */
#include "results.h"
#include "source.h"
#include "store/store.h"

#include <math.h>
#include <stdio.h>

static const char insert_sql[] =
    "INSERT OR REPLACE INTO measure_results(force, measure, period_type, period,"
    " period_start, period_end, statistic, value, ci_low, ci_high, unit, method,"
    " months_covered, months_expected, national_measure, source, note)"
    " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17)";

int results_prepare(struct emitter *e, struct sio_error *err)
{
    return store_prepare(e->db, insert_sql, &e->ins, err);
}

static void bind_month(sqlite3_stmt *st, int i, month_t m, char *buf)
{
    sqlite3_bind_text(st, i, month_format(m, buf), -1, SQLITE_TRANSIENT);
}

int results_put(struct emitter *e, const struct result *r, struct sio_error *err)
{
    sqlite3_stmt *st = e->ins;
    char buf[16];
    sqlite3_bind_text(st, 1, e->force, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, e->m->key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, r->period_type, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, r->period, -1, SQLITE_TRANSIENT);
    bind_month(st, 5, r->start, buf);
    bind_month(st, 6, r->end, buf);
    sqlite3_bind_text(st, 7, r->statistic, -1, SQLITE_STATIC);
    store_bind_real(st, 8, r->est.value);
    store_bind_real(st, 9, r->est.low);
    store_bind_real(st, 10, r->est.high);
    sqlite3_bind_text(st, 11, r->unit, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 12, r->method, -1, SQLITE_TRANSIENT);
    if (r->expected > 0) {
        sqlite3_bind_int(st, 13, r->covered);
        sqlite3_bind_int(st, 14, r->expected);
    } else {
        sqlite3_bind_null(st, 13);
        sqlite3_bind_null(st, 14);
    }
    sqlite3_bind_text(st, 15, e->m->national, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 16, source_name(e->m), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 17, r->note ? r->note : "", -1, SQLITE_TRANSIENT);
    int ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_reset(st);
    if (!ok)
        return store_fail(e->db, err, "cannot store a measure result");
    e->rows++;
    return SIO_OK;
}

const char *results_level(double level, char *buf)
{
    snprintf(buf, 16, "%g%%", 100.0 * level);
    return buf;
}
