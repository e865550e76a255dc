/*
 * fingerprint.h — what a run's outputs depend on, as one SHA-256, so that a
 * run with nothing changed leaves the outputs as they are.
 *
 * The fingerprint covers: sio's version and the stage programs (each one's
 * path, size, modification time and inode: a rebuild or reinstall changes
 * them); the configuration file and every file it names (their bytes), the
 * store and output paths and the statement force; every file and folder
 * under the input paths (path, size, modification and change times, inode:
 * a file written again changes its times even when its bytes are the same,
 * and then the run is made); SOURCE_DATE_EPOCH; and the store as the last
 * stage left it (its file's inode and the last row of its runs table, which
 * every stage adds to).  A run records it in manifest.json; the next run
 * whose fingerprint is the same, and whose output folder still has every
 * file the manifest lists at its listed size, has nothing to do.
 *
 * Not covered, so not noticed: a store or output file edited by hand in
 * place, and libraries upgraded under unchanged programs (sio-run --always
 * runs every stage whatever the fingerprint says).
 */
#ifndef SIO_RUN_FINGERPRINT_H
#define SIO_RUN_FINGERPRINT_H

#include "config/config.h"
#include "plan.h"
#include "sys/error.h"
#include "sys/sha256.h"

struct fingerprint_inputs {
    const struct sio_config *cfg;
    const char *config_path;      /* the configuration file as given */
    const struct plan *plan;      /* the stage programs */
    char *const *inputs;          /* the input paths */
    int n_inputs;
};

/* The part a run's stages cannot change: programs, configuration, inputs,
 * SOURCE_DATE_EPOCH.  hex gets 64 digits.  SIO_ENOINPUT when an input path
 * does not exist (the run itself will say so), SIO_ESOFTWARE out of memory. */
int fingerprint_before(const struct fingerprint_inputs *in, char hex[SHA256_HEX_LEN + 1],
                       struct sio_error *err);

/* The whole fingerprint: before's digest with the store as it is now; ""
 * when before is "" or the store cannot be read (nothing then matches). */
void fingerprint_with_store(const char *before_hex, const char *store_path,
                            char hex[SHA256_HEX_LEN + 1]);

/* Whether out_dir/manifest.json records fingerprint hex and every output it
 * lists is there at its listed size. */
int fingerprint_published(const char *out_dir, const char *hex);

#endif
