/*
 * selfdir.c — readlink(/proc/self/exe), less the program's name.
 */
#include "sys/selfdir.h"

#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int selfdir_get(char *dir, size_t size, struct sio_error *err)
{
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n < 0 || (size_t)n >= sizeof exe - 1)
        return sio_fail(err, SIO_ESOFTWARE, "/proc/self/exe", 0,
                        "cannot tell where this program is installed: %s", strerror(errno));
    exe[n] = '\0';
    if ((size_t)snprintf(dir, size, "%s", dirname(exe)) >= size)
        return sio_fail(err, SIO_ESOFTWARE, exe, 0, "folder name too long");
    return SIO_OK;
}
