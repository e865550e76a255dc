/* csvin: rows, line numbers, raw text and problems, on small files written
 * by each test.  Every expectation is read off the bytes in the test. */
#include "csv/csvin.h"
#include "testing.h"

#include <stdlib.h>
#include <unistd.h>

static char path[64];

static struct csvin *open_text(const char *bytes, size_t len, int fast)
{
    struct sio_error err;
    struct csvin *in;
    snprintf(path, sizeof path, "/tmp/sio-test-csvin-%d.csv", (int)getpid());
    FILE *fp = fopen(path, "wb");
    fwrite(bytes, 1, len, fp);
    fclose(fp);
    if (csvin_open(&in, path, &err) != SIO_OK)
        return NULL;
    csvin_set_fast(in, fast);
    return in;
}

#define OPEN(text) open_text(text, sizeof text - 1, 1)

static int next(struct csvin *in, struct csvin_row *r)
{
    struct sio_error err;
    return csvin_next(in, r, &err);
}

static void done(struct csvin *in)
{
    csvin_close(in);
    unlink(path);
}

TEST(crlf_line_ends_are_not_part_of_fields)
{
    struct csvin *in = OPEN("a,b\r\nc,d\r\n");
    struct csvin_row r;
    CHECK_INT(next(in, &r), 1);
    CHECK_INT(next(in, &r), 1);
    CHECK_INT(r.nfields, 2);
    CHECK_STR(r.field[1], "d");
    CHECK_INT(r.line, 2);
    CHECK_INT(next(in, &r), 0);
    done(in);
}

TEST(bom_is_stripped_from_first_field)
{
    struct csvin *in = OPEN("\xEF\xBB\xBF" "Crime ID,Month\n1,2\n");
    struct csvin_row r;
    CHECK_INT(next(in, &r), 1);
    CHECK_STR(r.field[0], "Crime ID");
    CHECK(csvin_had_bom(in));
    done(in);
}

TEST(quoted_field_keeps_its_comma)
{
    struct csvin *in = OPEN("x,\"On or near Asda, Thurmaston\",y\r\n");
    struct csvin_row r;
    CHECK_INT(next(in, &r), 1);
    CHECK_INT(r.nfields, 3);
    CHECK_STR(r.field[1], "On or near Asda, Thurmaston");
    CHECK(r.problem == NULL);
    done(in);
}

TEST(embedded_newline_keeps_later_line_numbers_right)
{
    struct csvin *in = OPEN("h1,h2\r\n\"two\r\nlines\",x\r\nlast,row\r\n");
    struct csvin_row r;
    next(in, &r);
    CHECK_INT(next(in, &r), 1);
    CHECK_STR(r.field[0], "two\nlines");
    CHECK_INT(r.line, 2);
    CHECK_INT(r.lines, 2);
    CHECK_INT(next(in, &r), 1);
    CHECK_INT(r.line, 4);
    done(in);
}

TEST(spaces_are_kept_as_published)
{
    struct csvin *in = OPEN(" a , b \n");
    struct csvin_row r;
    next(in, &r);
    CHECK_STR(r.field[0], " a ");
    CHECK_STR(r.field[1], " b ");
    done(in);
}

TEST(ragged_row_reports_its_field_count)
{
    struct csvin *in = OPEN("a,b,c\n1,2\n");
    struct csvin_row r;
    next(in, &r);
    next(in, &r);
    CHECK_INT(r.nfields, 2);
    done(in);
}

TEST(unclosed_quote_at_end_of_file_is_a_problem)
{
    struct csvin *in = OPEN("a,b\n1,\"never closed\n");
    struct csvin_row r;
    next(in, &r);
    CHECK_INT(next(in, &r), 1);
    CHECK(r.problem != NULL && strstr(r.problem, "not closed"));
    CHECK_INT(r.line, 2);
    CHECK_INT(next(in, &r), 0);
    done(in);
}

