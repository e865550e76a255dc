/*
 * browser.h — one headless Chromium printing every PDF of a run.
 *
 * Starting Chromium was most of a one-off print's cost (its launcher
 * script, the browser and its helpers: about a second of the 1.4 s a PDF
 * took), and sio-statement for every force paid it 43 times.  So Chromium is
 * started once, at the first PDF, with --remote-debugging-pipe, and driven
 * over the DevTools protocol (JSON messages, each ended by a NUL byte, on
 * its fds 3 and 4): tabs kept for the run, and for each page Page.navigate to its print
 * copy, the page's load event, then Page.printToPDF with the settings
 * Chromium's own --print-to-pdf uses (CSS page size, backgrounds, tagged, no
 * header or footer of its own), so the file is the one the command line
 * made, byte for byte once statement/pdf.c has made it reproducible.
 *
 * Several pages at once ([statement] print_tabs, default one a processor,
 * at most 2): Chromium lays out and prints a page on one thread of one
 * renderer, so one tab leaves the second core idle.  Each tab is its own
 * target and session, with its own renderer process (hundreds of MB while
 * it prints statements); the tabs are opened as they are first needed, so a
 * run of one force opens one.  The callers are worker threads, each
 * printing one draft while sio-statement composes the next; a print takes
 * a free tab, or waits for one.  Every message, each tab's and the
 * browser's, comes on the one pipe: whichever print is waiting reads it
 * (one at a time) and keeps what is not its own for the print it belongs
 * to, found by the command's id and the tab's session.
 *
 * Every wait has a deadline ([statement] print_timeout): a Chromium that
 * stops answering is killed and the print fails, never hangs.  Once
 * Chromium has died or been killed, every print under way and every later
 * one fails at once with the same cause.
 */
#ifndef SIO_STATEMENT_BROWSER_H
#define SIO_STATEMENT_BROWSER_H

#include "convert.h"

#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>

/* The most tabs [statement] print_tabs may ask for. */
#define BROWSER_TABS_MAX 8

/* One tab: a target and the DevTools session attached to it. */
struct browser_tab {
    char session[128];           /* "" until it is opened */
    char target[128];            /* its target id, to close it by */
    int busy;                    /* a print is using it */
    int pages;                   /* pages printed since it was opened */
};

struct browser {
    struct convert_job job;      /* Chromium itself; its stderr's tail */
    int fd;                      /* our end of its fds 3 and 4 (-1 before the start) */
    char profile[PATH_MAX];      /* its scratch profile folder ("" none) */
    char *buf;                   /* bytes read and not yet whole messages (the reader's) */
    size_t len, cap;
    void *inbox;                 /* messages read, not yet taken (a jansson array) */
    int reading;                 /* a print is reading the pipe (mu released) */
    long next_id;                /* the last command's id */
    struct browser_tab tab[BROWSER_TABS_MAX];
    int tabs;                    /* how many tabs may be opened */
    int tab_pages;               /* a tab is closed after printing this many */
    int timeout_s;               /* the longest wait for one answer */
    int started;                 /* Chromium has been started (it may have died since) */
    struct sio_error broken;     /* why it can print no more (status 0 while it can) */
    atomic_int cancel;           /* set by browser_cancel() */
    pthread_mutex_t mu;          /* all of the above but buf, and the pipe's writing */
    pthread_cond_t cv;           /* a message read, a tab freed or the reader gone */
};

/* A browser not yet started, printing in at most tabs tabs at once
 * (1 to BROWSER_TABS_MAX), each closed and opened afresh after tab_pages
 * pages (a renderer keeps memory from every page it printed, about 100 MB
 * a statement), waiting at most timeout_s for an answer. */
int browser_init(struct browser *b, int tabs, int tab_pages, int timeout_s,
                 struct sio_error *err);

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
