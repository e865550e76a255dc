#!/usr/bin/python3
"""xlsx_check.py WORKBOOK CSV_DIR CLASSIFICATION [MANIFEST]

Reads an sio workbook back with openpyxl (python3-openpyxl, an independent
reader of the file format) and checks it against the CSV tables it was made
from, read with Python's csv module:

  - the sheets are About, one per CSV file in name order, then Inputs;
  - every table sheet has the CSV's header and rows, every cell equal to the
    CSV's value: an empty field is an empty cell; a field written as a number
    (at most 15 significant digits, no leading zero) is a number equal to
    float(field), and a whole number is an integer; anything else is the
    same text;
  - the header row is frozen and the filter covers the whole table;
  - counts (whole numbers outside percentage columns) show as #,##0, years
    (year, *_year columns) as 0 (2021, never 2,021),
    percentages (*_pct columns, or a unit of %) with a % sign, and each
    interval (ci_low, ci_high, *_low, *_high) as its estimate;
  - every column is at least as wide as its header and its longest text,
    up to 60 characters;
  - the classification heads the first sheet and every sheet's printed
    header and footer;
  - the Inputs sheet lists manifest.json's inputs (path, SHA-256, rows).

Prints one "FAIL ..." line per problem (at most 20 per sheet) and exits 1 if
there was any; prints "ok N cells" and exits 0 otherwise.
"""
import csv
import json
import os
import re
import sys

import openpyxl

NUMBER = re.compile(r'-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?\Z')
problems = []


def fail(msg):
    problems.append(msg)


def is_number(s):
    if not NUMBER.match(s):
        return False
    mantissa = re.split('[eE]', s)[0]
    return len(mantissa.replace('-', '').replace('.', '').lstrip('0')) <= 15


def is_interval(name):
    return (name.endswith('_low') or name.endswith('_high')
            or name.startswith('ci_low') or name.startswith('ci_high'))


def estimates(header):
    est, out = 0, []
    for i, name in enumerate(header):
        if i == 0 or not is_interval(name):
            est = i
        out.append(est)
    return out


def is_pct(header, est, row, col):
    name = header[est[col]]
    if name.endswith('_pct'):
        return True
    if 'unit' in header and header[est[col]] in ('value', 'change'):
        return row[header.index('unit')] == '%'
    return False


def check_cell(sheet, r, c, field, cell):
    where = '%s!%s' % (sheet, cell.coordinate)
    if field == '':
        if cell.value is not None:
            fail('%s: %r where the CSV is empty' % (where, cell.value))
    elif is_number(field):
        whole = not re.search('[.eE]', field)
        if isinstance(cell.value, bool) or not isinstance(cell.value, (int, float)):
            fail('%s: %r is not the number %s' % (where, cell.value, field))
        elif float(cell.value) != float(field):
            fail('%s: %r, the CSV has %s' % (where, cell.value, field))
        elif whole and not isinstance(cell.value, int):
            fail('%s: %r is not a whole number (%s)' % (where, cell.value, field))
    elif cell.value != field:
        fail('%s: %r, the CSV has %r' % (where, cell.value, field))


def check_formats(sheet, header, est, row, cells):
    for c, field in enumerate(row):
        if field == '' or not is_number(field):
            continue
        fmt = cells[c].number_format
        where = '%s!%s' % (sheet, cells[c].coordinate)
        if is_pct(header, est, row, c):
            if '%' not in fmt:
                fail('%s: a percentage shown as %r' % (where, fmt))
        elif header[c] == 'year' or header[c].endswith('_year'):
            if fmt != '0':
                fail('%s: the year %s shown as %r, not as a plain whole number' % (where, field, fmt))
        elif not re.search('[.eE]', field) \
                and header[est[c]] not in ('p_value',) \
                and not ('unit' in header and header[est[c]] in ('value', 'change')
                         and row[header.index('unit')] in ('percentage points', 'p-value')):
            if fmt != '#,##0':
                fail('%s: the count %s shown as %r' % (where, field, fmt))
        efmt = cells[est[c]].number_format
        if est[c] != c and row[est[c]] != '' and ('%' in fmt) != ('%' in efmt):
            fail('%s: interval shown as %r, its estimate as %r' % (where, fmt, efmt))


