/*
 * sha256.c — SHA-256 of files and buffers with nettle.
 */
#include "sys/sha256.h"

#include <errno.h>
#include <fcntl.h>
#include <nettle/sha2.h>
#include <string.h>
#include <unistd.h>

static void to_hex(const unsigned char *digest, char *hex)
{
    static const char digits[] = "0123456789abcdef";
    for (int i = 0; i < SHA256_DIGEST_SIZE; i++) {
        hex[2 * i] = digits[digest[i] >> 4];
        hex[2 * i + 1] = digits[digest[i] & 15];
    }
    hex[SHA256_HEX_LEN] = '\0';
}

void sha256_buffer(const void *data, size_t len, char hex[SHA256_HEX_LEN + 1])
{
    struct sha256_ctx ctx;
    unsigned char digest[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    sha256_update(&ctx, len, data);
    sha256_digest(&ctx, sizeof digest, digest);
    to_hex(digest, hex);
}

int sha256_file(const char *path, char hex[SHA256_HEX_LEN + 1], long long *bytes,
                struct sio_error *err)
{
    struct sha256_ctx ctx;
    unsigned char digest[SHA256_DIGEST_SIZE], buf[1 << 16];
    ssize_t n;
    int fd = open(path, O_RDONLY | O_CLOEXEC);

    if (fd < 0)
        return sio_fail(err, SIO_ENOINPUT, path, 0, "cannot open: %s", strerror(errno));
    sha256_init(&ctx);
    *bytes = 0;
    while ((n = read(fd, buf, sizeof buf)) > 0) {
        sha256_update(&ctx, (size_t)n, buf);
        *bytes += n;
    }
    int saved = errno;
    close(fd);
    if (n < 0)
        return sio_fail(err, SIO_EIO, path, 0, "read error: %s", strerror(saved));
    sha256_digest(&ctx, sizeof digest, digest);
    to_hex(digest, hex);
    return SIO_OK;
}
