/*
 * hotable.h — the Home Office police recorded crime open data table
 * (the 'ho-quarterly' kind): one file per financial year,
 * DIR/home-office/prc-pfa-open-data-YYYY-YY.csv, as the published
 * workbook has one sheet per year.
 *
 * Columns Financial Year, Financial Quarter, Force Name, Offence
 * Description, Offence Group, Offence Subgroup, Offence Code, Number of
 * Offences; every force of England and Wales under its Home Office name
 * ('London, City of', 'Metropolitan Police'), British Transport Police, and
 * the Action Fraud, CIFAS and UK Finance rows the real tables carry; every
 * offence code of a force-quarter written, zeros included.  Each offence
 * group's quarter is calibrated on the rolling-year file (a quarter of the
 * 12 months to December 2018, moved by the force's trend, season and the
 * COVID-19 months, gamma-Poisson), then shared among its codes.  Homicide
 * (codes 1, 4/1, 4/2, 4/10) keeps its 2018 level: single figures a year
 * for Warwickshire, about 700 for England and Wales.
 */
#ifndef SIO_GEN_HOTABLE_H
#define SIO_GEN_HOTABLE_H

#include "plan.h"

#include <stddef.h>

/* Write the tables for every whole financial quarter in the plan's months,
 * and, when truth_path is not NULL, the truth: every row as
 * force,period_start,offence_code,count (period_start YYYY-MM), sorted in
 * byte order.  Returns 0 or EX_*. */
int hotable_write(const struct plan *p, const char *truth_path);

/* Make DIR/home-office, where the Home Office files go, and put its path
 * in dir.  Returns 0 or EX_CANTCREAT (said on stderr). */
int hotable_dir(const struct plan *p, char *dir, size_t size);

/* The force index of British Transport Police in hotable_groups(). */
#define HOTABLE_BTP (-1)

/* Whether the financial quarter starting q is whole within the plan's
 * months: the quarters the table is written for. */
int hotable_has_quarter(const struct plan *p, month_t q);

/* The table's counts of force fi (0..42, or HOTABLE_BTP) for the quarter
 * starting q, summed over each offence group's codes (G_* order): the same
 * draws the table writes, so any sum of them is a sum of its rows. */
void hotable_groups(const struct plan *p, int fi, month_t q, long *groups);

/* The table's count for fraud body k (cal_fraud order) in that quarter. */
long hotable_fraud(const struct plan *p, int k, month_t q);

#endif