/* The quote on line 2 would swallow lines 3 and 4: only line 2 is rejected. */
TEST(unclosed_quote_costs_one_line_and_the_lines_after_it_are_read_again)
{
    struct csvin *in = OPEN("a,b\n1,\"never closed\n2,3\n4,5\n");
    struct csvin_row r;
    next(in, &r);
    CHECK_INT(next(in, &r), 1);
    CHECK(r.problem != NULL && strstr(r.problem, "not closed"));
    CHECK(r.problem != NULL && strstr(r.problem, "line 2 alone is rejected"));
    CHECK_INT(r.line, 2);
    CHECK_INT((long)r.raw_len, 15);
    CHECK_INT(next(in, &r), 1);
    CHECK(r.problem == NULL);
    CHECK_STR(r.field[0], "2");
    CHECK_INT(r.line, 3);
    CHECK_INT(next(in, &r), 1);
    CHECK_INT(r.line, 4);
    CHECK_INT(next(in, &r), 0);
    done(in);
}

/* Line 2's quote is closed by line 4's opening quote, then "x" follows it. */
TEST(quote_closed_lines_later_costs_one_line)
{
    struct csvin *in = OPEN("a,b\n1,\"open\n2,3\n4,\"x\"\n");
    struct csvin_row r;
    next(in, &r);
    CHECK_INT(next(in, &r), 1);
    CHECK(r.problem != NULL && strstr(r.problem, "malformed quoting"));
    CHECK_INT(r.line, 2);
    CHECK_INT(next(in, &r), 1);
    CHECK(r.problem == NULL);
    CHECK_INT(r.line, 3);
    CHECK_INT(next(in, &r), 1);
    CHECK(r.problem == NULL);
    CHECK_STR(r.field[1], "x");
    CHECK_INT(r.line, 4);
    done(in);
}

TEST(lone_carriage_return_in_line_1_is_a_problem)
{
    struct csvin *in = OPEN("a,b\r1,2\r");
    struct csvin_row r;
    CHECK_INT(next(in, &r), 1);
    CHECK(r.problem != NULL && strstr(r.problem, "carriage return without a line feed at "
                                      "line 1, column 4"));
    done(in);
}

TEST(utf16_and_gzip_files_are_named_in_the_problem)
{
    struct csvin *in = OPEN("\xFF\xFE" "a\0,\0b\0\n");
    struct csvin_row r;
    CHECK_INT(next(in, &r), 1);
    CHECK(r.problem != NULL && strstr(r.problem, "not CSV text: UTF-16"));
    done(in);
    in = OPEN("\x1F\x8B\x08\x00");
    CHECK_INT(next(in, &r), 1);
    CHECK(r.problem != NULL && strstr(r.problem, "not CSV text: gzip-compressed"));
    done(in);
}

TEST(too_many_fields_says_how_many)
{
    char text[2 * 70 + 2];
    for (int i = 0; i < 70; i++)
        memcpy(text + 2 * i, "x,", 2);
    memcpy(text + 139, "\n", 2);
    struct csvin *in = open_text(text, 140, 1);
    struct csvin_row r;
    CHECK_INT(next(in, &r), 1);
    CHECK_INT(r.nfields, 70);
    CHECK_STR(r.problem, "70 fields, more than the 64 a row may have");
    done(in);
}

TEST(stray_quote_is_a_problem_and_reading_goes_on)
{
    struct csvin *in = OPEN("a,b\n1,\"x\"y\n2,3\n");
    struct csvin_row r;
    next(in, &r);
    CHECK_INT(next(in, &r), 1);
    CHECK(r.problem != NULL && strstr(r.problem, "quoting"));
    CHECK_INT(next(in, &r), 1);
    CHECK(r.problem == NULL);
    CHECK_STR(r.field[0], "2");
    CHECK_INT(r.line, 3);
    done(in);
}

TEST(invalid_utf8_is_a_problem_with_line_and_column)
{
    struct csvin *in = OPEN("a,b\nok,caf\xE9\n");
    struct csvin_row r;
    next(in, &r);
    next(in, &r);
    CHECK_STR(r.problem, "invalid UTF-8 at line 2, column 7");
    done(in);
}

