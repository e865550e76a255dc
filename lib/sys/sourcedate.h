/*
 * sourcedate.h — the time a run's outputs carry: SOURCE_DATE_EPOCH when it
 * is set (the reproducible-builds convention: seconds since 1970 UTC), so
 * two runs on the same inputs write the same bytes, else the clock.
 */
#ifndef SIO_SOURCEDATE_H
#define SIO_SOURCEDATE_H

#include <stddef.h>
#include <time.h>

/* SOURCE_DATE_EPOCH when set to a whole number of seconds, else now. */
time_t sourcedate_now(void);

/* That time's UTC date as "YYYY-MM-DD" into buf (at least 11 bytes). */
char *sourcedate_day(char *buf);

/* When SOURCE_DATE_EPOCH is set, write its date over a PDF's /CreationDate
 * and /ModDate (cairo's and Chromium's "(D:YYYYMMDDHHmmSS+HH'MM')" form),
 * in place and at the same length; otherwise leave the bytes alone. */
void sourcedate_fix_pdf(char *pdf, size_t len);

#endif
