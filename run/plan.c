/*
 * plan.c — the stages beside sio-run, and their command lines.
 */
#include "plan.h"

#include "sys/selfdir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct {
    const char *stage;
    int optional;             /* run only when built */
} plan_order[] = {
    { "ingest", 0 }, { "transform", 0 }, { "measures", 0 }, { "workbook", 0 },
    { "charts", 0 },
    { "statement", 1 },
};

int plan_find(struct plan *p, struct sio_error *err)
{
    char dir[1024];
    int rc = selfdir_get(dir, sizeof dir, err);
    p->n = 0;
    for (size_t i = 0; !rc && i < sizeof plan_order / sizeof plan_order[0]; i++) {
        struct plan_step *s = &p->step[p->n];
        s->stage = plan_order[i].stage;
        snprintf(s->prog, sizeof s->prog, "%s/sio-%s", dir, s->stage);
        if (access(s->prog, X_OK) == 0)
            p->n++;
        else if (!plan_order[i].optional)
            rc = sio_fail(err, SIO_ESOFTWARE, s->prog, 0,
                          "stage program missing (install every sio program together)");
    }
    return rc;
}

char **plan_argv(const struct plan_step *s, const struct plan_args *a)
{
    int n = 0, ingest = !strcmp(s->stage, "ingest");
    char **argv = calloc((size_t)(PLAN_MAX_ARGS + (ingest ? a->n_inputs : 0)), sizeof *argv);
    if (!argv)
        return NULL;
    argv[n++] = (char *)s->prog;
    argv[n++] = "--config";
    argv[n++] = (char *)a->config;
    argv[n++] = "--store";
    argv[n++] = (char *)a->store;
    argv[n++] = "--out";
    argv[n++] = (char *)a->out;
    argv[n++] = "--quiet";
    if (ingest) {
        argv[n++] = "--"; /* an input named "-x" is a path, not an option */
        for (int i = 0; i < a->n_inputs; i++)
            argv[n++] = a->inputs[i];
    }
    if (!strcmp(s->stage, "charts") && a->published && *a->published) {
        argv[n++] = "--reuse";
        argv[n++] = (char *)a->published;
    }
    /* the one force published: its charts are all its statement shows */
    if ((!strcmp(s->stage, "statement") || !strcmp(s->stage, "charts")) && a->force &&
        *a->force) {
        argv[n++] = "--force";
        argv[n++] = (char *)a->force;
    }
    return argv;
}
