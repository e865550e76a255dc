/*
 * indicators.h — sio-gen's indicator series and population table: the
 * figures forces and the Home Office publish outside police.uk and the
 * open data tables.
 *
 * DIR/indicators.csv (force,period,indicator,value[,denominator]) holds, for
 * every force of England and Wales (whatever --forces says: England and
 * Wales' figures are the sum over all 43), the demo forces first, or with
 * --own-indicators for the forces written only (as an office holds its own
 * force's; a small sample stays small):
 *   knife_crime_offences        monthly: offences involving a knife or sharp
 *                               instrument, 7.5% of violence with injury and
 *                               robbery (the national share)
 *   action_fraud_reports        monthly: fraud and cyber reports to Action
 *                               Fraud from the force area, the national
 *                               total (rolling-year file, 2018) by population
 *   cyber_crime_reports         monthly: cyber-dependent crime reports, 8.5%
 *                               of them
 *   victim_satisfaction_pct     monthly: percentage satisfied, one decimal,
 *                               from whole respondents (the denominator)
 *   county_lines_closures       financial quarter (2021/22 Q4): small counts,
 *                               rising with the County Lines Programme to
 *                               about 1,100 a year for England and Wales
 *   victim_satisfaction_da_pct  financial quarter: domestic abuse victims
 *                               satisfied, with respondents
 * DIR/population.csv (force,year,population): every force of England and
 * Wales, the calibration's mid-year populations.
 */
#ifndef SIO_GEN_INDICATORS_H
#define SIO_GEN_INDICATORS_H

#include "plan.h"

/* Write both files.  Returns 0 or EX_*. */
int indicators_write(const struct plan *p);

#endif
