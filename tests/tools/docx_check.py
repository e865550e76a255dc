#!/usr/bin/python3
"""docx_check.py DOCX MARKDOWN CLASSIFICATION

Reads sio's Word statement back with python-docx (Debian python3-docx, an
independent reader of the format) and checks it against the Markdown it was
made from, read here with a few regular expressions:

  - the headings are Word headings (styles Heading 1-3, so the navigation
    pane lists them), the same texts at the same levels as the Markdown's
    "#" headings, in order;
  - every pipe table is a Word table with the same cells, and its first row
    is marked as a header row (repeated on each page);
  - every chart is a picture whose description (alt text) is the Markdown's
    alt text, embedded at print quality (at least 290 pixels per inch at the
    size it is shown);
  - the page is A4; the page header and footer carry the classification;
    the footer has a page number field.

Prints "FAIL ..." per problem and exits 1, or "docx_check: ..." and 0.
"""
import re
import sys

import docx
from docx.oxml.ns import qn

problems = []


def fail(msg):
    problems.append(msg)


def md_unescape(s):
    return re.sub(r'\\([\\`*_{}\[\]()#+\-.!|<>~"\'$%&,:;=?@^])', r'\1', s)


def md_plain(s):
    """Inline Markdown as the text Word shows."""
    s = re.sub(r'\*\*(.+?)\*\*', r'\1', s)
    s = re.sub(r'(?<!\w)[*_](.+?)[*_](?!\w)', r'\1', s)
    s = re.sub(r'`([^`]*)`', r'\1', s)
    s = re.sub(r'\[([^\]]*)\]\([^)]*\)', r'\1', s)
    return md_unescape(s).strip()


def spaced(s):
    """Whitespace as Word and PDF keep it: runs as one space, none at the ends."""
    return ' '.join(s.split())


def markdown_parts(path):
    headings, tables, images = [], [], []
    rows = None
    with open(path, encoding='utf-8') as f:
        text = f.read()
    for m in re.finditer(r'!\[((?:[^\]\\]|\\.)*)\]\(([^)]*)\)', text):
        images.append(spaced(md_unescape(m.group(1))))
    for line in text.splitlines():
        m = re.match(r'(#{1,6}) (.*)', line)
        if m:
            headings.append((len(m.group(1)), md_plain(m.group(2))))
        if line.startswith('|'):
            cells = [c.strip() for c in re.split(r'(?<!\\)\|', line.strip())[1:-1]]
            if all(re.fullmatch(r':?-+:?', c) for c in cells):
                continue
            if rows is None:
                rows = []
                tables.append(rows)
            rows.append([md_plain(c) for c in cells])
        else:
            rows = None
    return headings, tables, images


def word_headings(doc):
    out = []
    for p in doc.paragraphs:
        m = re.fullmatch(r'Heading (\d)', p.style.name or '')
        if m:
            out.append((int(m.group(1)), p.text.strip()))
    return out


def check_tables(doc, want):
    got = doc.tables
    if len(got) != len(want):
        fail('%d Word tables, the Markdown has %d' % (len(got), len(want)))
    for i, (t, rows) in enumerate(zip(got, want), start=1):
        cells = [[c.text.strip() for c in r.cells] for r in t.rows]
        if cells != rows:
            fail('table %d: %r, the Markdown has %r' % (i, cells[:3], rows[:3]))
        trpr = t.rows[0]._tr.trPr
        head = trpr.find(qn('w:tblHeader')) if trpr is not None else None
        if head is None or head.get(qn('w:val'), 'true') in ('false', '0'):
            fail('table %d: its first row is not a header row' % i)


def check_images(doc, want):
    body = doc.element.body
    pics = body.findall('.//' + qn('wp:inline')) + body.findall('.//' + qn('wp:anchor'))
    if len(pics) != len(want):
        fail('%d pictures, the Markdown has %d charts' % (len(pics), len(want)))
    for i, (pic, alt) in enumerate(zip(pics, want), start=1):
        descr = spaced(pic.find(qn('wp:docPr')).get('descr') or '')
        if descr != alt:
            fail('picture %d: description %r, the alt text is %r' % (i, descr, alt))
        blip = pic.find('.//' + qn('a:blip'))
        part = doc.part.related_parts[blip.get(qn('r:embed'))]
        data = part.blob
        width_emu = int(pic.find(qn('wp:extent')).get('cx'))
        if data[:8] != b'\x89PNG\r\n\x1a\n':
            fail('picture %d: not a PNG (%s)' % (i, part.partname))
            continue
        px = int.from_bytes(data[16:20], 'big')
        ppi = px / (width_emu / 914400)
        if ppi < 290:
            fail('picture %d: %d pixels across %.2f in: %.0f ppi' % (i, px, width_emu / 914400, ppi))


def check_page(doc, marking):
    for n, s in enumerate(doc.sections, start=1):
        if abs(s.page_width.mm - 210) > 1 or abs(s.page_height.mm - 297) > 1:
            fail('section %d: page %.0f x %.0f mm, not A4' % (n, s.page_width.mm, s.page_height.mm))
        head = ' '.join(p.text for p in s.header.paragraphs)
        foot = ' '.join(p.text for p in s.footer.paragraphs)
        if marking not in head:
            fail('section %d: the page header %r lacks %r' % (n, head, marking))
        if marking not in foot:
            fail('section %d: the page footer %r lacks %r' % (n, foot, marking))
        instr = ' '.join(i.text for i in s.footer._element.iter(qn('w:instrText')))
        if 'PAGE' not in instr:
            fail('section %d: the footer has no page number field' % n)


def main():
    path, md, marking = sys.argv[1:4]
    doc = docx.Document(path)
    headings, tables, images = markdown_parts(md)
    got = word_headings(doc)
    if got != headings:
        fail('headings %r, the Markdown has %r' % (got[:6], headings[:6]))
    check_tables(doc, tables)
    check_images(doc, images)
    check_page(doc, marking)
    for p in problems:
        print('FAIL ' + p)
    if not problems:
        print('docx_check: %d headings, %d tables, %d charts' % (len(got), len(tables), len(images)))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
