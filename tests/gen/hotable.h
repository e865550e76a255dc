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

/* Write the tables for every whole financial quarter in the plan's months,
 * and, when truth_path is not NULL, the truth: every row as
 * force,period_start,offence_code,count (period_start YYYY-MM), sorted in
 * byte order.  Returns 0 or EX_*. */
int hotable_write(const struct plan *p, const char *truth_path);

#endif
