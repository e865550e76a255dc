#!/usr/bin/env python3
"""calibrate.py - the real figures sio-gen is calibrated on, as a C table.

Usage:
  calibrate.py DATA_DIR > tests/gen/calibration_table.c

DATA_DIR is ../shared/data (see its README.md).  The output is committed, so
that sio-gen builds without the real files; the real files themselves are
never copied into the repository.  tests/e2e/t0100-gen.sh checks that the
committed table is what this script prints when DATA_DIR is present.

What it reads, and what it derives (every number in the table is one of
these; nothing is typed in by hand):

  home-office-prc/rec-crime-pfa.csv
      per force and offence group, the 12 months ending 31/12/2018 (the
      file's last period): the Home Office recorded crime levels at the start
      of the sample; also British Transport Police and the Action Fraud,
      CIFAS and UK Finance rows, and each force's Region.
  police-uk/2022-MM/2022-MM-<force>-street.csv, the four demo forces
      (Warwickshire, West Mercia, Leicestershire, Northamptonshire),
      2022-01..2022-11: per crime type the mean monthly count (each Crime ID
      once, every anti-social behaviour row) and its variance / mean across
      the 11 months; the Last outcome category counts per crime type in
      2022-01..2022-03 (the oldest months, whose outcomes have mostly
      arrived); the share of crimes still 'Under investigation' by month
      (how long outcomes take to arrive); the share of rows with no location.
  police-uk/*/*-stop-and-search.csv, 2019-12..2020-02
      the mean searches per month of every force with those files; the
      categorical shares (object of search with legislation, outcome for drug
      and other searches, type, gender, age, ethnicity, linked outcome,
      removal of clothing) from Leicestershire and Derbyshire, the East
      Midlands forces with files.
  population/population_policeforces.csv, population/force-demographics.csv
      mid-year population by English force area 2018 and 2019 (carried
      forward at its 2014-2019 growth, within -0.5% and +1% a year, to 2022), the 2011 census for the Welsh forces
      (carried forward at 0.4% a year, an assumption: no later Welsh table is
      in DATA_DIR).

Standard library only.
"""
import csv
import glob
import os
import statistics
import sys
from collections import Counter, defaultdict

# sio-gen's force order: the demo's four, then the rest by police.uk slug.
SLUGS = [
    'warwickshire', 'west-mercia', 'leicestershire', 'northamptonshire',
    'avon-and-somerset', 'bedfordshire', 'cambridgeshire', 'cheshire',
    'city-of-london', 'cleveland', 'cumbria', 'derbyshire',
    'devon-and-cornwall', 'dorset', 'durham', 'dyfed-powys', 'essex',
    'gloucestershire', 'greater-manchester', 'gwent', 'hampshire',
    'hertfordshire', 'humberside', 'kent', 'lancashire', 'lincolnshire',
    'merseyside', 'metropolitan', 'norfolk', 'north-wales', 'north-yorkshire',
    'northumbria', 'nottinghamshire', 'south-wales', 'south-yorkshire',
    'staffordshire', 'suffolk', 'surrey', 'sussex', 'thames-valley',
    'west-midlands', 'west-yorkshire', 'wiltshire',
]
DEMO = SLUGS[:4]
WELSH = ['dyfed-powys', 'gwent', 'north-wales', 'south-wales']

# police.uk crime types in byte order (sio-gen's T_* order).
TYPES = [
    'Anti-social behaviour', 'Bicycle theft', 'Burglary',
    'Criminal damage and arson', 'Drugs', 'Other crime', 'Other theft',
    'Possession of weapons', 'Public order', 'Robbery', 'Shoplifting',
    'Theft from the person', 'Vehicle crime', 'Violence and sexual offences',
]

