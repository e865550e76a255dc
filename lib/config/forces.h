/*
 * forces.h — one slug per police force, whatever the source calls it.
 *
 * police.uk says 'City of London Police', the Home Office 'London, City of',
 * the ONS lookup 'E23000034', the census table 'City of London': the forces
 * file (config/forces.csv: slug, police.uk name, ONS code, aliases) maps every
 * spelling to the police.uk slug.  Matching ignores case, reads '&' as 'and'
 * and '-' or '_' as a space, and collapses runs of spaces, so 'Avon & Somerset'
 * and 'avon-and-somerset' are the same force.  An alias that would name two
 * forces is a configuration error.  The table is immutable once loaded.
 */
#ifndef SIO_CONFIG_FORCES_H
#define SIO_CONFIG_FORCES_H

#include "sys/error.h"

#include <sqlite3.h>
#include <stddef.h>

struct forces;

/* Read the forces file at path into *out (free with forces_free()).
 * SIO_ENOINPUT when it cannot be opened, SIO_ECONFIG naming file:line for a
 * bad row or an alias claimed by two forces. */
int forces_load(const char *path, struct forces **out, struct sio_error *err);

void forces_free(struct forces *f);

/* Replace the store's forces and force_aliases tables with f's rows (every
 * alias as written, plus slug, name and ONS code).  Call inside a transaction. */
int forces_store(const struct forces *f, sqlite3 *db, struct sio_error *err);

/* The slug for a spelling (len bytes at name), or NULL when no force has it. */
const char *forces_slug(const struct forces *f, const char *name, size_t len);

/* The police.uk name ('Warwickshire Police') of the force a spelling names,
 * or NULL. */
const char *forces_name(const struct forces *f, const char *name, size_t len);

/* How many forces f holds. */
int forces_count(const struct forces *f);

/* Write name's matching form (lower case, '&' as 'and', '-' '_' as spaces,
 * single spaces, trimmed) into out (cap bytes, NUL-terminated); returns its
 * length, or cap when it does not fit. */
size_t forces_normalise(const char *name, size_t len, char *out, size_t cap);

#endif