TEST(nul_byte_is_a_problem)
{
    struct csvin *in = open_text("a,b\nx\0y,z\n", 10, 1);
    struct csvin_row r;
    next(in, &r);
    next(in, &r);
    CHECK_STR(r.problem, "NUL byte at line 2, column 2");
    done(in);
}

TEST(blank_line_is_a_row_with_a_problem)
{
    struct csvin *in = OPEN("a,b\n\r\n1,2\n");
    struct csvin_row r;
    next(in, &r);
    CHECK_INT(next(in, &r), 1);
    CHECK_STR(r.problem, "blank line");
    CHECK_INT(r.line, 2);
    done(in);
}

TEST(final_line_without_newline_is_read)
{
    struct csvin *in = OPEN("a,b\n1,2");
    struct csvin_row r;
    next(in, &r);
    CHECK_INT(next(in, &r), 1);
    CHECK_STR(r.field[1], "2");
    CHECK_INT(next(in, &r), 0);
    done(in);
}

TEST(raw_text_is_the_row_without_its_line_end)
{
    struct csvin *in = OPEN("a,\"b,c\"\r\n");
    struct csvin_row r;
    next(in, &r);
    CHECK_INT((long)r.raw_len, 7);
    CHECK(memcmp(r.raw, "a,\"b,c\"", 7) == 0);
    done(in);
}

TEST(overlong_row_is_a_problem_and_the_next_row_is_read)
{
    size_t big = CSVIN_MAX_ROW + 100;
    char *text = malloc(big + 16);
    memset(text, 'x', big);
    memcpy(text + big, "\n1,2\n", 5);
    struct csvin *in = open_text(text, big + 5, 1);
    struct csvin_row r;
    CHECK_INT(next(in, &r), 1);
    CHECK(r.problem != NULL && strstr(r.problem, "longer than"));
    CHECK_INT(r.lines, 1);
    CHECK_INT(next(in, &r), 1);
    CHECK_STR(r.field[1], "2");
    CHECK_INT(r.line, 2);
    done(in);
    free(text);
}

/* The fast path must give libcsv's rows exactly. */
TEST(fast_path_and_libcsv_give_identical_rows)
{
    static const char text[] =
        "Crime ID,Month,Location\r\nabc,2022-01,On or near X\r\n,2022-01,\"A, B\"\r\n"
        "d,2022-01,\r\n,,\r\n e , f ,g\r\n";
    struct csvin *fast = open_text(text, sizeof text - 1, 1);
    struct csvin *slow = open_text(text, sizeof text - 1, 0);
    struct csvin_row a, b;
    int ra, rb, rows = 0;
    while ((ra = next(fast, &a)) == 1 && (rb = next(slow, &b)) == 1) {
        rows++;
        CHECK_INT(a.nfields, b.nfields);
        CHECK_INT(a.line, b.line);
        for (int i = 0; i < a.nfields && i < b.nfields; i++)
            CHECK_STR(a.field[i], b.field[i]);
    }
    CHECK_INT(rows, 6);
    csvin_close(fast);
    done(slow);
}

/* Compare every part of two rows. */
static void check_same_row(const struct csvin_row *a, const struct csvin_row *b)
{
    CHECK_INT(a->line, b->line);
    CHECK_INT(a->lines, b->lines);
    CHECK_INT(a->nfields, b->nfields);
    for (int i = 0; i < a->nfields && i < b->nfields && i < CSVIN_MAX_FIELDS; i++)
        CHECK(a->len[i] == b->len[i] && memcmp(a->field[i], b->field[i], a->len[i]) == 0);
    CHECK(a->raw_len == b->raw_len && memcmp(a->raw, b->raw, a->raw_len) == 0);
    CHECK((a->problem == NULL) == (b->problem == NULL));
    if (a->problem && b->problem)
        CHECK_STR(a->problem, b->problem);
}

/* The reader thread hands rows over in 256 KiB batches: 6,000 short rows
 * cross several batches, a 300 KB row needs a batch of its own, and the
 * problems (stray quote, bad UTF-8, blank line, a 1.2 MB row) travel as text. */
