/* Reference: decode %XX into a byte buffer, then one pass over the
 * segments with a stack of output lengths. O(length) per line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int hexv(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static unsigned char *dec, *out;
static size_t *stk;
static char *obuf;

/* returns 0 ok (result in obuf), 400 or 403 */
static int normalize(const char *in, size_t n) {
    if (n == 0 || in[0] != '/') return 400;
    size_t d = 0;
    for (size_t i = 0; i < n; i++) {
        if (in[i] != '%') { dec[d++] = (unsigned char)in[i]; continue; }
        if (i + 2 >= n) return 400;
        int h = hexv(in[i + 1]), l = h < 0 ? -1 : hexv(in[i + 2]);
        if (h < 0 || l < 0) return 400;
        if (h == 0 && l == 0) return 400;
        dec[d++] = (unsigned char)(h * 16 + l);
        i += 2;
    }
    size_t olen = 0, depth = 0;
    size_t i = 0;
    while (i < d) {
        while (i < d && dec[i] == '/') i++;
        size_t s = i;
        while (i < d && dec[i] != '/') i++;
        size_t len = i - s;
        if (len == 0 || (len == 1 && dec[s] == '.')) continue;
        if (len == 2 && dec[s] == '.' && dec[s + 1] == '.') {
            if (depth == 0) return 403;
            olen = stk[--depth];
            continue;
        }
        stk[depth++] = olen;
        out[olen++] = '/';
        memcpy(out + olen, dec + s, len);
        olen += len;
    }
    size_t o = 0;
    static const char HX[] = "0123456789ABCDEF";
    if (olen == 0) obuf[o++] = '/';
    for (size_t k = 0; k < olen; k++) {
        unsigned char c = out[k];
        if (c > 0x20 && c < 0x7f && c != '%') obuf[o++] = (char)c;
        else { obuf[o++] = '%'; obuf[o++] = HX[c >> 4]; obuf[o++] = HX[c & 15]; }
    }
    obuf[o] = 0;
    return 0;
}

int main(void) {
    size_t cap = 1 << 16;
    char *line = NULL;
    size_t lcap = 0;
    ssize_t n;
    dec = malloc(cap); out = malloc(cap); stk = malloc(cap * sizeof *stk); obuf = malloc(3 * cap + 2);
    while ((n = getline(&line, &lcap, stdin)) >= 0) {
        if (n > 0 && line[n - 1] == '\n') line[--n] = 0;
        if ((size_t)n + 2 > cap) {
            while ((size_t)n + 2 > cap) cap *= 2;
            dec = realloc(dec, cap); out = realloc(out, cap);
            stk = realloc(stk, cap * sizeof *stk); obuf = realloc(obuf, 3 * cap + 2);
        }
        int r = normalize(line, (size_t)n);
        if (r) printf("%d\n", r);
        else puts(obuf);
    }
    return 0;
}
