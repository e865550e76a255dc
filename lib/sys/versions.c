/*
 * versions.c — what each library says its version is.
 */
#include "sys/versions.h"

#include <csv.h>
#include <gsl/gsl_version.h>
#include <jansson.h>
#include <nettle/version.h>
#include <plplot.h>
#include <sqlite3.h>
#include <stdio.h>

static void set(struct sio_version *v, const char *name, const char *value)
{
    v->name = name;
    snprintf(v->value, sizeof v->value, "%s", value);
}

void versions_list(struct sio_version v[VERSIONS_N])
{
    char buf[80];
    set(&v[0], "sio", SIO_VERSION);
    set(&v[1], "sqlite", sqlite3_libversion());
    set(&v[2], "gsl", gsl_version);
    plgver(buf);
    set(&v[3], "plplot", buf);
    snprintf(buf, sizeof buf, "%d.%d.%d", CSV_MAJOR, CSV_MINOR, CSV_RELEASE);
    set(&v[4], "libcsv", buf); /* libcsv has no run-time query */
    set(&v[5], "jansson", jansson_version_str());
    snprintf(buf, sizeof buf, "%d.%d", nettle_version_major(), nettle_version_minor());
    set(&v[6], "nettle", buf);
}
