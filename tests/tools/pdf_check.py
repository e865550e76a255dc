#!/usr/bin/python3
"""pdf_check.py PDF HTML CLASSIFICATION

Checks sio's PDF statement with poppler's tools (pdfinfo, pdffonts,
pdftotext, pdfimages: Debian poppler-utils) and its tagged structure
against the HTML page it was printed from:

  - A4 pages, every font embedded, the PDF tagged;
  - every page has the classification as its first and last line of text,
    and "Page N of M" with its own number;
  - no raster image: the charts are vectors;
  - every <img> of the HTML is a Figure in the structure tree whose
    alternate description is the image's alt text, in order;
  - nothing is cut at a page break: every Figure and every table row (TR)
    has all its content on one page.

Prints "FAIL ..." per problem and exits 1, or "pdf_check: ..." and 0.
"""
import html
import re
import subprocess
import sys

problems = []


def fail(msg):
    problems.append(msg)


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def check_info(pdf):
    info = dict(re.findall(r'^([^:]+):\s*(.*)$', run('pdfinfo', pdf), re.M))
    pages = int(info.get('Pages', '0'))
    m = re.match(r'([\d.]+) x ([\d.]+) pts', info.get('Page size', ''))
    if not m or abs(float(m.group(1)) - 595.3) > 2 or abs(float(m.group(2)) - 841.9) > 2:
        fail('page size %r, not A4' % info.get('Page size'))
    if info.get('Tagged') != 'yes':
        fail('the PDF is not tagged')
    fonts = run('pdffonts', pdf).splitlines()[2:]
    for line in fonts:
        cols = line.split()
        if len(cols) >= 5 and 'yes' not in cols[-5:-3]:
            fail('font not embedded: %s' % line)
    if not fonts:
        fail('no fonts')
    return pages


def check_pages(pdf, pages, marking):
    for i in range(1, pages + 1):
        lines = [l.strip() for l in run('pdftotext', '-f', str(i), '-l', str(i), '-layout', pdf, '-')
                 .splitlines() if l.strip()]
        if not lines or lines[0] != marking:
            fail('page %d: first line %r, not the marking' % (i, lines[:1]))
        tail = ' '.join(lines[-2:])
        if marking not in tail or not re.search(r'Page %d of %d\b' % (i, pages), tail):
            fail('page %d: last lines %r lack the marking or "Page %d of %d"' % (i, tail, i, pages))


def check_vectors(pdf):
    images = run('pdfimages', '-list', pdf).splitlines()[2:]
    if images:
        fail('%d raster images: the charts should be vectors' % len(images))


def pdf_string(s):
    return re.sub(rb'\\([()\\])', rb'\1', s).decode('utf-8', 'replace')


def structure(pdf):
    data = open(pdf, 'rb').read()
    return {int(n): body for n, body in re.findall(rb'(\d+) 0 obj\s*(<<.*?>>)\s*endobj', data, re.S)}


def pages_of(objs, n, seen=None):
    """The pages an element's content is on: its /Pg, its marked-content
    references' /Pg, and its children's."""
    seen = seen or set()
    if n in seen or n not in objs:
        return set()
    seen.add(n)
    body = objs[n]
    pages = set(int(p) for p in re.findall(rb'/Pg (\d+) 0 R', body))
    k = re.search(rb'/K (\[.*?\]|\d+ 0 R|\d+)', body, re.S)
    for ref in re.findall(rb'(\d+) 0 R', k.group(1) if k else b''):
        if b'/StructElem' in objs.get(int(ref), b'') or b'/MCR' in objs.get(int(ref), b''):
            pages |= pages_of(objs, int(ref), seen)
    return pages


def check_structure(pdf, page_html):
    objs = structure(pdf)
    alts = [' '.join(html.unescape(a).split())
            for a in re.findall(r'<img [^>]*alt="([^"]*)"', page_html)]
    figures = [(n, b) for n, b in sorted(objs.items()) if re.search(rb'/S /Figure\b', b)]
    with_alt = [(n, ' '.join(pdf_string(re.search(rb'/Alt \((.*?)\)\s*/', b, re.S).group(1)).split()))
                for n, b in figures if b'/Alt (' in b]
    got = [a for _, a in with_alt]
    if got != alts:
        fail('%d figures with alt text %r..., the HTML has %d images %r...'
             % (len(got), got[:1], len(alts), alts[:1]))
    for n, b in figures:
        pages = pages_of(objs, n)
        if len(pages) > 1:
            fail('figure %d is split over pages %s' % (n, sorted(pages)))
    rows = [n for n, b in objs.items() if re.search(rb'/S /TR\b', b)]
    want_rows = len(re.findall(r'<tr[ >]', page_html))
    if len(rows) != want_rows:
        fail('%d table rows in the structure, the HTML has %d' % (len(rows), want_rows))
    for n in rows:
        pages = pages_of(objs, n)
        if len(pages) != 1:
            fail('table row %d is on pages %s' % (n, sorted(pages)))
    return len(figures), len(rows)


def main():
    pdf, page, marking = sys.argv[1:4]
    page_html = open(page, encoding='utf-8').read()
    pages = check_info(pdf)
    check_pages(pdf, pages, marking)
    check_vectors(pdf)
    figures, rows = check_structure(pdf, page_html)
    for p in problems:
        print('FAIL ' + p)
    if not problems:
        print('pdf_check: %d pages, %d figures, %d table rows, each whole on one page'
              % (pages, figures, rows))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
