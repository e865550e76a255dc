/*
 * share.h — where sio's shared files are: the sample configuration and the
 * templates sio-init copies (config/ in the source tree, installed by
 * `make install` as $(PREFIX)/share/sio).
 *
 * Looked for, in order: $SIO_SHARE; the installed folder beside the program
 * (<bin>/../share/sio); the source tree's config/ beside a build folder
 * (<build>/../config, <build>/../../config for build/san).  The first that
 * holds sio.ini and init/ wins, so an installed sio-init uses the installed
 * files and build/sio-init the source tree's.
 */
#ifndef SIO_INIT_SHARE_H
#define SIO_INIT_SHARE_H

#include "sys/error.h"

#include <stddef.h>

/* The folder holding the shared files into dir (size bytes), and the
 * folder the programs are in into bindir.  SIO_ENOINPUT naming where it
 * looked. */
int share_find(char *dir, size_t size, char *bindir, size_t bindir_size, struct sio_error *err);

#endif
