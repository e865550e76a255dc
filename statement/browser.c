/*
 * browser.c — Chromium started once, its DevTools messages written and
 * read with jansson, shared out among the prints under way, and the
 * printed page decoded from base64 (nettle).
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

int browser_init(struct browser *b, int tabs, int tab_pages, int timeout_s,
                 struct sio_error *err)
{
    pthread_condattr_t ca;
    memset(b, 0, sizeof *b);
    b->fd = -1;
    b->tabs = tabs < 1 ? 1 : tabs > BROWSER_TABS_MAX ? BROWSER_TABS_MAX : tabs;
    b->tab_pages = tab_pages < 1 ? 1 : tab_pages;
    b->timeout_s = timeout_s;
    atomic_init(&b->cancel, 0);
    if (!(b->inbox = json_array()))
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    /* The waits' deadlines are CLOCK_MONOTONIC's, as now_ms() is. */
    int failed = pthread_condattr_init(&ca) != 0;
    failed = failed || pthread_condattr_setclock(&ca, CLOCK_MONOTONIC) != 0 ||
             pthread_cond_init(&b->cv, &ca) != 0;
    if (!failed && pthread_mutex_init(&b->mu, NULL) != 0) {
        pthread_cond_destroy(&b->cv);
        failed = 1;
    }
    pthread_condattr_destroy(&ca);
    if (failed) {
        json_decref(b->inbox);
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "cannot make a mutex");
    }
    return SIO_OK;
}

static long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Wait (b->mu held) for another print's news, until deadline but a tenth
 * of a second at most, to see a cancel. */