def check_widths(sheet, ws, header, rows):
    for c, name in enumerate(header):
        letter = openpyxl.utils.get_column_letter(c + 1)
        width = ws.column_dimensions[letter].width
        texts = [name] + [row[c] for row in rows if row[c] and not is_number(row[c])]
        need = min(max(len(t) for t in texts), 58)
        if width is None or width < need:
            fail('%s column %s (%s): width %s, its text needs %d' % (sheet, letter, name, width, need))


def check_marking(sheet, ws, marking):
    for part in (ws.oddHeader.center.text or '', ws.oddFooter.center.text or ''):
        if marking.replace('&', '&&') not in part:
            fail('%s: the printed header or footer %r lacks %r' % (sheet, part, marking))


def check_table(wb, name, path, marking):
    with open(path, newline='', encoding='utf-8') as f:
        rows = list(csv.reader(f))
    header, data = rows[0], rows[1:]
    ws = wb[name]
    got = list(ws.iter_rows())
    before = len(problems)
    if [c.value for c in got[0]][:len(header)] != header:
        fail('%s: header %r, the CSV has %r' % (name, [c.value for c in got[0]], header))
    if len(got) != len(rows):
        fail('%s: %d rows, the CSV has %d' % (name, len(got), len(rows)))
    est = estimates(header)
    cells = 0
    for r, (row, xrow) in enumerate(zip(data, got[1:]), start=2):
        xrow = list(xrow) + [None] * (len(row) - len(xrow))
        for c, field in enumerate(row):
            cell = xrow[c] if xrow[c] is not None else ws.cell(row=r, column=c + 1)
            check_cell(name, r, c, field, cell)
            cells += 1
        check_formats(name, header, est, row, [x or ws.cell(row=r, column=i + 1) for i, x in enumerate(xrow)])
        if len(problems) - before > 20:
            fail('%s: more problems not shown' % name)
            break
    if ws.freeze_panes != 'A2':
        fail('%s: frozen at %r, not below the header' % (name, ws.freeze_panes))
    want = 'A1:%s%d' % (openpyxl.utils.get_column_letter(len(header)), len(rows))
    if ws.auto_filter.ref != want:
        fail('%s: filter %r, want %r' % (name, ws.auto_filter.ref, want))
    check_widths(name, ws, header, data)
    check_marking(name, ws, marking)
    return cells


def check_inputs(wb, manifest):
    with open(manifest, encoding='utf-8') as f:
        inputs = json.load(f)['inputs']
    ws = wb['Inputs']
    rows = list(ws.iter_rows(values_only=True))
    head = list(rows[0])
    got = [dict(zip(head, r)) for r in rows[1:]]
    if len(got) != len(inputs):
        fail('Inputs: %d files, the manifest has %d' % (len(got), len(inputs)))
    for g, m in zip(got, inputs):
        for k in ('path', 'sha256', 'kind', 'rows_read', 'rows_loaded', 'rows_rejected',
                  'rows_duplicate', 'superseded_by'):
            if g.get(k) != m.get(k):
                fail('Inputs: file %s: %s is %r, the manifest has %r'
                     % (m.get('id'), k, g.get(k), m.get(k)))


def main():
    book, csv_dir, marking = sys.argv[1:4]
    manifest = sys.argv[4] if len(sys.argv) > 4 else None
    wb = openpyxl.load_workbook(book)
    files = sorted(f for f in os.listdir(csv_dir) if f.endswith('.csv'))
    want = ['About'] + [f[:-4] for f in files] + ['Inputs']
    if wb.sheetnames != want:
        fail('sheets %r, want %r' % (wb.sheetnames, want))
    about = wb['About']
    if about['A1'].value != marking:
        fail('About!A1 is %r, not the classification %r' % (about['A1'].value, marking))
    listed = {}
    for r in about.iter_rows(values_only=True):
        if r[0] and len(r) > 2:
            listed.setdefault(r[0], r[2])
    cells = 0
    for f in files:
        name = f[:-4]
        if name not in wb.sheetnames:
            continue
        with open(os.path.join(csv_dir, f), newline='', encoding='utf-8') as fh:
            n = sum(1 for _ in csv.reader(fh)) - 1
        if listed.get(name) != n:
            fail('About lists %s with %r rows, the CSV has %d' % (name, listed.get(name), n))
        cells += check_table(wb, name, os.path.join(csv_dir, f), marking)
    check_marking('About', about, marking)
    if manifest:
        check_inputs(wb, manifest)
    for p in problems:
        print('FAIL ' + p)
    if not problems:
        print('xlsx_check: %d cells checked' % cells)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
