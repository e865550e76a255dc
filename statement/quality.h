/*
 * quality.h — the draft's data-quality line: what sio-ingest made of the
 * force's police.uk files.
 *
 * A panel reading a figure should know how many rows behind it were
 * refused, repeated or loaded with a remark (coordinates outside England
 * and Wales, a Month that is not the file's, an unknown crime type).  The
 * counts come from the files now in force for the force (files, rejects)
 * and the force_notes view; the Home Office tables and indicator files hold
 * many forces, so their rows are not counted against one.
 */
#ifndef SIO_STATEMENT_QUALITY_H
#define SIO_STATEMENT_QUALITY_H

#include "doc.h"
#include "statement.h"

/* Fill s->quality from the store. */
int quality_load(sqlite3 *db, struct statement *s, struct sio_error *err);

/* The data-quality subsection of the methods. */
void compose_quality(struct doc *d, const struct statement *s);

#endif
