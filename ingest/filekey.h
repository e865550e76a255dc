/*
 * filekey.h — what a file replaces: its kind, force, month and series.
 *
 * A police.uk file's key comes from its name (YYYY-MM-<force>-<kind>.csv)
 * when it follows the archive's pattern, else from its first usable row; the
 * other tables are keyed by kind and series (the file's base name; a Home
 * Office table by its edition).  A newer file with the same key supersedes
 * the older (load.c).
 */
#ifndef SIO_INGEST_FILEKEY_H
#define SIO_INGEST_FILEKEY_H

#include "ingest.h"
#include "sys/month.h"

struct file_key {
    int known;
    char force[128];
    month_t month;       /* MONTH_NONE: the file is not one month's */
    char series[256];    /* '' for police.uk; else the base name (see key_for_table) */
    month_t folder_month; /* police.uk: the month its YYYY-MM folder names, known or not;
                             else MONTH_NONE */
};

/* "YYYY-MM", or "" when the key has no month; returns buf (8 bytes). */
const char *key_month(const struct file_key *key, char *buf);

/* The key of a table that is not a police.uk file. */
void key_for_table(const char *path, enum file_kind kind, struct file_key *key);

/* The key from a police.uk file name; key->known is 0 when it has none.
 * The folder's month is read from the path (a .zip member's name, after
 * "archive.zip:", too) either way. */
void key_from_name(const char *path, enum file_kind kind, struct file_key *key);

#endif
