/*
 * month.h — calendar months and the periods built from them.
 *
 * A month_t is year*12 + (month-1): consecutive months are consecutive
 * integers, so windows are plain ranges and subtraction counts months.
 * Financial years run April to March (FY 2022/23 = 2022-04 .. 2023-03) and
 * financial quarters are Q1 = Apr-Jun, Q2 = Jul-Sep, Q3 = Oct-Dec, Q4 = Jan-Mar,
 * as in Home Office publications.  MONTH_NONE marks "no month".
 */
#ifndef SIO_MONTH_H
#define SIO_MONTH_H

#include <stddef.h>

typedef int month_t;

#define MONTH_NONE (-1)

/* Build from a year and a 1-based month; MONTH_NONE when out of range. */
month_t month_make(int year, int month);
int month_year(month_t m);
int month_of_year(month_t m); /* 1..12 */

/* Parse exactly "YYYY-MM" (len bytes, need not be NUL-terminated);
 * MONTH_NONE when malformed or the month is not 01..12. */
month_t month_parse(const char *s, size_t len);

/* Write "YYYY-MM" into buf (at least 8 bytes); returns buf. */
char *month_format(month_t m, char *buf);

/* The first month of m's financial quarter, and that quarter's 1..4. */
month_t month_fq_start(month_t m);
int month_fq(month_t m);

/* The calendar year in which m's financial year starts (Apr 2022 -> 2022). */
int month_fy(month_t m);

/* "Apr 2020" for m into buf (at least 12 bytes); returns buf. */
char *month_words(month_t m, char *buf);

/* The number written by exactly n decimal digits at s, or -1. */
int month_digits(const char *s, size_t n);

/* "2022/23 Q1" for the quarter holding m, into buf (at least 16 bytes). */
char *month_fq_label(month_t m, char *buf);

#endif
