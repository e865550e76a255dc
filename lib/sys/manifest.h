/*
 * manifest.h — out/manifest.json: what a run read, what it wrote, with what.
 *
 * The manifest records every input file the store holds (path, SHA-256, kind,
 * row counts, which newer file superseded it), every output file under the
 * output folder with its SHA-256 (sorted by path; manifest.json itself and
 * unfinished "*.tmp.*" names left out), the configuration (path, SHA-256 of
 * sio.ini and the measures file, and the resolved values), the versions of
 * sio and the libraries it runs on, the steps run and the start and end time.
 * It is written through lib/atomic, so a reader sees the old or the new
 * manifest, never part of one.  Given the same inputs, everything in it but
 * the times, the store's load times and the run's fingerprint (sio-run's
 * run/fingerprint.h, which sees files' times and inodes) is the same from run
 * to run.
 */
#ifndef SIO_MANIFEST_H
#define SIO_MANIFEST_H

#include "config/config.h"
#include "sys/error.h"

#include <sqlite3.h>

struct manifest_step {
    const char *stage;       /* "ingest", "transform", ... */
    int status;              /* the stage's exit status */
    double seconds;          /* how long it ran */
    const char *counts;      /* its runs.counts text, "" if none */
};

struct manifest_run {
    const char *started_at;  /* UTC, "YYYY-MM-DDTHH:MM:SSZ" */
    const char *ended_at;
    const char *out_dir;     /* the folder listed; manifest.json goes here */
    const struct manifest_step *steps;
    int n_steps;
    const char *fingerprint; /* what the outputs depend on ("" for none) */
};

/* Write <run->out_dir>/manifest.json for cfg's store (db) and outputs.
 * SIO_EIO/SIO_ECANTCREAT when it cannot be written, SIO_ESOFTWARE if JSON
 * cannot be built. */
int manifest_write(sqlite3 *db, const struct sio_config *cfg,
                   const struct manifest_run *run, struct sio_error *err);

/* True when name (a file's base name) is an unfinished temporary file of
 * lib/atomic ("x.csv.tmp.AbC123", "x.png.tmp.AbC123.plot"). */
int manifest_is_temporary(const char *name);

#endif
