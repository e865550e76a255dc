/*
 * priority.c — the national priorities and headline precedence (priority.h).
 */
#include "config/priority.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The Elected Local Policing Bodies (Specified Information) (Amendment)
 * Order 2021's priorities, in its order (measures.md §4). */
static const struct { const char *key, *title; } order[CONFIG_PRIORITIES] = {
    {"homicide", "Reduce murder and other homicide"},
    {"serious_violence", "Reduce serious violence"},
    {"drugs_supply", "Disrupt drugs supply and county lines"},
    {"neighbourhood_crime", "Reduce neighbourhood crime"},
    {"cyber_crime", "Tackle cyber crime"},
    {"victim_satisfaction",
     "Improve satisfaction among victims, with a particular focus on victims of domestic abuse"},
};

void priority_defaults(struct sio_config *cfg)
{
    for (int i = 0; i < CONFIG_PRIORITIES; i++) {
        struct priority_def *p = &cfg->priorities[i];
        p->key = order[i].key;
        p->title = order[i].title;
        p->applicable = 1;
        p->reason[0] = '\0';
    }
}

const struct priority_def *config_priority(const struct sio_config *cfg, const char *key)
{
    for (int i = 0; i < CONFIG_PRIORITIES; i++)
        if (!strcmp(cfg->priorities[i].key, key))
            return &cfg->priorities[i];
    return NULL;
}

int priority_key(struct sio_config *cfg, const char *section, const char *name,
                 const char *value)
{
    struct priority_def *p = (struct priority_def *)config_priority(
        cfg, section + strlen(PRIORITY_SECTION));

    if (!p)
        return -2;
    if (!strcmp(name, "applicable")) {
        if (strcmp(value, "yes") && strcmp(value, "no"))
            return 0;
        p->applicable = !strcmp(value, "yes");
        return 1;
    }
    if (strcmp(name, "reason"))
        return -1;
    return priority_words_add(p->reason, sizeof p->reason, value);
}

int priority_words_add(char *dst, size_t size, const char *value)
{
    size_t at = strlen(dst), n = strlen(value);
    if (n == 0 || at + (at > 0) + n >= size)
        return 0;
    if (at)
        dst[at++] = ' ';
    memcpy(dst + at, value, n + 1);
    return 1;
}

static const char *const role_names[] = {"headline", "context", "activity", "focus"};

const char *config_role_name(int role)
{
    return role >= 0 && role <= MEASURE_ROLE_FOCUS ? role_names[role] : "headline";
}

int priority_role(const char *value, int *role)
{
    for (int i = 0; i <= MEASURE_ROLE_FOCUS; i++)
        if (!strcmp(value, role_names[i]))
            return (*role = i), 1;
    return 0;
}

/* The shipped precedence of a source, the force's own figures first; in
 * tens, so a precedence = N given in the file can go before or between. */
static int source_precedence(int source)
{
    switch (source) {
    case MEASURE_SRC_INDICATOR: return 10;
    case MEASURE_SRC_HOME_OFFICE: return 20;
    case MEASURE_SRC_HO_ROLLING: return 30;
    default: return 40;
    }
}

static int effective_precedence(const struct measure_def *m)
{
    return m->precedence > 0 ? m->precedence : source_precedence(m->source);
}

void priority_rank(struct sio_config *cfg)
{
    for (int i = 0; i < cfg->n_measures; i++) {
        struct measure_def *m = &cfg->measures[i];
        m->rank = 0;
        if (m->role != MEASURE_ROLE_HEADLINE)
            continue;
        m->rank = 1;
        for (int j = 0; j < cfg->n_measures; j++) {
            const struct measure_def *o = &cfg->measures[j];
            int before = effective_precedence(o) < effective_precedence(m) ||
                         (effective_precedence(o) == effective_precedence(m) && j < i);
            m->rank += j != i && o->role == MEASURE_ROLE_HEADLINE &&
                       !strcmp(o->national, m->national) && before;
        }
    }
}
