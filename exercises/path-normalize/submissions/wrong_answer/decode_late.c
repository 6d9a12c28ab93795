/* WRONG: normalises the still-encoded path and percent-decodes only the
 * result, so "%2e%2e" and "%2f" sneak past the ".." handling: the classic
 * directory traversal bug. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int hexv(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

int main(void) {
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, stdin)) >= 0) {
        if (n > 0 && line[n - 1] == '\n') line[--n] = 0;
        if (n == 0 || line[0] != '/') { puts("400"); continue; }
        char *norm = malloc(n + 2);
        size_t *stk = malloc((n + 1) * sizeof *stk), depth = 0, olen = 0;
        int err = 0;
        for (char *seg = strtok(line, "/"); seg; seg = strtok(NULL, "/")) {
            if (strcmp(seg, ".") == 0) continue;
            if (strcmp(seg, "..") == 0) {
                if (depth == 0) { err = 403; break; }
                olen = stk[--depth];
                continue;
            }
            stk[depth++] = olen;
            norm[olen++] = '/';
            memcpy(norm + olen, seg, strlen(seg));
            olen += strlen(seg);
        }
        if (olen == 0) norm[olen++] = '/';
        norm[olen] = 0;
        /* decode, then re-encode as required */
        unsigned char *d = malloc(olen + 1);
        size_t dl = 0;
        for (size_t i = 0; !err && i < olen; i++) {
            if (norm[i] != '%') { d[dl++] = (unsigned char)norm[i]; continue; }
            int h = i + 2 < olen + 1 ? hexv(norm[i + 1]) : -1, l = h < 0 ? -1 : hexv(norm[i + 2]);
            if (h < 0 || l < 0 || (h == 0 && l == 0)) { err = 400; break; }
            d[dl++] = (unsigned char)(h * 16 + l);
            i += 2;
        }
        if (err) printf("%d\n", err);
        else {
            for (size_t i = 0; i < dl; i++) {
                if (d[i] > 0x20 && d[i] < 0x7f && d[i] != '%') putchar(d[i]);
                else printf("%%%02X", d[i]);
            }
            putchar('\n');
        }
        free(norm); free(stk); free(d);
    }
    return 0;
}
