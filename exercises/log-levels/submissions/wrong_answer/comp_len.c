/* WRONG: off-by-one in the component length check: 33 characters are
 * accepted. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *LEVELS[6] = {"TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"};

typedef struct { const char *s; size_t len; long count; } slot;
static slot *tab;
static size_t cap;

static unsigned long hash(const char *s, size_t n) {
    unsigned long h = 1469598103934665603UL;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211UL;
    return h;
}

static void add(const char *s, size_t n) {
    size_t i = hash(s, n) & (cap - 1);
    while (tab[i].s && !(tab[i].len == n && memcmp(tab[i].s, s, n) == 0))
        i = (i + 1) & (cap - 1);
    if (!tab[i].s) { tab[i].s = s; tab[i].len = n; }
    tab[i].count++;
}

static int num(const char *p, int n, int lo, int hi) {
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (p[i] < '0' || p[i] > '9') return 0;
        v = v * 10 + (p[i] - '0');
    }
    return v >= lo && v <= hi;
}

static int compchar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
}

/* returns level index, or -1 if malformed; sets comp and clen */
static int parse(const char *p, size_t n, const char **comp, size_t *clen) {
    if (n < 21) return -1;
    if (!num(p, 4, 0, 9999) || p[4] != '-' || !num(p + 5, 2, 1, 12) || p[7] != '-' ||
        !num(p + 8, 2, 1, 31) || p[10] != 'T' || !num(p + 11, 2, 0, 23) || p[13] != ':' ||
        !num(p + 14, 2, 0, 59) || p[16] != ':' || !num(p + 17, 2, 0, 59) || p[19] != 'Z' ||
        p[20] != ' ')
        return -1;
    size_t i = 21, ls = i;
    while (i < n && p[i] != ' ') i++;
    if (i >= n) return -1;
    int lvl = -1;
    for (int k = 0; k < 6; k++)
        if (strlen(LEVELS[k]) == i - ls && memcmp(LEVELS[k], p + ls, i - ls) == 0) lvl = k;
    if (lvl < 0) return -1;
    i++;
    size_t cs = i;
    while (i < n && compchar(p[i])) i++;
    if (i >= n || p[i] != ':' || i == cs || i - cs > 33) return -1;
    if (i + 1 >= n || p[i + 1] != ' ') return -1;
    *comp = p + cs;
    *clen = i - cs;
    return lvl;
}

int main(void) {
    size_t sz = 0, cp = 1 << 20;
    char *buf = malloc(cp);
    size_t r;
    while ((r = fread(buf + sz, 1, cp - sz, stdin)) > 0) {
        sz += r;
        if (sz == cp) buf = realloc(buf, cp *= 2);
    }
    size_t lines = 1;
    for (size_t i = 0; i < sz; i++) lines += buf[i] == '\n';
    cap = 16;
    while (cap < 2 * lines) cap <<= 1;
    tab = calloc(cap, sizeof *tab);

    long cnt[6] = {0}, bad = 0;
    size_t pos = 0;
    while (pos < sz) {
        char *nl = memchr(buf + pos, '\n', sz - pos);
        size_t end = nl ? (size_t)(nl - buf) : sz;
        size_t n = end - pos;
        if (n > 0) {
            const char *c; size_t cl;
            int lvl = parse(buf + pos, n, &c, &cl);
            if (lvl < 0) bad++;
            else { cnt[lvl]++; add(c, cl); }
        }
        pos = end + 1;
    }
    for (int k = 0; k < 6; k++) printf("%s %ld\n", LEVELS[k], cnt[k]);
    printf("malformed %ld\n", bad);
    slot *best = NULL;
    for (size_t i = 0; i < cap; i++) {
        slot *s = &tab[i];
        if (!s->s) continue;
        if (!best || s->count > best->count) { best = s; continue; }
        if (s->count == best->count) {
            size_t m = s->len < best->len ? s->len : best->len;
            int c = memcmp(s->s, best->s, m);
            if (c < 0 || (c == 0 && s->len < best->len)) best = s;
        }
    }
    if (best) printf("top %.*s %ld\n", (int)best->len, best->s, best->count);
    else printf("top - 0\n");
    return 0;
}
