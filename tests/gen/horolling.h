/*
 * horolling.h — the Home Office rolling-year file by police force area
 * (the 'ho-rolling-year' kind, rec-crime-pfa.csv), written from the same
 * counts as the quarterly open data table (hotable.h).
 *
 * DIR/home-office/rec-crime-pfa.csv in the published file's layout: the
 * header '12 months ending,PFA,Region,Offence,Rolling year total number of
 * offences', LF line endings, no BOM; periods as dd/mm/yyyy, the last day
 * of each quarter's last month; rows in period order, then PFA and Offence
 * in the published order (alphabetical, case ignored, the City of London
 * filed as 'London, City of').  Each of the 43 forces and British Transport Police has
 * the file's 21 offence groups of today (Domestic burglary and Non-domestic
 * burglary as zeros, as the published file carries them since April 2017);
 * Action Fraud, CIFAS and UK Finance one row each, Offence their own name.
 * A period's total is the sum of the four quarterly figures the table has
 * for it over the group's offence codes, so the two files agree exactly.
 * A period is written when all four of its quarters are whole in the plan.
 */
#ifndef SIO_GEN_HOROLLING_H
#define SIO_GEN_HOROLLING_H

#include "plan.h"

/* Write the file.  Returns 0 or EX_*. */
int horolling_write(const struct plan *p);

#endif
