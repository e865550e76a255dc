/*
 * cell.c — CSV fields as workbook cells: the number grammar and the format
 * rules of cell.h.
 */
#include "cell.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define CELL_MAX_DIGITS 15 /* Excel keeps 15 significant digits */

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Digits from s[*i]; returns how many, and how many were significant
 * (after the leading zeros of the whole literal so far: *seen). */
static int digits(const char *s, size_t len, size_t *i, int *seen, int *significant)
{
    int n = 0;
    for (; *i < len && is_digit(s[*i]); (*i)++, n++) {
        *seen |= s[*i] != '0';
        *significant += *seen;
    }
    return n;
}

int cell_parse_number(const char *s, size_t len, struct cell_number *n)
{
    size_t i = 0;
    int seen = 0, significant = 0, exponent = 0;
    char buf[64], *end;

    memset(n, 0, sizeof *n);
    if (len == 0 || len >= sizeof buf)
        return 0;
    i += s[0] == '-';
    size_t int_start = i;
    int int_digits = digits(s, len, &i, &seen, &significant);
    if (int_digits == 0 || (int_digits > 1 && s[int_start] == '0'))
        return 0; /* "", "-", "007": not a number as written */
    n->int_digits = int_digits + (s[0] == '-');
    if (i < len && s[i] == '.') {
        i++;
        if ((n->decimals = digits(s, len, &i, &seen, &significant)) == 0)
            return 0;
    }
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        i += i < len && (s[i] == '+' || s[i] == '-');
        int ignored = 1, none = 0;
        if ((exponent = digits(s, len, &i, &ignored, &none)) == 0)
            return 0;
    }
    if (i != len || significant > CELL_MAX_DIGITS)
        return 0;
    memcpy(buf, s, len);
    buf[len] = '\0';
    n->value = strtod(buf, &end);
    n->whole = n->decimals == 0 && exponent == 0;
    return isfinite(n->value);
}

static int ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), t = strlen(tail);
    return n >= t && !strcmp(s + n - t, tail);
}

static int is_interval(const char *name)
{
    return ends_with(name, "_low") || ends_with(name, "_high") ||
           !strncmp(name, "ci_low", 6) || !strncmp(name, "ci_high", 7);
}

void cell_plan_columns(struct cell_column *cols, int n, int unit_col)
{
    int estimate = 0;
    for (int c = 0; c < n; c++) {
        struct cell_column *col = &cols[c];
        if (!is_interval(col->name) || c == 0)
            estimate = c;
        col->estimate = estimate;
        const char *e = cols[estimate].name;
        col->by_unit = unit_col >= 0 && (!strcmp(e, "value") || !strcmp(e, "change"));
        col->year = !strcmp(col->name, "year") || ends_with(col->name, "_year");
    }
}

/* The format a column's name, or its row's unit, gives a number. */
static enum cell_kind sense_of(const struct cell_column *cols, int c, const char *unit)
{
    const char *e = cols[cols[c].estimate].name;
    if (ends_with(e, "_pct"))
        return CELL_PCT;
    if (!strcmp(e, "p_value") || ends_with(e, "_p_value"))
        return CELL_P;
    if (cols[c].by_unit && unit) {
        if (!strcmp(unit, "%"))
            return CELL_PCT;
        if (!strcmp(unit, "percentage points"))
            return CELL_POINTS;
        if (!strcmp(unit, "p-value"))
            return CELL_P;
    }
    return CELL_BLANK;
}

enum cell_kind cell_kind(const struct cell_column *cols, int c, const char *s, size_t len,
                         const char *unit, struct cell_number *num)
{
    if (len == 0)
        return CELL_BLANK;
    if (!cell_parse_number(s, len, num))
        return CELL_TEXT;
    enum cell_kind sense = sense_of(cols, c, unit);
    if (sense != CELL_BLANK)
        return sense;
    if (num->whole)
        return cols[c].year ? CELL_YEAR : CELL_COUNT;
    return CELL_DECIMAL;
}

static size_t utf8_chars(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* Digits before the point with their thousands separators. */
static size_t grouped(const struct cell_number *num)
{
    int sign = num->value < 0, d = num->int_digits - sign;
    return (size_t)(sign + d + (d - 1) / 3);
}

size_t cell_width(enum cell_kind kind, const char *s, size_t len,
                  const struct cell_number *num, int decimals)
{
    switch (kind) {
    case CELL_BLANK: return 0;
    case CELL_TEXT: return utf8_chars(s, len);
    case CELL_YEAR: return len;
    case CELL_COUNT: return grouped(num);
    case CELL_DECIMAL: return grouped(num) + 1 + (size_t)decimals;
    case CELL_PCT: return grouped(num) + 3;      /* "12.5%" */
    case CELL_POINTS: return grouped(num) + 5;   /* "12.5 pp" */
    case CELL_P: return 6;                       /* "0.0123" */
    }
    return len;
}
