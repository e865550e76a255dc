/*
 * priority.h — the six national priorities and each measure's place in its
 * priority (config.c's helpers for measures.ini).
 *
 * The priorities and their titles are the order's, fixed here in its order;
 * measures.ini only says, in a [priority KEY] section, whether each applies
 * locally (applicable = yes|no) and why (reason = ...).  A measure serves
 * one priority (national =) in a role: a headline candidate, context or
 * activity.  Headline candidates are ranked by precedence = N when given,
 * else by their source (the force's own indicator series 10, Home Office
 * quarterly tables 20, the rolling-year file 30, police.uk 40), then by
 * their order in the file.
 */
#ifndef SIO_CONFIG_PRIORITY_H
#define SIO_CONFIG_PRIORITY_H

#include "config/config.h"

/* The section prefix: "[priority homicide]". */
#define PRIORITY_SECTION "priority "

/* Fill cfg->priorities with the six, applicable and without reasons. */
void priority_defaults(struct sio_config *cfg);

/* One key of a [priority KEY] section: 1 taken, 0 bad value, -1 unknown
 * key, -2 unknown priority.  why receives the reason for a refusal. */
int priority_key(struct sio_config *cfg, const char *section, const char *name,
                 const char *value);

/* A sentence that may go on over indented lines (a priority's reason, a
 * measure's better_reason): inih hands each line on as another value of the
 * same key, appended to dst here after a space.  0 when empty or too long. */
int priority_words_add(char *dst, size_t size, const char *value);

/* role = headline|context|activity|focus into *role; 0 when not one of them. */
int priority_role(const char *value, int *role);

/* Rank every measure's headline candidates within its priority (m->rank). */
void priority_rank(struct sio_config *cfg);

#endif
