/*
 * words.h — numbers as people read them in charts, sentences and tables.
 */
#ifndef SIO_WORDS_H
#define SIO_WORDS_H

#include <stddef.h>

/* n with thousands separators ("12,345", "-1,079") into buf; returns buf. */
char *words_thousands(long n, char *buf, size_t size);

/* A measure's noun ("crimes", "county lines closed") as a heading starts:
 * "Crimes", "County lines closed"; "Number" when there is none.  Returns buf. */
char *words_noun_heading(const char *noun, char *buf, size_t size);

/* "1,234 crimes", or "1,234" when there is no noun, into buf; returns buf. */
char *words_count_of(long n, const char *noun, char *buf, size_t size);

/* A level such as an average per quarter, rounded once for every place it
 * is shown: one decimal place below 100 (13.5 must not read as 14; 2.8 not
 * as 3), whole with separators from 100 ("1,234").  Returns buf. */
char *words_level(double v, char *buf, size_t size);

/* A % change as titles and alt text state it, to one decimal place as the
 * verdict tables print it: "12.4% lower", "7.6% higher", or "in line" when
 * it rounds to 0.0%.  Returns buf. */
char *words_change(double pct, char *buf, size_t size);

/* A count of at most this many in the latest 12 months is told as counts,
 * not as a percentage change, in the statement and on every chart: with
 * homicide's single digits a percentage says more than the numbers can
 * bear. */
#define WORDS_SMALL_COUNT 100

/* Whether a count's latest 12 months are few enough to be told as counts. */
int words_count_is_small(double latest_12_months);

/* Whether words_change() says "in line" for pct. */
int words_change_is_nil(double pct);

#endif
