/*
 * versions.h — the versions of sio and the libraries it runs on, for the
 * records a run leaves (manifest.json, the workbook's first sheet).
 *
 * Each library is asked at run time where it can say (SQLite, GSL, PLplot,
 * jansson, nettle); libcsv has no run-time query and gives the version it
 * was built with.  The list is always in the same order.
 */
#ifndef SIO_VERSIONS_H
#define SIO_VERSIONS_H

#define VERSIONS_N 7

struct sio_version {
    const char *name;     /* "sio", "sqlite", "gsl", ... */
    char value[80];       /* "3.40.1" */
};

/* Fill v[0..VERSIONS_N) with every version, in a fixed order. */
void versions_list(struct sio_version v[VERSIONS_N]);

#endif