TEST(reader_thread_gives_the_same_rows_as_reading_inline)
{
    size_t cap = 4 << 20, n = 0;
    char *text = malloc(cap);
    n += (size_t)sprintf(text + n, "\xEF\xBB\xBF" "Crime ID,Month,Location\r\n");
    for (int i = 0; i < 6000; i++)
        n += (size_t)sprintf(text + n, i % 97 == 0 ? "id%d,2022-01,\"On or near A,\r\nB\"\r\n"
                                       : i % 89 == 0 ? "id%d,20\"22,x\r\n"
                                       : i % 83 == 0 ? "id%d,2022-01,\xC3\x28\r\n"
                                       : i % 79 == 0 ? "id%d\r\n\r\n" : "id%d,2022-01,On or near X\r\n", i);
    for (int k = 0; k < 2; k++) {
        size_t len = k ? 1200000 : 300000;
        memcpy(text + n, "big,2022-01,", 12);
        memset(text + n + 12, 'x', len);
        n += 12 + len;
        n += (size_t)sprintf(text + n, "\r\nlast,2022-02,y\r\n");
    }
    struct csvin *threaded = open_text(text, n, 1), *inline_ = open_text(text, n, 1);
    csvin_set_threaded(inline_, 0);
    struct csvin_row a, b;
    int ra, rb, rows = 0;
    while ((ra = next(threaded, &a)) == 1 && (rb = next(inline_, &b)) == 1) {
        rows++;
        check_same_row(&a, &b);
        CHECK(csvin_offset(threaded) == csvin_offset(inline_));
    }
    CHECK_INT(ra, 0);
    CHECK_INT(next(inline_, &b), 0);
    CHECK(rows > 6000);
    CHECK_INT(csvin_had_bom(threaded), 1);
    CHECK(csvin_offset(threaded) == (long long)n);
    csvin_close(threaded);
    done(inline_);
    free(text);
}

TEST(closing_before_the_end_stops_the_reader_thread)
{
    size_t n = 0;
    char *text = malloc(2 << 20);
    for (int i = 0; i < 40000; i++)
        n += (size_t)sprintf(text + n, "id%d,2022-01,On or near X\n", i);
    struct csvin *in = open_text(text, n, 1);
    struct csvin_row r;
    CHECK_INT(next(in, &r), 1);
    CHECK_STR(r.field[0], "id0");
    done(in);  /* must return: the thread is blocked on a full ring */
    free(text);
}

/* A prep hook that records, for each row, its line and the length of its
 * first field: what the hook saw must come back with that same row. */
struct seen {
    long long line;
    size_t first_len;
    char tag[8];
};

static struct csvin *ctx_in;   /* the csvin on_header() sets the prep hook of */
static int prep_calls;          /* note_row()'s calls, when started early */

static size_t note_row(void *ctx, const struct csvin_row *r, void *out)
{
    struct seen s = { .line = r->line, .first_len = r->len[0] };
    int *calls = ctx;
    (*calls)++;
    snprintf(s.tag, sizeof s.tag, "%.7s", r->field[0]);
    memcpy(out, &s, sizeof s);
    return sizeof s;
}

/* Read in to its end: how many rows, and how many brought note_row()'s
 * bytes for that very row. */
static int rows_with_their_prep(struct csvin *in, int *matched)
{
    struct csvin_row r;
    int rows = 0;
    *matched = 0;
    while (next(in, &r) == 1) {
        struct seen s;
        rows++;
        if (r.prep_len != sizeof s)
            continue;
        memcpy(&s, r.prep, sizeof s);
        *matched += s.line == r.line && s.first_len == r.len[0] &&
                    strncmp(s.tag, r.field[0], strlen(s.tag)) == 0;
    }
    return rows;
}

/* The hook is set after the header, as sio-ingest does: the header row has
 * no prep bytes and every later row has its own, whether the rows were
 * parsed on the reader thread or inline. */
