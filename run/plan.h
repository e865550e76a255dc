/*
 * plan.h — which stage programs sio-run runs, in which order, with what.
 *
 * The programs are looked for beside sio-run itself (the folder of
 * /proc/self/exe), so an installed sio-run runs the installed stages and
 * build/sio-run the freshly built ones, whatever PATH says.  The order is
 * fixed: ingest, transform, measures, workbook (the CSV tables as one Excel
 * file), charts, then statement when it is built.  Every stage gets the
 * same --config, --store and --out; ingest gets the inputs, sio-charts the
 * published output folder to keep unchanged charts from (--reuse), and
 * sio-charts and sio-statement the force ([run] statement_force): an office
 * publishing one force's statement needs that force's charts only.
 */
#ifndef SIO_RUN_PLAN_H
#define SIO_RUN_PLAN_H

#include "sys/error.h"

#define PLAN_MAX_STEPS 8
#define PLAN_MAX_ARGS 16

struct plan_step {
    const char *stage;        /* "ingest": the runs.stage it records */
    char prog[1100];          /* full path of sio-<stage> */
};

struct plan {
    struct plan_step step[PLAN_MAX_STEPS];
    int n;
};

struct plan_args {
    const char *config;       /* --config */
    const char *store;        /* --store */
    const char *out;          /* --out: the staging folder */
    const char *published;    /* sio-charts --reuse: the output folder it replaces */
    char *const *inputs;      /* ingest's operands */
    int n_inputs;
    const char *force;        /* sio-charts and sio-statement --force, "" for none */
};

/* Find the stage programs beside this executable.  SIO_ESOFTWARE naming the
 * first required program that is missing. */
int plan_find(struct plan *p, struct sio_error *err);

/* The argv for step s: a NULL-terminated array the caller frees with free()
 * (the strings belong to s and a).  NULL when out of memory. */
char **plan_argv(const struct plan_step *s, const struct plan_args *a);

#endif
