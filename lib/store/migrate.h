/*
 * migrate.h — bringing a store made by an earlier sio up to this schema.
 *
 * The schema (lib/store/schema/) creates what is missing and never changes what is
 * there, so only a table that changed shape needs more.  store_open() calls
 * store_migrate() inside the transaction that applies the schema, then
 * applies the schema again when it moved anything (the new shape's views
 * can only be made once the old table is gone).
 */
#ifndef SIO_MIGRATE_H
#define SIO_MIGRATE_H

#include "sys/error.h"

#include <sqlite3.h>

/* Move an older store's tables into this schema's shape; *moved is 1 when
 * anything moved.  Run after the schema, inside its transaction. */
int store_migrate(sqlite3 *db, int *moved, struct sio_error *err);

#endif
