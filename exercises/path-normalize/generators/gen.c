/* Deterministic request-path generator for path-normalize.
 * usage: gen SEED LINES MINSEGS MAXSEGS ESCAPE_PERMILLE BAD_PERCENT
 *   each line has a random number of segments in [MINSEGS, MAXSEGS]: names
 *   (sometimes percent-encoded, "...", "..x"), ".", "..", empty segments and
 *   encoded forms of them; ".." is emitted at depth 0 with probability
 *   ESCAPE_PERMILLE/1000 (a 403), and BAD_PERCENT% of lines get a syntax
 *   error (no leading '/', broken or %00 escapes). */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

static uint64_t st;
static uint64_t rnd(void) {
    uint64_t z = (st += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}
static uint64_t R(uint64_t n) { return n ? rnd() % n : 0; }

static char *buf;
static size_t len;
static void put(const char *s) { size_t n = strlen(s); memcpy(buf + len, s, n); len += n; }
static void putc_(char c) { buf[len++] = c; }
static const char *DOT[] = {".", "%2e", "%2E"};
static const char *DOTDOT[] = {"..", "..", "..", "%2e%2e", "%2E.", ".%2e", "%2e%2E"};
static const char NAMECH[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-~!$&'()*+,;=:@";

static void name(void) {
    int k = R(20);
    if (k == 0) { put("..."); return; }
    if (k == 1) { put(R(2) ? "..bak" : "a.."); return; }
    int n = 1 + (int)R(8);
    for (int i = 0; i < n; i++) {
        if (R(12) == 0) {
            int b = 1 + (int)R(255);
            if (R(4) == 0) b = "/.% A"[R(5)];
            char tmp[4];
            snprintf(tmp, sizeof tmp, R(2) ? "%%%02X" : "%%%02x", b);
            put(tmp);
        } else {
            char c = NAMECH[R(sizeof NAMECH - 1)];
            putc_(c);
        }
    }
    /* a name of only dots would change meaning: make sure it is not "." or ".." */
}

int main(int argc, char **argv) {
    if (argc != 7) { fprintf(stderr, "usage: gen SEED LINES MINSEGS MAXSEGS ESCAPE_PERMILLE BAD_PERCENT\n"); return 2; }
    st = strtoull(argv[1], 0, 10) * 0x2545F4914F6CDD1DULL + 9;
    long lines = atol(argv[2]), mins = atol(argv[3]), maxs = atol(argv[4]), esc = atol(argv[5]), bad = atol(argv[6]);
    buf = malloc((size_t)maxs * 64 + 1024);
    for (long ln = 0; ln < lines; ln++) {
        len = 0;
        long segs = mins + (long)R(maxs - mins + 1), depth = 0;
        for (long s = 0; s < segs; s++) {
            putc_('/');
            if (R(25) == 0) putc_('/');
            int k = R(100);
            if (k < 8) put(DOT[R(3)]);
            else if (k < 30) {
                if (depth > 0 || (long)R(1000) < esc) { put(DOTDOT[R(7)]); depth--; }
                else { name(); depth++; }
            } else if (k < 33) { put(R(2) ? "%2f" : "%2F"); }
            else { name(); depth++; }
            /* an encoded name could decode to "." or "..": keep depth a hint only */
            if (depth < 0) depth = 0;
        }
        if (segs == 0 || R(8) == 0) putc_('/');
        if ((long)R(100) < bad) {
            int k = R(5);
            size_t at = R(len + 1);
            const char *ins = k == 0 ? "%" : k == 1 ? "%4" : k == 2 ? "%g1" : k == 3 ? "%00" : NULL;
            if (!ins) { memmove(buf, buf + 1, --len); if (len == 0 || buf[0] == '/') { buf[0] = 'x'; if (!len) len = 1; } }
            else if (k == 0 || k == 1) { len = at; put(ins); } /* truncated escape at the end */
            else { memmove(buf + at + strlen(ins), buf + at, len - at); memcpy(buf + at, ins, strlen(ins)); len += strlen(ins); }
        }
        fwrite(buf, 1, len, stdout);
        putchar('\n');
    }
    return 0;
}
