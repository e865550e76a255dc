/*
 * wording.h — the statement's figures in words, shared by every part of the
 * draft (sw_: statement words).  Each writes into buf (always terminated)
 * and returns it.
 */
#ifndef SIO_STATEMENT_WORDING_H
#define SIO_STATEMENT_WORDING_H

#include "statement.h"

/* "March 2022". */
char *sw_month(month_t m, char *buf, size_t size);

/* "January to March 2022", "July 2018 to June 2019". */
char *sw_span(month_t a, month_t b, char *buf, size_t size);

/* v as printed: "1,297", "3 homicides" (noun), "77.9%", with " (2 of 3
 * months with data)" when partial; "no data" when the store has none. */
char *sw_value(const struct statement_measure *m, const struct statement_value *v, int noun,
               char *buf, size_t size);

/* Whether m's figures are small counts, shown as counts only. */
int sw_small(const struct statement_measure *m);

/* "+12.9% (95% CI +5.1% to +21.2%)", "-2.2 points (95% CI -4.0 to -0.4
 * points)", or "not comparable". */
char *sw_change(const struct statement_measure *m, double change, double low, double high,
                double confidence, char *buf, size_t size);

/* A stored comparison's change as the tables print it, or why there is
 * none ("no data", "not shown: small numbers", "not judged: ..."). */
char *sw_cmp_change(const struct statement *s, const struct statement_measure *m,
                    const struct statement_compare *c, char *buf, size_t size);

/* The stored verdict, "no data", or "not judged" for an earlier quarter. */
const char *sw_verdict(const struct statement_measure *m, const struct statement_compare *c);

/* "Home Office police recorded crime, by financial quarter: Home Office
 * offence codes 1, 4/1, 4/2 and 4/10". */
char *sw_source(const struct statement_measure *m, char *buf, size_t size);

#endif