static void nap(struct browser *b, long deadline)
{
    long until = now_ms() + 100;
    until = deadline < until ? deadline : until;
    struct timespec t = { until / 1000, (until % 1000) * 1000000 };
    pthread_cond_timedwait(&b->cv, &b->mu, &t);
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

/* Why Chromium can print no more, into err, once it has been found so. */
static int still_broken(const struct browser *b, struct sio_error *err)
{
    *err = b->broken;
    return err->status;
}

/* Chromium has gone or must go: kill it if it still runs, wait for it, and
 * keep in b->broken (and err) why no more pages can be printed: why, and
 * how it ended (with the last line it wrote when it exited of itself; a
 * killed one's last words are the noise of its start).  The first cause is
 * every print's.  Its pipes are closed by browser_stop(), not here: another
 * print may be waiting on them. */
static int broken(struct browser *b, const char *pdf, const char *why, struct sio_error *err)
{
    char how[160] = "";
    int status = 0;
    if (b->broken.status)
        return still_broken(b, err);
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
 * browser's own); *id is its id for the answer, unique in the run. */
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

/* Room in b->buf for another read. */
static int grow(struct browser *b)
{
    if (b->cap - b->len >= 65536)
        return 0;
    size_t cap = b->cap ? 2 * b->cap : 1 << 20;
    char *grown = cap <= MESSAGE_MAX ? realloc(b->buf, cap) : NULL;
    if (!grown)
        return -1;
    b->buf = grown;
    b->cap = cap;
    return 0;
}

/* The whole messages in b->buf into b->inbox. */
static int take_messages(struct browser *b, const char *pdf, struct sio_error *err)
{
    char *at = b->buf, *end;
    while ((end = memchr(at, '\0', b->len - (size_t)(at - b->buf))) != NULL) {
        json_error_t jerr;
        json_t *msg = json_loadb(at, (size_t)(end - at), 0, &jerr);
        if (!msg || json_array_append_new(b->inbox, msg) != 0)
            return broken(b, pdf, "sent a message that is not JSON", err);
        at = end + 1;
    }
    b->len -= (size_t)(at - b->buf);
    memmove(b->buf, at, b->len);
    return SIO_OK;
}

/* Read what the pipe has, waiting until deadline but a tenth of a second
 * at most (to see a cancel), with b->mu released meanwhile so that the
 * other prints can send and take their messages.  One print reads at a
 * time (b->reading); the others nap() until it has read. */
static int read_some(struct browser *b, long deadline, const char *pdf, struct sio_error *err)
{
    struct pollfd p[2] = { { b->fd, POLLIN, 0 }, { b->job.err_fd, POLLIN, 0 } };
    long left = deadline - now_ms();
    ssize_t n = 0;
    int r, saved;
    if (grow(b) != 0)
        return broken(b, pdf, "sent a message too long to take", err);
    b->reading = 1;
    pthread_mutex_unlock(&b->mu);
    r = poll(p, b->job.err_fd >= 0 ? 2 : 1, left < 100 ? (int)left : 100);
    saved = errno;
    if (r > 0 && p[0].revents) {
        n = read(b->fd, b->buf + b->len, b->cap - b->len);
        saved = errno;
    }
    pthread_mutex_lock(&b->mu);
    b->reading = 0;
    pthread_cond_broadcast(&b->cv);
    if (b->broken.status)
        return still_broken(b, err);
    if (r < 0 && saved != EINTR)
        return broken(b, pdf, "cannot be waited for", err);
    if (r > 0 && p[1].revents)
        convert_drain(&b->job);
    if (r <= 0 || !p[0].revents || (n < 0 && saved == EINTR))
        return SIO_OK;
    if (n <= 0)
        return broken(b, pdf, "stopped before the PDF was printed", err);
    b->len += (size_t)n;
    return take_messages(b, pdf, err);
}

/* An event of session's (or the browser's) that nobody waits for now: the
 * answers, which carry an id, are left for the print that sent them. */
static int passed_over(json_t *msg, const char *session)
{
    const char *sid = json_string_value(json_object_get(msg, "sessionId"));
    return !json_object_get(msg, "id") && (!sid || (session && !strcmp(sid, session)));
}

/* The first message in the inbox match() accepts, taken out (NULL: none
 * yet), passing over the events of session's that come before it. */
static json_t *take(struct browser *b, int (*match)(json_t *msg, const void *want),
                    const void *want, const char *session)
{
    json_t *inbox = b->inbox;
    for (size_t i = 0; i < json_array_size(inbox);) {
        json_t *msg = json_array_get(inbox, i);
        if (match(msg, want)) {
            json_incref(msg);
            json_array_remove(inbox, i);
            return msg;
        }
        if (passed_over(msg, session))
            json_array_remove(inbox, i);
        else
            i++;
    }
    return NULL;
}

/* The next message of session's match() accepts (the caller json_decref()s
 * *found), waiting at most timeout_s; b->mu held. */
static int wait_for(struct browser *b, int (*match)(json_t *msg, const void *want),
                    const void *want, const char *session, json_t **found, const char *pdf,
                    struct sio_error *err)
{
    long deadline = now_ms() + 1000L * b->timeout_s;
    for (;;) {
        if ((*found = take(b, match, want, session)) != NULL)
            return SIO_OK;
        if (b->broken.status)
            return still_broken(b, err);
        if (atomic_load(&b->cancel))
            return broken(b, pdf, "was stopped: the run failed", err);
        if (now_ms() >= deadline) {
            char why[96];
            snprintf(why, sizeof why, "did not answer within %d s ([statement] print_timeout)",
                     b->timeout_s);
            return broken(b, pdf, why, err);
        }
        if (b->reading)
            nap(b, deadline);
        else {
            int rc = read_some(b, deadline, pdf, err);
            if (rc)
                return rc;
        }
    }
}

/* The answer to command id sent in session (NULL: the browser's). */
struct answer_wanted {
    long id;
    const char *session;
};

static int is_answer(json_t *msg, const void *want)
{
    const struct answer_wanted *w = want;
    json_t *id = json_object_get(msg, "id");
    const char *sid = json_string_value(json_object_get(msg, "sessionId"));
    return json_is_integer(id) && json_integer_value(id) == w->id &&
           (!sid || (w->session && !strcmp(sid, w->session)));
}

/* The answer to command id sent in session (the caller json_decref()s
 * *reply); an error answer fails. */
static int answer(struct browser *b, const char *session, long id, json_t **reply,
                  const char *pdf, struct sio_error *err)
{
    struct answer_wanted want = { id, session };
    json_t *msg;
    int rc = wait_for(b, is_answer, &want, session, &msg, pdf, err);
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
        rc = answer(b, session, id, &msg, pdf, err);
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
    int rc = wait_for(b, is_load, &want, session, &msg, pdf, err);
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

/* A tab of the run, opened when first needed and kept for later pages (a
 * tab a page cost a new renderer process each: 0.3 s of CPU a page). */
static int open_tab(struct browser *b, struct browser_tab *t, const char *pdf,
                    struct sio_error *err)
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
    if (!rc && (snprintf(t->session, sizeof t->session, "%s", session) >= (int)sizeof t->session ||
                snprintf(t->target, sizeof t->target, "%s", target) >= (int)sizeof t->target))
        rc = sio_fail(err, SIO_ESOFTWARE, pdf, 0, "chromium's tab or session id is too long");
    if (!rc)
        rc = call(b, t->session, "Page.enable", NULL, NULL, pdf, err);
    if (!rc)
        rc = call(b, t->session, "Page.setLifecycleEventsEnabled",
                  json_pack("{s:b}", "enabled", 1), NULL, pdf, err);
    if (rc)
        t->session[0] = '\0';
    t->pages = 0;
    json_decref(attached);
    json_decref(tab);
    return rc;
}

/* Close tab t, so that the next page gets a fresh renderer: Chromium's
 * renderer keeps memory from every page it prints (about 100 MB a
 * statement with its charts, 3 to 5 GB after 43 in one tab).  A close that
 * fails leaves the tab to Chromium's exit; if Chromium broke, the next
 * print says so. */
static void close_tab(struct browser *b, struct browser_tab *t, const char *pdf)
{
    struct sio_error ignored;
    (void)call(b, NULL, "Target.closeTarget", json_pack("{s:s}", "targetId", t->target), NULL,
               pdf, &ignored);
    t->session[0] = t->target[0] = '\0';
    t->pages = 0;
}

/* One page in tab t: load, print. */
static int print_page(struct browser *b, struct browser_tab *t, const char *url, const char *pdf,
                      struct sio_error *err)
{
    json_t *nav = NULL, *printed = NULL;
    const char *frame = NULL, *failed;
    int rc = t->session[0] ? SIO_OK : open_tab(b, t, pdf, err);
    if (!rc)
        rc = call(b, t->session, "Page.navigate", json_pack("{s:s}", "url", url), &nav, pdf, err);
    if (!rc && (failed = result_string(nav, "errorText")) != NULL)
        rc = sio_fail(err, SIO_ESOFTWARE, pdf, 0, "chromium could not open the print copy: %s",
                      failed);
    else if (!rc && !(frame = result_string(nav, "frameId")))
        rc = sio_fail(err, SIO_ESOFTWARE, pdf, 0, "chromium navigated no frame");
    if (!rc)
        rc = wait_load(b, t->session, frame, result_string(nav, "loaderId"), pdf, err);
    if (!rc)
        rc = call(b, t->session, "Page.printToPDF", print_settings(), &printed, pdf, err);
    if (!rc)
        rc = write_pdf(printed, pdf, err);
    json_decref(printed);
    json_decref(nav);
    return rc;
}

/* Whether Chromium can take a page: not broken or cancelled, started. */
static int ready(struct browser *b, const char *pdf, struct sio_error *err)
{
    int rc = SIO_OK;
    if (b->broken.status)
        rc = still_broken(b, err);
    else if (atomic_load(&b->cancel))
        rc = sio_fail(err, SIO_ESOFTWARE, pdf, 0, "chromium was stopped: the run failed");
    else if (!b->started && (rc = start(b, pdf, err)) != SIO_OK)
        b->broken = *err;
    return rc;
}

/* A free tab, an open one first (its renderer is running), else one not
 * yet opened, else the first to be freed. */
static int take_tab(struct browser *b, struct browser_tab **tab, const char *pdf,
                    struct sio_error *err)
{
    int rc;
    while ((rc = ready(b, pdf, err)) == SIO_OK) {
        struct browser_tab *unopened = NULL;
        for (int i = 0; i < b->tabs; i++) {
            struct browser_tab *t = &b->tab[i];
            if (!t->busy && t->session[0]) {
                *tab = t;
                return SIO_OK;
            }
            if (!t->busy && !unopened)
                unopened = t;
        }
        if ((*tab = unopened) != NULL)
            return SIO_OK;
        nap(b, now_ms() + 100);
    }
    return rc;
}

int browser_print(struct browser *b, const char *url, const char *pdf, struct sio_error *err)
{
    struct browser_tab *t = NULL;
    pthread_mutex_lock(&b->mu);
    int rc = take_tab(b, &t, pdf, err);
    if (!rc) {
        t->busy = 1;
        rc = print_page(b, t, url, pdf, err);
        if (!rc && ++t->pages >= b->tab_pages)
            close_tab(b, t, pdf);
        t->busy = 0;
        pthread_cond_broadcast(&b->cv);
    }
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
            answer(b, NULL, id, &reply, NULL, &ignored);
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
    json_decref(b->inbox);
    pthread_mutex_unlock(&b->mu);
    pthread_mutex_destroy(&b->mu);
    pthread_cond_destroy(&b->cv);
    return rc;
}
