/*
 * compose.h — the draft's content, as blocks of a struct doc.
 *
 * compose_statement() decides everything the draft says and in which
 * order; the writers only lay the blocks out.  The order follows a
 * published PCC quarterly page (measures.md §7): the front matter (the
 * introduction with the six priorities, the order, the statement of
 * contribution: the office's words, or headings and prompts for them), the
 * six priorities at a glance, one section per priority in the order's
 * order (applicability, the headline figure from its proper source and why,
 * the quarter itself, England and Wales beside it, the supporting figures,
 * the office's words), what changed since the last statement, and the
 * methods and sources with the points not yet verified.
 */
#ifndef SIO_STATEMENT_COMPOSE_H
#define SIO_STATEMENT_COMPOSE_H

#include "doc.h"
#include "statement.h"

/* The whole draft into d (empty).  SIO_OK, or SIO_ESOFTWARE when memory ran
 * out (d is then freed). */
int compose_statement(const struct statement *s, struct doc *d, struct sio_error *err);

/* One measure's figures, verdicts, comparisons table, national picture and
 * charts (all of them, or only the first: the quarterly chart when drawn).
 * printed[0..n_printed-1]: the measures with figures its section prints, in
 * order (indices into s->m), among which a reason shared by several for
 * their better direction is said once, at the first. */
void compose_measure(struct doc *d, const struct statement *s, const struct statement_measure *m,
                     int all_charts, const int *printed, int n_printed);

/* One priority's section. */
void compose_section(struct doc *d, const struct statement *s, const struct statement_section *sec,
                     int number);

/* The methods and data sources, ending with the points not yet verified. */
void compose_methods(struct doc *d, const struct statement *s);

/* The front matter: title, the checks, introduction, order, contribution. */
void compose_front(struct doc *d, const struct statement *s);

/* What changed since the last statement. */
void compose_changes(struct doc *d, const struct statement *s);

#endif
