/*
 * paths.c — turning the command line's files and folders into a file list.
 *
 * A folder is walked recursively (the police.uk archive is YYYY-MM/ folders)
 * and its *.csv files are taken in name order, so a run's order, and so its
 * results, never depend on the order the file system lists entries in.
 */
#include "ingest.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int paths_add(struct path_list *list, const char *path)
{
    if (list->n == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 64;
        char **p = realloc(list->path, cap * sizeof *p);
        if (!p)
            return -1;
        list->path = p;
        list->cap = cap;
    }
    if (!(list->path[list->n] = strdup(path)))
        return -1;
    list->n++;
    return 0;
}

void paths_free(struct path_list *list)
{
    for (size_t i = 0; i < list->n; i++)
        free(list->path[i]);
    free(list->path);
    memset(list, 0, sizeof *list);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int is_csv(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && !strcasecmp(name + n - 4, ".csv");
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
        if (paths_add(&here, path))
            rc = sio_fail(err, SIO_ESOFTWARE, dir, 0, "out of memory");
    }
    closedir(d);
    if (here.n)
        qsort(here.path, here.n, sizeof *here.path, by_name);
    for (size_t i = 0; i < here.n && !rc; i++) {
        struct stat st;
        if (stat(here.path[i], &st) == 0 && S_ISDIR(st.st_mode))
            rc = walk(here.path[i], list, err);
        else if (is_csv(here.path[i]) && paths_add(list, here.path[i]))
            rc = sio_fail(err, SIO_ESOFTWARE, dir, 0, "out of memory");
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
    if (paths_add(list, path))
        return sio_fail(err, SIO_ESOFTWARE, path, 0, "out of memory");
    return SIO_OK;
}
