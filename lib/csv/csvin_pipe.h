/*
 * csvin_pipe.h — csvin's reader thread (private to lib/csvin*.c).
 *
 * With a pipe, a producer thread runs the whole of csvin's reading (read(),
 * line splitting, libcsv, UTF-8 checks) and hands rows to csvin_next() in
 * batches through a ring of CSVIN_PIPE_BATCHES buffers: the caller's thread
 * only stores rows, so parsing runs on another core.  Memory stays flat: at
 * most that many batches of CSVIN_PIPE_BYTES (one grows to fit a row longer
 * than that).  The rows, their order, line numbers, raw text and problems are
 * exactly those of csvin_parse_next(), which produces them.
 */
#ifndef SIO_CSVIN_PIPE_H
#define SIO_CSVIN_PIPE_H

#include "csv/csvin.h"

#define CSVIN_PIPE_BATCHES 4
#define CSVIN_PIPE_BYTES (256 * 1024)
#define CSVIN_PIPE_FIRST (8 * 1024)

struct csvin_pipe;

/* csvin's own pull parser: the next row, 0 at the end, -status on error. */
int csvin_parse_next(struct csvin *in, struct csvin_row *row, struct sio_error *err);
/* What the producer knows so far: whether the file had a BOM, bytes consumed. */
int csvin_parse_bom(const struct csvin *in);
long long csvin_parse_offset(const struct csvin *in);

/* The prep hook's bytes for row (csvin_set_prep()), 0 when there is none. */
size_t csvin_prep(const struct csvin *in, const struct csvin_row *row, void *out);

/* The finish hook (csvin_set_prep_finish()): whether there is one, and
 * calling it for one row's prep bytes, or with NULL at a batch's end. */
int csvin_has_finish(const struct csvin *in);
void csvin_finish(const struct csvin *in, void *prep, size_t len);

/* The header hook (csvin_start()): whether one waits, and calling it once
 * with the header, on the producer's thread. */
int csvin_has_header_hook(const struct csvin *in);
void csvin_header(struct csvin *in, const struct csvin_row *header);

/* Start the producer thread on in.  SIO_ESOFTWARE if it cannot start. */
int csvin_pipe_start(struct csvin_pipe **pipe, struct csvin *in, struct sio_error *err);

/* The next row from the producer, as csvin_next() returns it. */
int csvin_pipe_next(struct csvin_pipe *pipe, struct csvin_row *row, struct sio_error *err);

/* The BOM flag and the offset after the last row handed out. */
int csvin_pipe_bom(const struct csvin_pipe *pipe);
long long csvin_pipe_offset(const struct csvin_pipe *pipe);

/* Stop the producer (if still running) and join it; NULL is a no-op. */
void csvin_pipe_halt(struct csvin_pipe *pipe);

/* Halt the producer and free the pipe. */
void csvin_pipe_stop(struct csvin_pipe *pipe);

#endif
