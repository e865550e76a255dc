/*
 * error.h — how every sio function reports failure.
 *
 * A function that can fail returns an int status (SIO_OK = 0, or one of the
 * SIO_E* codes) and fills a caller-owned struct sio_error with the file, line
 * and a one-line British-English message.  Nothing below main() prints or
 * exits: main() prints the record once with sio_error_print() and exits with
 * sio_exit_code(status), which maps each status to a sysexits.h code.
 */
#ifndef SIO_ERROR_H
#define SIO_ERROR_H

#include <stddef.h>

enum sio_status {
    SIO_OK = 0,
    SIO_EUSAGE,    /* bad command line                  -> EX_USAGE (64) */
    SIO_EDATA,     /* input file not in a usable form   -> EX_DATAERR (65) */
    SIO_ENOINPUT,  /* input missing or unreadable       -> EX_NOINPUT (66) */
    SIO_ESOFTWARE, /* internal error, library failure   -> EX_SOFTWARE (70) */
    SIO_ECANTCREAT,/* output cannot be created          -> EX_CANTCREAT (73) */
    SIO_EIO,       /* read/write error, disk full       -> EX_IOERR (74) */
    SIO_ETEMPFAIL, /* locked by another run; try again  -> EX_TEMPFAIL (75) */
    SIO_ECONFIG,   /* bad configuration                 -> EX_CONFIG (78) */
    SIO_EUNAVAILABLE, /* a program sio runs is not installed -> EX_UNAVAILABLE (69) */
};

struct sio_error {
    int status;        /* one of enum sio_status */
    char file[1024];   /* file the problem is in, "" if none */
    long line;         /* 1-based line in file, 0 if not applicable */
    char msg[1024];    /* what went wrong, no trailing newline */
};

/* Fill err and return status; file may be NULL, line 0 when unknown. */
int sio_fail(struct sio_error *err, int status, const char *file, long line,
             const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Clear err to "no error". */
void sio_error_clear(struct sio_error *err);

/* Print "prog: file:line: msg" (the parts that are set) to stderr. */
void sio_error_print(const char *prog, const struct sio_error *err);

/* The sysexits.h exit code for a status. */
int sio_exit_code(int status);

#endif
