#!/usr/bin/env python3
"""count_street.py - an independent count of police.uk street files.

Usage:
  count_street.py [--files] PATH...

PATH is a street file or a folder searched recursively for *-street.csv.
Files are read in byte order of their paths (folders expanded in place), and
a Crime ID is "seen" across all of them: a row whose non-empty Crime ID was
seen before is a duplicate and is not counted; an anti-social behaviour row
(empty Crime ID) always counts.

Default output: force,crime_type,month,count (force = Falls within), sorted
by force, crime_type, month in byte order, header first, LF line endings.
--files instead prints file,read,loaded,duplicate per file in reading order,
where read = data rows, duplicate = rows whose Crime ID was seen before and
loaded = read - duplicate.

Written with the standard library's csv module only, and on purpose sharing
no code with sio: it is the check against which sio's counts are compared.
"""
import csv
import os
import sys
from collections import Counter

HEADER = ['Crime ID', 'Month', 'Reported by', 'Falls within', 'Longitude',
          'Latitude', 'Location', 'LSOA code', 'LSOA name', 'Crime type',
          'Last outcome category', 'Context']


def expand(paths):
    """The street files named by paths, folders expanded in byte order."""
    out = []
    for p in paths:
        if os.path.isdir(p):
            found = []
            for root, _dirs, names in os.walk(p):
                found += [os.path.join(root, n) for n in names
                          if n.endswith('-street.csv')]
            out += sorted(found, key=os.fsencode)
        else:
            out.append(p)
    return out


def count(files):
    """Return (Counter of (force, type, month), [(file, read, loaded, dup)])."""
    seen = set()
    counts = Counter()
    per_file = []
    for path in files:
        read = dup = 0
        with open(path, newline='', encoding='utf-8-sig') as f:
            rows = csv.reader(f)
            header = next(rows, None)
            if header != HEADER:
                sys.exit(f'count_street.py: {path}: not a street file header')
            for row in rows:
                if len(row) != len(HEADER):
                    sys.exit(f'count_street.py: {path}:{rows.line_num}: '
                             f'{len(row)} fields')
                read += 1
                crime_id = row[0]
                if crime_id:
                    if crime_id in seen:
                        dup += 1
                        continue
                    seen.add(crime_id)
                counts[(row[3], row[9], row[1])] += 1
        per_file.append((path, read, read - dup, dup))
    return counts, per_file


def main(argv):
    files_mode = False
    if argv and argv[0] == '--files':
        files_mode, argv = True, argv[1:]
    if not argv or argv[0].startswith('-'):
        sys.stderr.write(__doc__)
        return 64
    counts, per_file = count(expand(argv))
    out = sys.stdout
    if files_mode:
        out.write('file,read,loaded,duplicate\n')
        for row in per_file:
            out.write('%s,%d,%d,%d\n' % row)
    else:
        out.write('force,crime_type,month,count\n')
        for key in sorted(counts, key=lambda k: tuple(s.encode() for s in k)):
            out.write('%s,%s,%s,%d\n' % (key + (counts[key],)))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
