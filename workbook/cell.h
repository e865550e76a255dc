/*
 * cell.h — what a CSV field becomes in the workbook: text, or a number with
 * the number format its column and row call for.
 *
 * The workbook's sheets are the CSV tables as written, so a field's value
 * never changes: a field is a number when it is written as one (an optional
 * minus, digits without a leading zero, an optional fraction and exponent,
 * at most 15 significant digits, which is all Excel keeps), and text
 * otherwise, so codes such as "028" or "2022-03" stay text.  Only the
 * displayed format is chosen, from these rules in order:
 *
 *   - a column's "estimate" is itself, or for an interval column (ci_low,
 *     ci_high, anything ending _low or _high) the nearest column before it
 *     that is not one: an interval is in its estimate's unit (a count's
 *     interval has decimals, the count none);
 *   - an estimate named *_pct is a percentage (the value is already in per
 *     cent: 12.5 shows as 12.5%); p_value is a p-value (4 decimals);
 *   - in a table with a unit column, the unit gives the row's format for
 *     the value and change columns (and their intervals): "%" percentage,
 *     "percentage points" points, "p-value" p-value;
 *   - otherwise a whole number is a count (#,##0; a year column 0) and any
 *     other number has the decimals its column is written with, up to 4.
 */
#ifndef SIO_WORKBOOK_CELL_H
#define SIO_WORKBOOK_CELL_H

#include <stddef.h>

#define CELL_MAX_DECIMALS 4

enum cell_kind {
    CELL_BLANK,   /* empty field: no value */
    CELL_TEXT,
    CELL_COUNT,   /* whole number, #,##0 */
    CELL_YEAR,    /* whole number in a year column, 0 */
    CELL_DECIMAL, /* the column's decimals */
    CELL_PCT,     /* 0.0"%" */
    CELL_POINTS,  /* 0.0" pp" */
    CELL_P,       /* 0.0000 */
};

/* A CSV field read as a number. */
struct cell_number {
    double value;
    int whole;          /* written without fraction or exponent */
    int decimals;       /* digits after the point as written */
    int int_digits;     /* digits before the point, with the sign */
};

/* What the format rules need to know about one column. */
struct cell_column {
    char name[64];
    int estimate;       /* index of the column whose format an interval takes */
    int by_unit;        /* the row's unit decides (value/change and intervals) */
    int year;           /* named year or *_year */
    int decimals;       /* most decimals among its CELL_DECIMAL fields, capped */
    size_t width;       /* widest field as displayed, in characters */
};

/* 1 when s (len bytes) is a number as above, with *n filled; else 0. */
int cell_parse_number(const char *s, size_t len, struct cell_number *n);

/* Fill cols[0..n) from the header names: estimates, by_unit, year.
 * unit_col is the index of a column named unit, or -1. */
void cell_plan_columns(struct cell_column *cols, int n, int unit_col);

/* The kind of field s (len bytes) in column c of a row whose unit field is
 * unit ("" when the table has none); *num is filled for numbers. */
enum cell_kind cell_kind(const struct cell_column *cols, int c, const char *s, size_t len,
                         const char *unit, struct cell_number *num);

/* Characters the field takes as displayed in kind (decimals for
 * CELL_DECIMAL); text counts UTF-8 characters, not bytes. */
size_t cell_width(enum cell_kind kind, const char *s, size_t len,
                  const struct cell_number *num, int decimals);

#endif
