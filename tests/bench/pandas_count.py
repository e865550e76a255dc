"""pandas_count.py OUT FILE... — pandas (Debian's python3-pandas): every
file read whole with read_csv (all columns as text, no NA guessing), each
non-empty Crime ID counted once, then the counts by force, crime type and
month, summed over the files."""
import sys

import pandas as pd


def main():
    out, files = sys.argv[1], sys.argv[2:]
    parts, seen = [], set()
    for path in files:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False)
        ids = df['Crime ID']
        keep = (ids == '') | ~(ids.duplicated() | ids.isin(seen))
        seen.update(ids[ids != ''])
        parts.append(df[keep].groupby(['Falls within', 'Crime type', 'Month']).size())
    counts = pd.concat(parts).groupby(level=[0, 1, 2]).sum().sort_index()
    with open(out, 'w') as f:
        f.write('force,crime_type,month,count\n')
        for (force, crime_type, month), n in counts.items():
            f.write(f'{force},{crime_type},{month},{n}\n')


main()
