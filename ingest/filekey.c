/*
 * filekey.c — file keys from names; see filekey.h.
 */
#include "filekey.h"
#include "kinds.h"

#include <libgen.h>
#include <stdio.h>
#include <string.h>

const char *key_month(const struct file_key *key, char *buf)
{
    return key->month == MONTH_NONE ? strcpy(buf, "") : month_format(key->month, buf);
}

/* Tables other than police.uk files: a newer edition of the same file name
 * replaces the older; a Home Office table is one edition for all forces (the
 * quarterly tables one per financial year, known from the first row). */
void key_for_table(const char *path, enum file_kind kind, struct file_key *key)
{
    char buf[1024];
    unsigned flags = kind_ops(kind)->flags;
    snprintf(buf, sizeof buf, "%s", path);
    key->known = !(flags & KIND_ROW_KEYED);
    key->force[0] = '\0';
    key->month = key->folder_month = MONTH_NONE;
    snprintf(key->series, sizeof key->series, "%s",
             flags & KIND_ONE_SERIES ? "" : basename(buf));
}

/* The month a folder named YYYY-MM gives the file in it (the archive's
 * 2022-01/2022-01-<force>-street.csv), or MONTH_NONE. */
static month_t folder_month(const char *path)
{
    const char *base = strrchr(path, '/'), *start = base;
    if (!base)
        return MONTH_NONE;
    while (start > path && start[-1] != '/' && start[-1] != ':')
        start--;
    return base - start == 7 ? month_parse(start, 7) : MONTH_NONE;
}

/* The file's own name: after the last '/', or after "archive.zip:" for a
 * member at the top of an archive. */
static const char *base_name(const char *path)
{
    const char *base = path;
    for (const char *p = path; *p; p++)
        if (*p == '/' || *p == ':')
            base = p + 1;
    return base;
}

/* YYYY-MM-<force>-<kind>.csv, as the police.uk archive names its files. */
void key_from_name(const char *path, enum file_kind kind, struct file_key *key)
{
    char suffix[64];
    const char *base = base_name(path);
    size_t n = strlen(base);
    int slen = snprintf(suffix, sizeof suffix, "-%s.csv", kind_name(kind));

    key->known = 0;
    key->series[0] = '\0';
    key->folder_month = folder_month(path);
    if (n <= 8 + (size_t)slen || strcmp(base + n - (size_t)slen, suffix) != 0 || base[7] != '-')
        return;
    key->month = month_parse(base, 7);
    size_t flen = n - 8 - (size_t)slen;
    if (key->month == MONTH_NONE || flen >= sizeof key->force)
        return;
    memcpy(key->force, base + 8, flen);
    key->force[flen] = '\0';
    key->known = 1;
}
