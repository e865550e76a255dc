/*
 * forces.h — the 43 territorial forces of England and Wales as sio-gen
 * draws them: police.uk names and slugs, and a made-up geography (a centre,
 * a spread and district names for LSOA labels) so rows look placed.  How
 * much crime each force has is calibration's business (calibration.h).
 */
#ifndef SIO_GEN_FORCES_H
#define SIO_GEN_FORCES_H

#define GEN_N_FORCES 43
#define GEN_N_DEMO 4 /* the first four: Warwickshire and its neighbours */

struct gen_force {
    const char *slug;      /* police.uk file-name slug */
    const char *name;      /* Reported by / Falls within */
    double lon, lat;       /* rough centre of the force area */
    double spread;         /* half-width of the area in degrees */
    const char *districts; /* '|'-separated LSOA name prefixes, no commas */
};

/* The demo's Warwickshire, West Mercia, Leicestershire, Northamptonshire,
 * then the rest in police.uk slug order. */
extern const struct gen_force gen_forces[GEN_N_FORCES];

/* Whether force fi is Welsh (LSOA codes W01...). */
int gen_force_is_welsh(int fi);

/* order[0..n) = 0..n-1 sorted by police.uk name, byte order: the order
 * of every ground-truth file. */
void gen_force_order(int *order, int n);

#endif
