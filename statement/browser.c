/*
 * browser.c — Chromium started once, its DevTools messages written and
 * read with jansson, and the printed page decoded from base64 (nettle).
 */
#include "browser.h"

#include "sys/atomic.h"

#include <errno.h>
#include <jansson.h>
#include <nettle/base64.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* A printed statement is a few MB; its base64 answer a third more. */
#define MESSAGE_MAX (512u << 20)
/* How long Browser.close may take before Chromium is killed. */
#define CLOSE_WAIT_S 10

int browser_init(struct browser *b, int timeout_s, struct sio_error *err)
{
    memset(b, 0, sizeof *b);
    b->fd = -1;
    b->timeout_s = timeout_s;
    atomic_init(&b->cancel, 0);
    if (pthread_mutex_init(&b->mu, NULL) != 0)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "cannot make a mutex");
    return SIO_OK;
}

static long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* A fresh Chromium profile folder, so runs never share one (or the user's). */
static int profile_dir(struct browser *b, struct sio_error *err)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(b->profile, sizeof b->profile, "%s/sio-chromium-XXXXXX",
             tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(b->profile)) {
        int saved = errno;
        b->profile[0] = '\0';
        return sio_fail(err, SIO_ECANTCREAT, tmp && *tmp ? tmp : "/tmp", 0,
                        "cannot make a scratch folder: %s", strerror(saved));
    }
    return SIO_OK;
}

static int start(struct browser *b, const char *pdf, struct sio_error *err)
{
    char profile[PATH_MAX + 32];
    int sv[2], rc;
    b->started = 1;
    if ((rc = profile_dir(b, err)))
        return rc;
    /* A socket rather than pipes: a write to a Chromium that has died is
     * then an error (MSG_NOSIGNAL), not a SIGPIPE. */
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
        return sio_fail(err, SIO_ESOFTWARE, pdf, 0, "cannot make a socket: %s", strerror(errno));
    snprintf(profile, sizeof profile, "--user-data-dir=%s", b->profile);
    /* No sandbox: the pages are sio's own, with no scripts and nothing
     * fetched, and Chromium's sandbox refuses to run as root (cron jobs
     * often are). */
    char *argv[] = { "chromium", "--headless", "--no-sandbox", "--disable-gpu",
                     "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                     "--disable-background-networking", "--disable-sync", "--mute-audio",
                     "--remote-debugging-pipe", profile, NULL };
    b->job.name = "chromium";
    b->job.package = "chromium";
    b->job.output = pdf;
    rc = convert_start_with(&b->job, argv, sv[1], err);
    close(sv[1]);
    if (rc) {
        close(sv[0]);
        return rc;
    }
    b->fd = sv[0];
    return SIO_OK;
}

/* Chromium has gone or must go: kill it if it still runs, wait for it, and
 * keep in b->broken (and err) why no more pages can be printed: why, and
 * how it ended (with the last line it wrote when it exited of itself; a
 * killed one's last words are the noise of its start). */
static int broken(struct browser *b, const char *pdf, const char *why, struct sio_error *err)
{
    char how[160] = "";
    int status = 0;
    if (b->job.pid > 0) {
        /* Ended already (its status says how), or ended here (nothing to say). */
        struct timespec nap = { 0, 50000000 };
        nanosleep(&nap, NULL);
        pid_t ended = waitpid(b->job.pid, &status, WNOHANG);
        if (ended == 0) {
            kill(b->job.pid, SIGKILL);
            while (waitpid(b->job.pid, &status, 0) < 0 && errno == EINTR)
                ;
            status = 0;
        }
        convert_drain(&b->job);
        b->job.pid = 0;
        char *last = b->job.tail + b->job.kept;
        while (last > b->job.tail && (last[-1] == '\n' || last[-1] == '\r'))
            *--last = '\0';
        while (last > b->job.tail && last[-1] != '\n')
            last--;
        if (WIFEXITED(status) && status)
            snprintf(how, sizeof how, " (it exited with status %d%s%.100s)", WEXITSTATUS(status),
                     *last ? ": " : "", last);
        else if (WIFSIGNALED(status))
            snprintf(how, sizeof how, " (killed by signal %d, %s)", WTERMSIG(status),
                     strsignal(WTERMSIG(status)));
    }
    if (b->job.err_fd >= 0)
        close(b->job.err_fd);
    b->job.err_fd = -1;
    if (b->fd >= 0)
        close(b->fd);
    b->fd = -1;
    sio_fail(&b->broken, SIO_ESOFTWARE, pdf, 0, "chromium %s%s", why, how);
    *err = b->broken;
    return err->status;
}

