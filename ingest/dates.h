/*
 * dates.h — the date and period forms sio-ingest's sources write.
 *
 * Dates: 'YYYY-MM' (a month, day 0), 'YYYY-MM-DD' and 'DD/MM/YYYY' (day and
 * month may have one digit), each optionally followed by a time after 'T' or
 * a space, which is ignored.  Periods: 'YYYY-MM' (one month), 'YYYY/YY Qn'
 * (a financial quarter, Q1 = April to June) and 'YYYY/YY' (a financial year).
 * Every parser checks the calendar (no 31/02/2022, no 2022/24) and takes
 * len bytes that need not be NUL-terminated.
 */
#ifndef SIO_INGEST_DATES_H
#define SIO_INGEST_DATES_H

#include "sys/error.h"
#include "sys/month.h"

#include <stddef.h>

/* 1 and *y, *m, *d (0 for a bare month) when s is a date, else 0. */
int dates_parse(const char *s, size_t len, int *y, int *m, int *d);

/* The financial year 'YYYY/YY' starting in April of *year; 1 or 0. */
int dates_fy(const char *s, size_t len, int *year);

/* A period as first and last month (inclusive); 1 or 0. */
int dates_period(const char *s, size_t len, month_t *start, month_t *end);

/* This run's month: that of SIO_TODAY (a date, YYYY-MM-DD) when it is set,
 * so that tests and a re-run of an old day give the same answers, else of
 * today (UTC).  SIO_EUSAGE when SIO_TODAY is set but not a date. */
int dates_run_month(month_t *out, struct sio_error *err);

#endif