static void check_prep_travels_with_its_row(int threaded)
{
    size_t cap = 1 << 20, n = 0;
    char *text = malloc(cap);
    n += (size_t)sprintf(text + n, "Crime ID,Month\n");
    for (int i = 0; i < 20000; i++)
        n += (size_t)sprintf(text + n, i % 101 == 0 ? "\"q%d\nx\",2022-01\n" : "id%d,2022-01\n", i);
    struct csvin *in = open_text(text, n, 1);
    csvin_set_threaded(in, threaded);
    struct csvin_row r;
    int calls = 0, matched;
    CHECK_INT(next(in, &r), 1);
    CHECK(r.prep == NULL && r.prep_len == 0);
    csvin_set_prep(in, note_row, &calls);
    CHECK_INT(rows_with_their_prep(in, &matched), 20000);
    CHECK_INT(matched, 20000);
    CHECK_INT(calls, 20000);
    done(in);
    free(text);
}

TEST(prep_hook_bytes_travel_with_their_row_on_the_reader_thread)
{
    check_prep_travels_with_its_row(1);
}

TEST(prep_hook_bytes_travel_with_their_row_when_read_inline)
{
    check_prep_travels_with_its_row(0);
}

/* A file of a header and rows id0..id<rows-1>, one a line; *text is its
 * bytes, for the caller to free. */
static struct csvin *open_ids(int rows, char **text)
{
    size_t n = 0;
    *text = malloc((size_t)rows * 24 + 64);
    n += (size_t)sprintf(*text + n, "Crime ID,Month\n");
    for (int i = 0; i < rows; i++)
        n += (size_t)sprintf(*text + n, "id%d,2022-01\n", i);
    return open_text(*text, n, 1);
}

/* After csvin_halt() the hook's context may be freed: no call may follow,
 * even though the reader had rows left. */
TEST(halt_stops_the_reader_and_the_hook_before_the_end)
{
    char *text;
    struct csvin *in = open_ids(100000, &text);
    struct csvin_row r;
    int calls = 0;
    CHECK_INT(next(in, &r), 1);
    csvin_set_prep(in, note_row, &calls);
    CHECK_INT(next(in, &r), 1);
    csvin_halt(in);
    int after = calls;
    CHECK(after >= 1 && after < 100000);
    usleep(20000);
    CHECK_INT(calls, after);
    done(in);
    free(text);
}

/* csvin_start(): the reader thread parses the header itself and hands it
 * to the hook, which sets the prep hook for the rows after it; csvin_next()
 * then gives the header without prep bytes and every row with its own. */
struct header_seen {
    char first[32];
    int calls;
};

static void on_header(void *ctx, const struct csvin_row *header)
{
    struct header_seen *h = ctx;
    snprintf(h->first, sizeof h->first, "%s", header->field[0]);
    h->calls++;
    csvin_set_prep(ctx_in, note_row, &prep_calls);
}

TEST(a_reader_started_early_hands_the_header_to_its_hook_then_preps_every_row)
{
    char *text;
    struct csvin *in = open_ids(20000, &text);
    struct header_seen h = { "", 0 };
    struct sio_error err;
    struct csvin_row r;
    int matched;
    ctx_in = in;
    prep_calls = 0;
    CHECK_INT(csvin_start(in, on_header, &h, &err), SIO_OK);
    CHECK_INT(csvin_reading(in), 1);
    CHECK_INT(next(in, &r), 1);
    CHECK_STR(r.field[0], "Crime ID");
    CHECK(r.prep == NULL);
    CHECK_INT(rows_with_their_prep(in, &matched), 20000);
    CHECK_INT(matched, 20000);
    CHECK_INT(h.calls, 1);
    CHECK_STR(h.first, "Crime ID");
    CHECK_INT(prep_calls, 20000);
    done(in);
    free(text);
}

/* The finish hook: every row's prep bytes, in row order and in the place
 * csvin_next() will hand them over from (a change made there is what the
 * caller sees), then a NULL before the caller gets any of them. */
struct finish_seen {
    long last_line;     /* the line of the last row finished */
    int in_order;       /* rows finished after the one before them */
    int ends;           /* NULLs */
};

static struct finish_seen finished;