static int send_message(struct browser *b, json_t *msg, const char *pdf, struct sio_error *err)
{
    char *text = json_dumps(msg, JSON_COMPACT);
    json_decref(msg);
    if (!text)
        return sio_fail(err, SIO_ESOFTWARE, pdf, 0, "out of memory");
    size_t len = strlen(text) + 1, off = 0; /* with its NUL, the message's end */
    while (off < len) {
        ssize_t n = send(b->fd, text + off, len - off, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            free(text);
            return broken(b, pdf, "stopped taking commands", err);
        }
        off += (size_t)n;
    }
    free(text);
    return SIO_OK;
}

/* Send method with params (stolen; NULL for none), in session (NULL: the
 * browser's own); *id is its id for the answer. */
static int command(struct browser *b, const char *session, const char *method, json_t *params,
                   long *id, const char *pdf, struct sio_error *err)
{
    json_t *msg = json_pack("{s:I, s:s, s:o}", "id", (json_int_t)++b->next_id, "method", method,
                            "params", params ? params : json_object());
    if (msg && session)
        json_object_set_new(msg, "sessionId", json_string(session));
    if (!msg)
        return sio_fail(err, SIO_ESOFTWARE, pdf, 0, "out of memory");
    *id = b->next_id;
    return send_message(b, msg, pdf, err);
}

