/* Alternative: decode and normalise in one pass over the input, writing the
 * result directly; ".." truncates the output back to the previous '/'
 * (each output byte is removed at most once, so still linear). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

static int hx(char c) { return isdigit((unsigned char)c) ? c - '0' : isxdigit((unsigned char)c) ? (tolower((unsigned char)c) - 'a' + 10) : -1; }

int main(void) {
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    unsigned char *out = NULL, *seg = NULL;
    size_t ocap = 0;
    while ((n = getline(&line, &cap, stdin)) >= 0) {
        if (n && line[n - 1] == '\n') line[--n] = 0;
        if ((size_t)n + 2 > ocap) { ocap = n + 2; out = realloc(out, ocap); seg = realloc(seg, ocap); }
        if (n == 0 || line[0] != '/') { puts("400"); continue; }
        size_t ol = 0, sl = 0;
        int err = 0, escaped = 0; /* a bad escape anywhere wins over 403 */
        for (ssize_t i = 0; i <= n && !err; i++) {
            int c;
            if (i == n) c = '/';
            else if (line[i] == '%') {
                int h = i + 2 < n ? hx(line[i + 1]) : -1, l = h >= 0 ? hx(line[i + 2]) : -1;
                if (h < 0 || l < 0 || h * 16 + l == 0) { err = 400; break; }
                c = h * 16 + l;
                i += 2;
            } else c = (unsigned char)line[i];
            if (c != '/') { seg[sl++] = (unsigned char)c; continue; }
            /* end of a segment */
            if (sl == 2 && seg[0] == '.' && seg[1] == '.') {
                if (ol == 0) escaped = 1;
                else { while (out[--ol] != '/') {} }
            } else if (sl > 0 && !(sl == 1 && seg[0] == '.')) {
                out[ol++] = '/';
                memcpy(out + ol, seg, sl);
                ol += sl;
            }
            sl = 0;
        }
        if (!err && escaped) err = 403;
        if (err) { printf("%d\n", err); continue; }
        if (ol == 0) { puts("/"); continue; }
        for (size_t k = 0; k < ol; k++) {
            if (out[k] > ' ' && out[k] < 0x7f && out[k] != '%') putchar(out[k]);
            else printf("%%%02X", out[k]);
        }
        putchar('\n');
    }
    return 0;
}
