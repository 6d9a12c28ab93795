/* TOO SLOW: correct, but normalises by repeatedly searching the string for
 * "//", "/./" and "/x/../" from the start and memmove()ing the rest:
 * O(length^2) per line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int hexv(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* s holds the decoded path (bytes 1..255), NUL-terminated. 0 or 403. */
static int squash(char *s) {
    for (;;) {
        size_t n = strlen(s);
        char *p;
        if ((p = strstr(s, "//"))) { memmove(p, p + 1, strlen(p + 1) + 1); continue; }
        if ((p = strstr(s, "/./"))) { memmove(p, p + 2, strlen(p + 2) + 1); continue; }
        if (n >= 2 && strcmp(s + n - 2, "/.") == 0) { s[n - 1] = 0; continue; }
        p = strstr(s, "/../");
        if (!p && n >= 3 && strcmp(s + n - 3, "/..") == 0) p = s + n - 3;
        if (p) {
            if (p == s) return 403;
            char *q = p - 1;
            while (*q != '/') q--;
            memmove(q + 1, p + 4 <= s + n ? p + 4 : s + n, strlen(p + 4 <= s + n ? p + 4 : s + n) + 1);
            continue;
        }
        return 0;
    }
}

int main(void) {
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, stdin)) >= 0) {
        if (n > 0 && line[n - 1] == '\n') line[--n] = 0;
        if (n == 0 || line[0] != '/') { puts("400"); continue; }
        char *d = malloc(n + 2);
        size_t dl = 0;
        int err = 0;
        for (ssize_t i = 0; i < n; i++) {
            if (line[i] != '%') { d[dl++] = line[i]; continue; }
            int h = i + 2 < n ? hexv(line[i + 1]) : -1, l = h < 0 ? -1 : hexv(line[i + 2]);
            if (h < 0 || l < 0 || (h == 0 && l == 0)) { err = 400; break; }
            d[dl++] = (char)(h * 16 + l);
            i += 2;
        }
        d[dl] = 0;
        if (!err) err = squash(d);
        if (err) { printf("%d\n", err); free(d); continue; }
        size_t len = strlen(d);
        if (len > 1 && d[len - 1] == '/') d[--len] = 0;
        for (size_t i = 0; i < len; i++) {
            unsigned char c = (unsigned char)d[i];
            if (c > 0x20 && c < 0x7f && c != '%') putchar(c);
            else printf("%%%02X", c);
        }
        putchar('\n');
        free(d);
    }
    return 0;
}
