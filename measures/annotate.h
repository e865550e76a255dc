/*
 * annotate.h — the analyst's annotations file (config/annotations.csv):
 * dated labels such as "recording practice change" or "no data received",
 * for every force or one, carried into the store, the tables and the
 * verdicts whose windows they fall in.
 *
 * Format: a header line `date,label[,force]`, then one row per note; date
 * is YYYY-MM (or YYYY-MM-DD, read as its month); force empty or absent
 * means every force, else a force key (slug) or name as in the outputs.
 */
#ifndef SIO_MEASURES_ANNOTATE_H
#define SIO_MEASURES_ANNOTATE_H

#include "sys/error.h"
#include "sys/month.h"

#include <sqlite3.h>
#include <stddef.h>

struct annotation {
    month_t month;
    char label[160];
    char force[128];   /* "" for every force */
};

struct annotations {
    struct annotation *items;
    size_t n;
};

/* Read path into a (empty when path is ""); SIO_ENOINPUT when it cannot be
 * opened, SIO_ECONFIG naming file and line for a bad row. */
int annotations_load(const char *path, struct annotations *a, struct sio_error *err);
void annotations_free(struct annotations *a);

/* "label (YYYY-MM); ..." for the notes of force (or every force) in
 * [from, to] into buf; returns how many there were. */
size_t annotations_describe(const struct annotations *a, const char *force, month_t from,
                            month_t to, char *buf, size_t size);

/* Replace the store's annotations table with a. */
int annotations_store(sqlite3 *db, const struct annotations *a, struct sio_error *err);

#endif
