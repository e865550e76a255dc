/*
 * paths.c — turning the command line's files and folders into an input list.
 *
 * A folder is walked recursively (the police.uk archive is YYYY-MM/ folders)
 * and its *.csv and *.zip files are taken in name order, so a run's order,
 * and so its results, never depend on the order the file system lists
 * entries in.  A .zip (the archive as downloaded) adds its *.csv members,
 * in name order, to be read from the archive (zipsrc.h).
 */
#include "ingest.h"
#include "zipsrc.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int paths_add(struct path_list *list, const char *path, const char *member,
              long long bytes)
{
    if (list->n == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 64;
        struct input *p = realloc(list->item, cap * sizeof *p);
        if (!p)
            return -1;
        list->item = p;
        list->cap = cap;
    }
    struct input *in = &list->item[list->n];
    in->path = strdup(path);
    in->member = member ? strdup(member) : NULL;
    in->bytes = bytes;
    in->max_bytes = member ? list->member_max : 0;
    if (!in->path || (member && !in->member)) {
        free(in->path);
        free(in->member);
        return -1;
    }
    list->n++;
    return 0;
}

void paths_free(struct path_list *list)
{
    for (size_t i = 0; i < list->n; i++) {
        free(list->item[i].path);
        free(list->item[i].member);
    }
    free(list->item);
    memset(list, 0, sizeof *list);
}

void input_name(const struct input *in, char *buf, size_t cap)
{
    if (in->member)
        snprintf(buf, cap, "%s:%s", in->path, in->member);
    else
        snprintf(buf, cap, "%s", in->path);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(((const struct input *)a)->path, ((const struct input *)b)->path);
}

static int has_ext(const char *name, const char *ext)
{
    size_t n = strlen(name), e = strlen(ext);
    return n > e && !strcasecmp(name + n - e, ext);
}

/* A file: a .zip adds its members, anything else itself. */
static int add_file(const char *path, long long bytes, struct path_list *list,
                    struct sio_error *err)
{
    if (has_ext(path, ".zip"))
        return zipsrc_list(path, list, err);
    if (paths_add(list, path, NULL, bytes))
        return sio_fail(err, SIO_ESOFTWARE, path, 0, "out of memory");
    return SIO_OK;
}

static int walk(const char *dir, struct path_list *list, struct sio_error *err)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    struct path_list here = { 0 };
    int rc = SIO_OK;

    if (!d)
        return sio_fail(err, SIO_ENOINPUT, dir, 0, "cannot read folder: %s", strerror(errno));
    while ((e = readdir(d)) && !rc) {
        char path[4096];
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (paths_add(&here, path, NULL, 0))
            rc = sio_fail(err, SIO_ESOFTWARE, dir, 0, "out of memory");
    }
    closedir(d);
    if (here.n)
        qsort(here.item, here.n, sizeof *here.item, by_name);
    for (size_t i = 0; i < here.n && !rc; i++) {
        struct stat st;
        const char *p = here.item[i].path;
        int ok = stat(p, &st) == 0;
        if (ok && S_ISDIR(st.st_mode))
            rc = walk(p, list, err);
        else if (has_ext(p, ".csv") || has_ext(p, ".zip"))
            rc = add_file(p, ok ? (long long)st.st_size : 0, list, err);
    }
    paths_free(&here);
    return rc;
}

int paths_collect(const char *path, struct path_list *list, struct sio_error *err)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return sio_fail(err, SIO_ENOINPUT, path, 0, "no such file or folder");
    if (S_ISDIR(st.st_mode))
        return walk(path, list, err);
    return add_file(path, (long long)st.st_size, list, err);
}