# rec-crime-pfa.csv offence groups (sio-gen's G_* order).  The pre-2017
# burglary names are all zero by 2018 and are left out.
GROUPS = [
    'Homicide', 'Death or serious injury caused by illegal driving',
    'Violence with injury', 'Violence without injury',
    'Stalking and harassment', 'Sexual offences', 'Robbery',
    'Residential burglary', 'Non-residential burglary', 'Vehicle offences',
    'Theft from the person', 'Bicycle theft', 'Shoplifting',
    'All other theft offences', 'Criminal damage and arson', 'Drug offences',
    'Possession of weapons offences', 'Public order offences',
    'Miscellaneous crimes against society',
]
FRAUD_BODIES = ['Action Fraud', 'CIFAS', 'UK Finance']
PERIOD = '31/12/2018'


def norm(name):
    """A force name or slug reduced to compare: 'Avon & Somerset' ~ slug."""
    s = name.lower().replace('&', 'and').replace('-', ' ')
    s = s.replace('london, city of', 'city of london')
    for tail in (' police', ' constabulary'):
        if s.endswith(tail):
            s = s[:-len(tail)]
    return ' '.join(s.split())


def by_slug(names):
    """{slug: name} for the names that match a slug."""
    out = {}
    for n in names:
        key = norm(n)
        for s in SLUGS:
            if key == norm(s):
                out[s] = n
    return out


def read_rolling(data):
    """{pfa: (region, {group: count})} for the 12 months ending PERIOD."""
    out = {}
    with open(os.path.join(data, 'home-office-prc/rec-crime-pfa.csv'), newline='') as fh:
        for row in csv.DictReader(fh):
            if row['12 months ending'] != PERIOD:
                continue
            region, counts = out.setdefault(row['PFA'], (row['Region'], {}))
            counts[row['Offence']] = int(row['Rolling year total number of offences'])
    return out


def read_street(data, slug, pending):
    """Per type: monthly counts 2022-01..2022-11; outcome counters (Q1);
    the share of rows with no location.  Adds to pending[month] the crime
    rows and those 'Under investigation'."""
    monthly = defaultdict(dict)
    outcomes = defaultdict(Counter)
    rows = noloc = 0
    for path in sorted(glob.glob(os.path.join(data, 'police-uk/2022-*/2022-*-%s-street.csv' % slug))):
        month = os.path.basename(path)[:7]
        seen = set()
        count = Counter()
        with open(path, newline='') as fh:
            for row in csv.DictReader(fh):
                rows += 1
                noloc += row['Location'] == 'No Location'
                cid = row['Crime ID']
                if cid:
                    if cid in seen:
                        continue
                    seen.add(cid)
                count[row['Crime type']] += 1
                if row['Crime type'] != TYPES[0]:
                    pending[month][0] += 1
                    pending[month][1] += row['Last outcome category'] == 'Under investigation'
                if month <= '2022-03' and row['Crime type'] != TYPES[0]:
                    outcomes[row['Crime type']][row['Last outcome category']] += 1
        for t in TYPES:
            monthly[t][month] = count[t]
    return monthly, outcomes, noloc / rows if rows else 0.0


def read_searches(data):
    """{slug: rows a month} and the pooled rows of the East Midlands pair."""
    per_force = defaultdict(list)
    pooled = []
    for path in sorted(glob.glob(os.path.join(data, 'police-uk/*/*-stop-and-search.csv'))):
        base = os.path.basename(path)
        month, slug = base[:7], base[8:-len('-stop-and-search.csv')]
        if not '2019-12' <= month <= '2020-02':
            continue
        with open(path, newline='') as fh:
            rows = list(csv.DictReader(fh))
        per_force[slug].append(len(rows))
        if slug in ('leicestershire', 'derbyshire'):
            pooled += rows
    return {s: statistics.mean(v) for s, v in per_force.items() if len(v) == 3}, pooled


