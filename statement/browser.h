/*
 * browser.h — one headless Chromium printing every PDF of a run.
 *
 * Starting Chromium was most of a one-off print's cost (its launcher
 * script, the browser and its helpers: about a second of the 1.4 s a PDF
 * took), and sio-statement for every force paid it 43 times.  So Chromium is
 * started once, at the first PDF, with --remote-debugging-pipe, and driven
 * over the DevTools protocol (JSON messages, each ended by a NUL byte, on
 * its fds 3 and 4): one tab, and for each page Page.navigate to its print
 * copy, the page's load event, then Page.printToPDF with the settings
 * Chromium's own --print-to-pdf uses (CSS page size, backgrounds, tagged, no
 * header or footer of its own), so the file is the one the command line
 * made, byte for byte once statement/pdf.c has made it reproducible.
 *
 * One page at a time (a mutex): the callers are worker threads, each
 * printing one draft while sio-statement composes the next.  Every wait has a
 * deadline ([statement] print_timeout): a Chromium that stops answering is
 * killed and the print fails, never hangs.  Once Chromium has died or been
 * killed, every later print fails at once with the same cause.
 */
#ifndef SIO_STATEMENT_BROWSER_H
#define SIO_STATEMENT_BROWSER_H

#include "convert.h"

#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>

struct browser {
    struct convert_job job;      /* Chromium itself; its stderr's tail */
    int fd;                      /* our end of its fds 3 and 4 (-1 before the start) */
    char profile[PATH_MAX];      /* its scratch profile folder ("" none) */
    char *buf;                   /* bytes read and not yet taken as messages */
    size_t len, cap;
    long next_id;                /* the last command's id */
    char session[128];           /* the DevTools session of its tab ("" none yet) */
    int timeout_s;               /* the longest wait for one answer */
    int started;                 /* Chromium has been started (it may have died since) */
    struct sio_error broken;     /* why it can print no more (status 0 while it can) */
    atomic_int cancel;           /* set by browser_cancel() */
    pthread_mutex_t mu;          /* one print at a time */
};

/* A browser not yet started, waiting at most timeout_s for an answer. */
int browser_init(struct browser *b, int timeout_s, struct sio_error *err);

/* Print the page at url (file://...) to the file pdf, starting Chromium if
 * it is not running.  SIO_EUNAVAILABLE when Chromium is not installed,
 * SIO_ESOFTWARE when it fails, dies or does not answer in time. */
int browser_print(struct browser *b, const char *url, const char *pdf, struct sio_error *err);

/* Make a print under way (and every later one) fail now: for a run that
 * has failed elsewhere and must not wait for pages it will throw away. */
void browser_cancel(struct browser *b);

/* Close Chromium (killed if it does not close in time), wait for it and
 * remove its profile; then free b.  The status of an unexpected end. */
int browser_stop(struct browser *b, struct sio_error *err);

#endif
