/*
 * share.c — finding the shared files from the program's own folder.
 */
#include "share.h"

#include "sys/selfdir.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* dir holds sio.ini and the init/ templates. */
static int holds_share(const char *dir)
{
    char path[PATH_MAX + 32];
    snprintf(path, sizeof path, "%s/sio.ini", dir);
    if (access(path, R_OK) != 0)
        return 0;
    snprintf(path, sizeof path, "%s/init/README.md", dir);
    return access(path, R_OK) == 0;
}

/* dir, made absolute, into out when it holds the shared files. */
static int try_dir(const char *dir, char *out, size_t size)
{
    char real[PATH_MAX];
    if (!holds_share(dir) || !realpath(dir, real) || strlen(real) >= size)
        return 0;
    memcpy(out, real, strlen(real) + 1);
    return 1;
}

int share_find(char *dir, size_t size, char *bindir, size_t bindir_size, struct sio_error *err)
{
    static const char *const beside[] = { "../share/sio", "../config", "../../config" };
    char cand[PATH_MAX + 32];
    const char *env = getenv("SIO_SHARE");
    int rc = selfdir_get(bindir, bindir_size, err);
    if (rc)
        return rc;
    if (env && *env)
        return try_dir(env, dir, size) ? SIO_OK
               : sio_fail(err, SIO_ENOINPUT, env, 0, "$SIO_SHARE has no sio.ini and init/ templates");
    for (size_t i = 0; i < sizeof beside / sizeof beside[0]; i++) {
        snprintf(cand, sizeof cand, "%s/%s", bindir, beside[i]);
        if (try_dir(cand, dir, size))
            return SIO_OK;
    }
    return sio_fail(err, SIO_ENOINPUT, bindir, 0, "cannot find sio's shared files (sio.ini and "
                    "init/): looked in ../share/sio and ../config beside the program; set "
                    "SIO_SHARE to the folder `make install` put them in");
}