/* The next whole message, waiting until deadline (ms, CLOCK_MONOTONIC). */
static int next_message(struct browser *b, long deadline, json_t **msg, const char *pdf,
                        struct sio_error *err)
{
    for (;;) {
        char *end = b->len ? memchr(b->buf, '\0', b->len) : NULL;
        if (end) {
            size_t n = (size_t)(end - b->buf);
            json_error_t jerr;
            *msg = json_loadb(b->buf, n, 0, &jerr);
            memmove(b->buf, end + 1, b->len - n - 1);
            b->len -= n + 1;
            if (!*msg)
                return broken(b, pdf, "sent a message that is not JSON", err);
            return SIO_OK;
        }
        if (atomic_load(&b->cancel))
            return broken(b, pdf, "was stopped: the run failed", err);
        long left = deadline - now_ms();
        if (left <= 0) {
            char why[96];
            snprintf(why, sizeof why, "did not answer within %d s ([statement] print_timeout)",
                     b->timeout_s);
            return broken(b, pdf, why, err);
        }
        struct pollfd p[2] = { { b->fd, POLLIN, 0 }, { b->job.err_fd, POLLIN, 0 } };
        /* A tenth of a second at most, to see a cancel. */
        int r = poll(p, b->job.err_fd >= 0 ? 2 : 1, left < 100 ? (int)left : 100);
        if (r < 0 && errno != EINTR)
            return broken(b, pdf, "cannot be waited for", err);
        if (r <= 0)
            continue;
        if (p[1].revents)
            convert_drain(&b->job);
        if (!p[0].revents)
            continue;
        if (b->cap - b->len < 65536) {
            size_t cap = b->cap ? 2 * b->cap : 1 << 20;
            char *grown = cap <= MESSAGE_MAX ? realloc(b->buf, cap) : NULL;
            if (!grown)
                return broken(b, pdf, "sent a message too long to take", err);
            b->buf = grown;
            b->cap = cap;
        }
        ssize_t n = read(b->fd, b->buf + b->len, b->cap - b->len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return broken(b, pdf, "stopped before the PDF was printed", err);
        b->len += (size_t)n;
    }
}

/* The next message match() accepts (the caller json_decref()s *found),
 * passing over the others, waiting at most timeout_s. */
static int wait_for(struct browser *b, int (*match)(json_t *msg, const void *want),
                    const void *want, json_t **found, const char *pdf, struct sio_error *err)
{
    long deadline = now_ms() + 1000L * b->timeout_s;
    for (;;) {
        json_t *msg;
        int rc = next_message(b, deadline, &msg, pdf, err);
        if (rc)
            return rc;
        if (match(msg, want)) {
            *found = msg;
            return SIO_OK;
        }
        json_decref(msg);
    }
}

static int is_answer(json_t *msg, const void *want)
{
    json_t *id = json_object_get(msg, "id");
    return json_is_integer(id) && json_integer_value(id) == *(const long *)want;
}

/* The answer to command id (the caller json_decref()s *reply); an error
 * answer fails. */
static int answer(struct browser *b, long id, json_t **reply, const char *pdf,
                  struct sio_error *err)
{
    json_t *msg;
    int rc = wait_for(b, is_answer, &id, &msg, pdf, err);
    if (rc)
        return rc;
    json_t *e = json_object_get(msg, "error");
    if (e) {
        const char *why = json_string_value(json_object_get(e, "message"));
        rc = sio_fail(err, SIO_ESOFTWARE, pdf, 0, "chromium could not print it: %s",
                      why ? why : "(no reason given)");
        json_decref(msg);
        return rc;
    }
    *reply = msg;
    return SIO_OK;
}

/* Send a command and wait for its answer; *reply (may be NULL) keeps it. */
static int call(struct browser *b, const char *session, const char *method, json_t *params,
                json_t **reply, const char *pdf, struct sio_error *err)
{
    long id;
    json_t *msg = NULL;
    int rc = command(b, session, method, params, &id, pdf, err);
    if (!rc)
        rc = answer(b, id, &msg, pdf, err);
    if (!rc && reply)
        *reply = msg;
    else
        json_decref(msg);
    return rc;
}

/* A string of the answer's result (valid while reply lives), or NULL. */
static const char *result_string(json_t *reply, const char *key)
{
    return json_string_value(json_object_get(json_object_get(reply, "result"), key));
}

/* The page's load event: in session, for the main frame, of the document
 * its navigation loads (loader, when Chromium named one). */
struct load_wanted {
    const char *session, *frame, *loader;
};

static int is_load(json_t *msg, const void *want)
{
    const struct load_wanted *w = want;
    json_t *p = json_object_get(msg, "params");
    const char *method = json_string_value(json_object_get(msg, "method")),
               *sid = json_string_value(json_object_get(msg, "sessionId")),
               *name = json_string_value(json_object_get(p, "name")),
               *fid = json_string_value(json_object_get(p, "frameId")),
               *lid = json_string_value(json_object_get(p, "loaderId"));
    return method && !strcmp(method, "Page.lifecycleEvent") && sid && !strcmp(sid, w->session) &&
           name && !strcmp(name, "load") && fid && !strcmp(fid, w->frame) &&
           (!w->loader || (lid && !strcmp(lid, w->loader)));
}

static int wait_load(struct browser *b, const char *session, const char *frame,
                     const char *loader, const char *pdf, struct sio_error *err)
{
    struct load_wanted want = { session, frame, loader };
    json_t *msg;
    int rc = wait_for(b, is_load, &want, &msg, pdf, err);
    if (!rc)
        json_decref(msg);
    return rc;
}

/* The answer's base64 "data" into the file pdf. */
static int write_pdf(json_t *reply, const char *pdf, struct sio_error *err)
{
    const char *data = result_string(reply, "data");
    size_t in = data ? strlen(data) : 0, out = BASE64_DECODE_LENGTH(in);
    uint8_t *bytes = data ? malloc(out ? out : 1) : NULL;
    struct base64_decode_ctx ctx;
    int rc = SIO_OK;
    if (!data)
        return sio_fail(err, SIO_ESOFTWARE, pdf, 0, "chromium answered the print without a PDF");
    if (!bytes)
        return sio_fail(err, SIO_ESOFTWARE, pdf, 0, "out of memory");
    base64_decode_init(&ctx);
    if (!base64_decode_update(&ctx, &out, bytes, in, data) || !base64_decode_final(&ctx))
        rc = sio_fail(err, SIO_ESOFTWARE, pdf, 0, "chromium's PDF is not base64");
    else {
        FILE *fp = fopen(pdf, "wb");
        int failed = !fp;
        if (fp) {
            failed = fwrite(bytes, 1, out, fp) != out;
            failed |= fclose(fp) != 0;
        }
        if (failed)
            rc = sio_fail(err, SIO_EIO, pdf, 0, "cannot write: %m");
    }
    free(bytes);
    return rc;
}

/* Chromium's --print-to-pdf settings (components/headless/command_handler):
 * the CSS page size and margins, backgrounds, tagged (each chart's alt text
 * its alternate description), no header or footer of Chromium's own. */
static json_t *print_settings(void)
{
    return json_pack("{s:b, s:b, s:b, s:b}", "displayHeaderFooter", 0, "generateTaggedPDF", 1,
                     "printBackground", 1, "preferCSSPageSize", 1);
}

/* The run's one tab, opened at the first page and kept for the others (a
 * tab a page cost a new renderer process each: 0.3 s of CPU a page). */
static int open_tab(struct browser *b, const char *pdf, struct sio_error *err)
{
    json_t *tab = NULL, *attached = NULL;
    const char *target = NULL, *session = NULL;
    int rc = call(b, NULL, "Target.createTarget", json_pack("{s:s}", "url", "about:blank"), &tab,
                  pdf, err);
    if (!rc && !(target = result_string(tab, "targetId")))
        rc = sio_fail(err, SIO_ESOFTWARE, pdf, 0, "chromium opened no tab");
    if (!rc)
        rc = call(b, NULL, "Target.attachToTarget",
                  json_pack("{s:s, s:b}", "targetId", target, "flatten", 1), &attached, pdf, err);
    if (!rc && !(session = result_string(attached, "sessionId")))
        rc = sio_fail(err, SIO_ESOFTWARE, pdf, 0, "chromium gave no session for the tab");
    if (!rc && snprintf(b->session, sizeof b->session, "%s", session) >= (int)sizeof b->session)
        rc = sio_fail(err, SIO_ESOFTWARE, pdf, 0, "chromium's session id is too long");
    if (!rc)
        rc = call(b, b->session, "Page.enable", NULL, NULL, pdf, err);
    if (!rc)
        rc = call(b, b->session, "Page.setLifecycleEventsEnabled",
                  json_pack("{s:b}", "enabled", 1), NULL, pdf, err);
    if (rc)
        b->session[0] = '\0';
    json_decref(attached);
    json_decref(tab);
    return rc;
}

/* One page in the tab: load, print. */
static int print_page(struct browser *b, const char *url, const char *pdf, struct sio_error *err)
{
    json_t *nav = NULL, *printed = NULL;
    const char *frame = NULL, *failed;
    int rc = b->session[0] ? SIO_OK : open_tab(b, pdf, err);
    if (!rc)
        rc = call(b, b->session, "Page.navigate", json_pack("{s:s}", "url", url), &nav, pdf, err);
    if (!rc && (failed = result_string(nav, "errorText")) != NULL)
        rc = sio_fail(err, SIO_ESOFTWARE, pdf, 0, "chromium could not open the print copy: %s",
                      failed);
    else if (!rc && !(frame = result_string(nav, "frameId")))
        rc = sio_fail(err, SIO_ESOFTWARE, pdf, 0, "chromium navigated no frame");
    if (!rc)
        rc = wait_load(b, b->session, frame, result_string(nav, "loaderId"), pdf, err);
    if (!rc)
        rc = call(b, b->session, "Page.printToPDF", print_settings(), &printed, pdf, err);
    if (!rc)
        rc = write_pdf(printed, pdf, err);
    json_decref(printed);
    json_decref(nav);
    return rc;
}

int browser_print(struct browser *b, const char *url, const char *pdf, struct sio_error *err)
{
    int rc;
    pthread_mutex_lock(&b->mu);
    if (b->broken.status) {
        *err = b->broken;
        rc = err->status;
    } else if (atomic_load(&b->cancel))
        rc = sio_fail(err, SIO_ESOFTWARE, pdf, 0, "chromium was stopped: the run failed");
    else if (!b->started && (rc = start(b, pdf, err)) != SIO_OK)
        b->broken = *err;
    else
        rc = print_page(b, url, pdf, err);
    pthread_mutex_unlock(&b->mu);
    return rc;
}

void browser_cancel(struct browser *b)
{
    atomic_store(&b->cancel, 1);
}

/* Chromium keeps a socket for its single instance in a folder of its own
 * under TMPDIR, linked from the profile, and removes it when it closes; one
 * that was killed leaves it.  Removed here, only by that link. */
static void remove_singleton(struct browser *b)
{
    char link[PATH_MAX + 32], target[PATH_MAX];
    snprintf(link, sizeof link, "%s/SingletonSocket", b->profile);
    ssize_t n = b->profile[0] ? readlink(link, target, sizeof target - 1) : -1;
    if (n <= 0)
        return;
    target[n] = '\0';
    char *slash = strrchr(target, '/');
    if (!slash || !strstr(target, "/org.chromium.Chromium."))
        return;
    *slash = '\0';
    atomic_remove_tree(target);
}

/* Chromium's helpers (zygote, renderers, crash handler) inherit its stderr
 * and may outlive it by a moment, writing into the profile as it is
 * removed; the end of the pipe says the last has gone.  Waited for a
 * little, no more. */
static void helpers_wait(int fd)
{
    char sink[512];
    for (long end = now_ms() + 2000; fd >= 0 && now_ms() < end;) {
        struct pollfd p = { fd, POLLIN, 0 };
        if (poll(&p, 1, 50) < 0 && errno != EINTR)
            return;
        if (p.revents && read(fd, sink, sizeof sink) == 0)
            return;
    }
}

int browser_stop(struct browser *b, struct sio_error *err)
{
    int rc = SIO_OK;
    pthread_mutex_lock(&b->mu);
    if (b->fd >= 0 && b->job.pid > 0) {
        long id;
        int saved = b->timeout_s;
        json_t *reply = NULL;
        struct sio_error ignored;
        b->timeout_s = CLOSE_WAIT_S;
        /* Browser.close is answered, then Chromium ends; whatever it does, it
         * is waited for (killed when it lingers). */
        if (!command(b, NULL, "Browser.close", NULL, &id, NULL, &ignored))
            answer(b, id, &reply, NULL, &ignored);
        json_decref(reply);
        b->timeout_s = saved;
        shutdown(b->fd, SHUT_RDWR);
        for (long end = now_ms() + 1000L * CLOSE_WAIT_S; now_ms() < end;) {
            pid_t w = waitpid(b->job.pid, NULL, WNOHANG);
            if (w == b->job.pid || (w < 0 && errno != EINTR)) {
                b->job.pid = 0;
                break;
            }
            struct timespec nap = { 0, 20000000 };
            nanosleep(&nap, NULL);
        }
    }
    /* Still running after all that: killed, and waited for. */
    if (b->job.pid > 0) {
        kill(b->job.pid, SIGKILL);
        while (waitpid(b->job.pid, NULL, 0) < 0 && errno == EINTR)
            ;
        b->job.pid = 0;
    }
    helpers_wait(b->job.err_fd);
    if (b->job.err_fd >= 0)
        close(b->job.err_fd);
    b->job.err_fd = -1;
    if (b->fd >= 0)
        close(b->fd);
    remove_singleton(b);
    if (b->profile[0] && atomic_remove_tree(b->profile) != 0 && !rc)
        rc = sio_fail(err, SIO_EIO, b->profile, 0, "cannot remove Chromium's scratch profile: %m");
    free(b->buf);
    pthread_mutex_unlock(&b->mu);
    pthread_mutex_destroy(&b->mu);
    return rc;
}
