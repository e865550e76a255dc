#!/usr/bin/python3
"""docx_table_words.py DOCX PDF

Checks that no column of sio's Word statement is so narrow that a word of
its cells breaks over two lines: every word (four letters or more) of every
table cell, read from the .docx with python-docx, appears whole in the text
poppler's pdftotext reads from PDF, the PDF LibreOffice made of the .docx
(so the widths are those a Word reader lays out, not sio's own estimate).

Prints "FAIL ..." per broken word (at most 20) and exits 1, or
"docx_table_words: ..." and 0.
"""
import re
from collections import Counter
import subprocess
import sys

import docx


def tokens(text):
    return re.findall(r'[A-Za-z]+', text)


def main():
    path, pdf = sys.argv[1:3]
    doc = docx.Document(path)
    # How often each word is in the document's body, tables included: a word
    # broken in a cell is then found fewer times in the PDF, even when it is
    # whole elsewhere.
    want = Counter()
    for p in doc.paragraphs:
        want.update(tokens(p.text))
    words = set()
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                want.update(tokens(cell.text))
                words.update(w for w in tokens(cell.text) if len(w) >= 4)
    text = subprocess.run(['pdftotext', pdf, '-'], check=True, capture_output=True,
                          text=True).stdout
    got = Counter(tokens(text))
    broken = sorted(w for w in words if got[w] < want[w])
    for w in broken[:20]:
        print('FAIL %r is %d times in the Word text, %d whole in the PDF: a column too narrow'
              % (w, want[w], got[w]))
    if not broken:
        print('docx_table_words: %d words of the tables, each whole' % len(words))
    return 1 if broken else 0


if __name__ == '__main__':
    sys.exit(main())