static void mark_finished(void *ctx, void *prep, size_t len)
{
    (void)ctx;
    if (!prep) {
        finished.ends++;
        return;
    }
    struct seen *s = prep;
    if (len == sizeof *s) {
        finished.in_order += s->line > finished.last_line;
        finished.last_line = s->line;
        s->tag[0] = '!';   /* what the caller must see */
    }
}

static void check_finish_runs_before_each_row_arrives(int threaded)
{
    char *text;
    struct csvin *in = open_ids(20000, &text);
    struct csvin_row r;
    int calls = 0, rows = 0, marked = 0;
    csvin_set_threaded(in, threaded);
    memset(&finished, 0, sizeof finished);
    CHECK_INT(next(in, &r), 1);
    csvin_set_prep(in, note_row, &calls);
    csvin_set_prep_finish(in, mark_finished);
    while (next(in, &r) == 1) {
        struct seen s;
        rows++;
        memcpy(&s, r.prep, sizeof s);
        marked += s.tag[0] == '!' && s.line == r.line;
    }
    CHECK_INT(rows, 20000);
    CHECK_INT(marked, 20000);
    CHECK_INT(finished.in_order, 20000);
    CHECK(finished.ends > 0);
    done(in);
    free(text);
}

TEST(the_finish_hook_sees_each_rows_prep_in_order_before_it_arrives_threaded)
{
    check_finish_runs_before_each_row_arrives(1);
}

TEST(the_finish_hook_sees_each_rows_prep_in_order_before_it_arrives_inline)
{
    check_finish_runs_before_each_row_arrives(0);
}

TEST(utf8_validator_accepts_multibyte_and_rejects_overlong)
{
    size_t bad;
    CHECK(csvin_utf8_ok((const unsigned char *)"Ynys M\xC3\xB4n \xE2\x80\x94 \xF0\x9F\x98\x80", 14, &bad));
    CHECK(!csvin_utf8_ok((const unsigned char *)"\xC0\xAF", 2, &bad));
    CHECK(!csvin_utf8_ok((const unsigned char *)"\xED\xA0\x80", 3, &bad));
}

int main(void)
{
    RUN(crlf_line_ends_are_not_part_of_fields);
    RUN(bom_is_stripped_from_first_field);
    RUN(quoted_field_keeps_its_comma);
    RUN(embedded_newline_keeps_later_line_numbers_right);
    RUN(spaces_are_kept_as_published);
    RUN(ragged_row_reports_its_field_count);
    RUN(unclosed_quote_at_end_of_file_is_a_problem);
    RUN(unclosed_quote_costs_one_line_and_the_lines_after_it_are_read_again);
    RUN(quote_closed_lines_later_costs_one_line);
    RUN(lone_carriage_return_in_line_1_is_a_problem);
    RUN(utf16_and_gzip_files_are_named_in_the_problem);
    RUN(too_many_fields_says_how_many);
    RUN(stray_quote_is_a_problem_and_reading_goes_on);
    RUN(invalid_utf8_is_a_problem_with_line_and_column);
    RUN(nul_byte_is_a_problem);
    RUN(blank_line_is_a_row_with_a_problem);
    RUN(final_line_without_newline_is_read);
    RUN(raw_text_is_the_row_without_its_line_end);
    RUN(overlong_row_is_a_problem_and_the_next_row_is_read);
    RUN(fast_path_and_libcsv_give_identical_rows);
    RUN(utf8_validator_accepts_multibyte_and_rejects_overlong);
    RUN(reader_thread_gives_the_same_rows_as_reading_inline);
    RUN(closing_before_the_end_stops_the_reader_thread);
    RUN(prep_hook_bytes_travel_with_their_row_on_the_reader_thread);
    RUN(prep_hook_bytes_travel_with_their_row_when_read_inline);
    RUN(halt_stops_the_reader_and_the_hook_before_the_end);
    RUN(a_reader_started_early_hands_the_header_to_its_hook_then_preps_every_row);
    RUN(the_finish_hook_sees_each_rows_prep_in_order_before_it_arrives_threaded);
    RUN(the_finish_hook_sees_each_rows_prep_in_order_before_it_arrives_inline);
    return TESTING_DONE();
}