def read_population(data):
    """{slug: [population 2018..2022]}."""
    out = {}
    with open(os.path.join(data, 'population/population_policeforces.csv'), newline='') as fh:
        table = list(csv.DictReader(fh))
    years = {int(r['year']): r for r in table}
    for slug, name in by_slug([c for c in table[0] if c != 'year']).items():
        p14, p19 = float(years[2014][name]), float(years[2019][name])
        # Carried forward at its own 2014-2019 growth, kept within -0.5% and
        # +1% a year (the City of London's resident count grew 10% a year).
        growth = min(max((p19 / p14) ** (1 / 5), 0.995), 1.01)
        out[slug] = [float(years[2018][name]), p19] + [p19 * growth ** k for k in (1, 2, 3)]
    with open(os.path.join(data, 'population/force-demographics.csv'), newline='') as fh:
        census = {r[0]: float(r[1]) for r in csv.reader(fh) if r[1][:1].isdigit()}
    for slug, name in by_slug(census).items():
        if slug in WELSH:
            out[slug] = [census[name] * 1.004 ** (y - 2011) for y in range(2018, 2023)]
    return out


def c_str(s):
    return '"%s"' % s.replace('\\', '\\\\').replace('"', '\\"')


def c_list(values, fmt='%.1f'):
    return '{' + ', '.join(fmt % v for v in values) + '}'


def emit_forces(rolling, street, population, searches):
    names = by_slug(rolling)
    print('const struct cal_force cal_forces[CAL_N_FORCES] = {')
    for slug in SLUGS:
        region, counts = rolling[names[slug]]
        monthly = street.get(slug)
        levels = [statistics.mean(monthly[t].values()) if monthly else -1 for t in TYPES]
        print('    {%s, %s, %s,' % (c_str(slug), c_str(names[slug]), c_str(region)))
        print('     %s,' % c_list([counts.get(g, 0) for g in GROUPS], '%d'))
        print('     %s,' % c_list(levels))
        print('     %s,' % c_list(population[slug], '%.0f'))
        print('     %.1f},' % searches.get(slug, -1))
    print('};\n')


def emit_others(rolling):
    btp_region, btp = rolling['British Transport Police']
    print('/* British Transport Police: no force area of its own. */')
    print('const struct cal_other cal_btp = {%s, %s, %s};\n' % (
        c_str('British Transport Police'), c_str(btp_region),
        c_list([btp.get(g, 0) for g in GROUPS], '%d')))
    print('/* Fraud recorded centrally, 12 months ending %s. */' % PERIOD)
    print('const struct cal_fraud cal_fraud[CAL_N_FRAUD] = {')
    for body in FRAUD_BODIES:
        region, counts = rolling[body]
        print('    {%s, %s, %d},' % (c_str(body), c_str(region), counts[body]))
    print('};\n')


def emit_dispersion(street):
    print('/* Per crime type and demo force: the 2022 monthly mean and the')
    print(' * variance / mean of the 11 monthly counts (sample variance). */')
    print('const struct cal_dispersion cal_dispersion[CAL_N_DEMO][CAL_N_TYPES] = {')
    for slug in DEMO:
        print('    { /* %s */' % slug)
        for t in TYPES:
            v = list(street[slug][t].values())
            mean = statistics.mean(v)
            print('        {%.2f, %.2f}, /* %s */' % (mean, statistics.variance(v) / mean, t))
        print('    },')
    print('};\n')


def emit_outcomes(outcomes):
    total = Counter()
    for slug in DEMO:
        for t, c in outcomes[slug].items():
            for o, n in c.items():
                total[(TYPES.index(t), o)] += n
    print('/* Last outcome category counts per crime type, 2022-01..2022-03, the')
    print(' * four demo forces pooled. */')
    print('const struct cal_count cal_outcomes[] = {')
    for (t, o), n in sorted(total.items(), key=lambda kv: (kv[0][0], -kv[1], kv[0][1])):
        print('    {%d, %s, NULL, %d},' % (t, c_str(o), n))
    print('};')
    print('const int cal_n_outcomes = (int)(sizeof cal_outcomes / sizeof cal_outcomes[0]);\n')


def emit_pending(pending):
    months = sorted(pending, reverse=True)
    print('/* Share of crimes still \'Under investigation\' by age in months at the')
    print(' * archive edition (2022-11 is age 0), the four demo forces pooled. */')
    print('const double cal_pending[CAL_N_PENDING] = %s;\n' % c_list(
        [pending[m][1] / pending[m][0] for m in months], '%.4f'))


