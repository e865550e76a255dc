#!/usr/bin/env python3
"""devtools_relay.py — a `chromium` for tests that stands between
sio-statement and the real Chromium on the DevTools pipe (fds 3 and 4,
NUL-ended JSON messages) and logs every command and answer, so that a test
can see which tabs (sessions) printed and whether two pages were printed at
once.

Environment: REAL_CHROMIUM (the browser to run), CHROMIUM_LOG (appended:
"start PID", then "> ID METHOD SESSION" for each command sent, "< ID SESSION"
for each answer passed back; SESSION is "-" for the browser's own).

With RELAY_KILL=TEXT it passes back the answer to the print of the page
whose address holds TEXT (the run's first draft) and holds back the others,
and at the moment two prints are awaiting their answers after that one (so
two pages are in flight in Chromium) it kills Chromium and itself with
SIGKILL: a Chromium dying half-way, with the first draft printed and two
being printed, at a moment no timing can miss.
"""
import json
import os
import signal
import socket
import subprocess
import sys
import threading

log = open(os.environ["CHROMIUM_LOG"], "a", buffering=1)
log.write("start %d\n" % os.getpid())
first_page = os.environ.get("RELAY_KILL", "")
kill_mode = first_page != ""
lock = threading.Lock()
printing = {}             # Page.printToPDF commands not yet answered: id -> address
page_of = {}              # each session's page (the last Page.navigate's address)
answered_one = [False]    # the first page's print has been passed back

# Our fds 3 and 4 are sio-statement's end; Chromium gets its own pair there.
from_sio, to_sio = os.dup(3), os.dup(4)
ours, theirs = socket.socketpair()
os.dup2(theirs.fileno(), 3)
os.dup2(theirs.fileno(), 4)
child = subprocess.Popen([os.environ["REAL_CHROMIUM"]] + sys.argv[1:], pass_fds=(3, 4))
os.close(3)
os.close(4)
theirs.close()


def messages(read):
    """Each whole message read (bytes without the NUL), until the end."""
    buf = b""
    while True:
        chunk = read()
        if not chunk:
            return
        buf += chunk
        *whole, buf = buf.split(b"\0")
        yield from whole


def die():
    log.write("kill\n")
    child.kill()
    child.wait()
    os.kill(os.getpid(), signal.SIGKILL)


def up():
    """sio-statement's commands to Chromium."""
    for msg in messages(lambda: os.read(from_sio, 1 << 16)):
        m = json.loads(msg)
        log.write("> %s %s %s\n" % (m.get("id"), m.get("method"), m.get("sessionId", "-")))
        with lock:
            if m.get("method") == "Page.navigate":
                page_of[m.get("sessionId")] = m["params"]["url"]
            if m.get("method") == "Page.printToPDF":
                printing[m.get("id")] = page_of.get(m.get("sessionId"), "")
            if kill_mode and answered_one[0] and len(printing) >= 2:
                die()
        ours.sendall(msg + b"\0")
    ours.shutdown(socket.SHUT_WR)


def down():
    """Chromium's answers and events to sio-statement."""
    for msg in messages(lambda: ours.recv(1 << 20)):
        m = json.loads(msg)
        if "id" in m:
            log.write("< %s %s\n" % (m["id"], m.get("sessionId", "-")))
        with lock:
            if m.get("id") in printing:
                if kill_mode and first_page not in printing[m["id"]]:
                    continue  # held back: this page stays in flight
                answered_one[0] = True
                del printing[m["id"]]
        view = memoryview(msg + b"\0")
        while view:
            view = view[os.write(to_sio, view):]
    os.close(to_sio)


threading.Thread(target=up, daemon=True).start()
reader = threading.Thread(target=down)
reader.start()
status = child.wait()
reader.join()
if status < 0:
    os.kill(os.getpid(), -status)
sys.exit(status)
