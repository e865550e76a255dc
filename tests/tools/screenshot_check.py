#!/usr/bin/python3
"""screenshot_check.py PNG WIDTH HEIGHT

Checks headless Chromium's screenshot of sio's HTML statement (the top of
the page at WIDTH x HEIGHT), so the test sees what a reader would:

  - the picture has the window's size;
  - the page is drawn, not blank: at least 5% of it is not white;
  - the page's own style sheet applied: the "Check before publishing" box's
    background (#fdf0e9) covers at least 1,000 pixels;
  - an embedded chart was decoded and drawn: at least 20 rows hold the
    charts' dark blue (#12436d, the Analysis Function palette's first colour)
    without being one of the headings' full-width rules, which share it. A
    page whose charts fail to decode has only the rules.

Prints "FAIL ..." per problem and exits 1, or "screenshot_check: ..." and 0.
Needs python3-pil (Debian).
"""
import sys

from PIL import Image

DARK_BLUE = (0x12, 0x43, 0x6D)
CHECK_BOX = (0xFD, 0xF0, 0xE9)


def near(c, target, tol):
    return all(abs(a - b) <= tol for a, b in zip(c, target))


def main(argv):
    if len(argv) != 4:
        print("usage: screenshot_check.py PNG WIDTH HEIGHT", file=sys.stderr)
        return 2
    want = (int(argv[2]), int(argv[3]))
    im = Image.open(argv[1]).convert("RGB")
    fails = []
    if im.size != want:
        fails.append(f"size {im.size[0]}x{im.size[1]}, want {want[0]}x{want[1]}")
    w, h = im.size
    px = im.load()
    nonwhite = box = chart_rows = 0
    for y in range(h):
        blue, run, longest = 0, 0, 0
        for x in range(w):
            c = px[x, y]
            nonwhite += c != (255, 255, 255)
            box += near(c, CHECK_BOX, 4)
            if near(c, DARK_BLUE, 12):
                blue += 1
                run += 1
                longest = max(longest, run)
            else:
                run = 0
        # a heading's rule is one run across most of the text column
        if blue and longest < w // 2:
            chart_rows += 1
    if nonwhite < 0.05 * w * h:
        fails.append(f"blank: {nonwhite} of {w * h} pixels not white")
    if box < 1000:
        fails.append(f"style sheet not applied: {box} pixels of the check box colour")
    if chart_rows < 20:
        fails.append(f"no chart drawn: {chart_rows} rows with the charts' dark blue")
    for f in fails:
        print("FAIL " + f)
    if not fails:
        print(f"screenshot_check: {w}x{h}, {100 * nonwhite // (w * h)}% drawn, "
              f"{box} check-box pixels, {chart_rows} chart rows")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