def emit_counter(name, comment, counter, group=lambda k: 0, a=lambda k: k, b=lambda k: None):
    print('/* %s */' % comment)
    print('const struct cal_count %s[] = {' % name)
    for k, n in sorted(counter.items(), key=lambda kv: (group(kv[0]), -kv[1], str(kv[0]))):
        second = b(k)
        print('    {%d, %s, %s, %d},' % (group(k), c_str(a(k)),
                                        c_str(second) if second is not None else 'NULL', n))
    print('};')
    print('const int %s_n = (int)(sizeof %s / sizeof %s[0]);\n' % (name, name, name))


def emit_searches(rows):
    drugs = 'Controlled drugs'
    emit_counter('cal_search_objects', 'Object of search and legislation.',
                 Counter((r['Object of search'], r['Legislation']) for r in rows),
                 a=lambda k: k[0], b=lambda k: k[1])
    emit_counter('cal_search_outcomes', 'Outcome: group 1 for drug searches, 0 for the rest.',
                 Counter((r['Object of search'] == drugs, r['Outcome']) for r in rows),
                 group=lambda k: int(k[0]), a=lambda k: k[1])
    fields = ['Type', 'Gender', 'Age range', 'Outcome linked to object of search',
              'Removal of more than just outer clothing', 'Part of a policing operation']
    counter = Counter()
    for r in rows:
        for i, f in enumerate(fields):
            counter[(i, r[f])] += 1
    emit_counter('cal_search_fields', 'Group: 0 Type, 1 Gender, 2 Age range, 3 Outcome linked'
                 ' to object of search, 4 Removal of more than just outer clothing, 5 Part'
                 ' of a policing operation.', counter, group=lambda k: k[0], a=lambda k: k[1])
    emit_counter('cal_search_ethnicity', 'Officer-defined and self-defined ethnicity.',
                 Counter((r['Officer-defined ethnicity'], r['Self-defined ethnicity'])
                         for r in rows), a=lambda k: k[0], b=lambda k: k[1])


def main():
    if len(sys.argv) != 2:
        sys.exit('usage: calibrate.py DATA_DIR')
    data = sys.argv[1]
    rolling = read_rolling(data)
    street, outcomes, noloc = {}, {}, {}
    pending = defaultdict(lambda: [0, 0])
    for slug in DEMO:
        street[slug], outcomes[slug], noloc[slug] = read_street(data, slug, pending)
    searches, pooled = read_searches(data)
    population = read_population(data)

    print('/*')
    print(' * calibration_table.c - the real figures sio-gen is calibrated on.')
    print(' *')
    print(' * GENERATED by tests/tools/calibrate.py from ../shared/data (OGL v3.0:')
    print(' * police.uk archive files, Home Office recorded crime by police force area,')
    print(' * ONS population); do not edit.  See that script for what each figure is.')
    print(' * The generated rows are made up; only these aggregates carry over.')
    print(' */')
    print('#include "calibration.h"\n')
    print('#include <stddef.h>\n')
    print('/* Per force: Home Office name and Region (rec-crime-pfa.csv), offence')
    print(' * groups for the 12 months ending %s (G_* order), police.uk 2022' % PERIOD)
    print(' * monthly means per crime type (T_* order; -1: no files), population')
    print(' * 2018..2022, stop and searches a month in 2019-12..2020-02 (-1: no files). */')
    emit_forces(rolling, street, population, searches)
    emit_others(rolling)
    emit_dispersion(street)
    print('/* Share of street rows with no location, 2022, per demo force. */')
    print('const double cal_no_location[CAL_N_DEMO] = %s;\n' % c_list(
        [noloc[s] for s in DEMO], '%.4f'))
    emit_outcomes(outcomes)
    emit_pending(pending)
    emit_searches(pooled)


if __name__ == '__main__':
    main()
