/*
 * error.c — filling, printing and mapping struct sio_error.
 */
#include "sys/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

int sio_fail(struct sio_error *err, int status, const char *file, long line,
             const char *fmt, ...)
{
    va_list ap;

    err->status = status;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return status;
}

void sio_error_clear(struct sio_error *err)
{
    memset(err, 0, sizeof *err);
}

void sio_error_print(const char *prog, const struct sio_error *err)
{
    if (err->file[0] && err->line > 0)
        fprintf(stderr, "%s: %s:%ld: %s\n", prog, err->file, err->line, err->msg);
    else if (err->file[0])
        fprintf(stderr, "%s: %s: %s\n", prog, err->file, err->msg);
    else
        fprintf(stderr, "%s: %s\n", prog, err->msg);
}

int sio_exit_code(int status)
{
    static const int codes[] = {
        [SIO_OK] = EX_OK,             [SIO_EUSAGE] = EX_USAGE,
        [SIO_EDATA] = EX_DATAERR,     [SIO_ENOINPUT] = EX_NOINPUT,
        [SIO_ESOFTWARE] = EX_SOFTWARE, [SIO_ECANTCREAT] = EX_CANTCREAT,
        [SIO_EIO] = EX_IOERR,         [SIO_ETEMPFAIL] = EX_TEMPFAIL,
        [SIO_ECONFIG] = EX_CONFIG,    [SIO_EUNAVAILABLE] = EX_UNAVAILABLE,
    };
    if (status < 0 || (size_t)status >= sizeof codes / sizeof codes[0])
        return EX_SOFTWARE;
    return codes[status];
}
