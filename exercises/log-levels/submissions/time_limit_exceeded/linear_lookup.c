/* TOO SLOW: correct, but every component is looked up by a linear scan of
 * the distinct components seen so far: O(lines * distinct components). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

static const char *LEVELS[6] = {"TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"};

static int two(const char *p, int lo, int hi) {
    if (!isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1])) return 0;
    int v = (p[0] - '0') * 10 + (p[1] - '0');
    return v >= lo && v <= hi;
}

int main(void) {
    static char line[4096];
    long cnt[6] = {0}, bad = 0;
    size_t n = 0, cap = 1024;
    char **comps = malloc(cap * sizeof *comps);
    long *counts = malloc(cap * sizeof *counts);
    while (fgets(line, sizeof line, stdin)) {
        size_t len = strlen(line);
        if (len && line[len - 1] == '\n') line[--len] = 0;
        if (len == 0) continue;
        char *p = line;
        int ok = len > 21;
        for (int i = 0; ok && i < 4; i++) ok = isdigit((unsigned char)p[i]);
        ok = ok && p[4] == '-' && two(p + 5, 1, 12) && p[7] == '-' && two(p + 8, 1, 31) &&
             p[10] == 'T' && two(p + 11, 0, 23) && p[13] == ':' && two(p + 14, 0, 59) &&
             p[16] == ':' && two(p + 17, 0, 59) && p[19] == 'Z' && p[20] == ' ';
        int lvl = -1;
        char *c = NULL;
        if (ok) {
            char *sp = strchr(p + 21, ' ');
            if (sp) {
                *sp = 0;
                for (int k = 0; k < 6; k++) if (strcmp(p + 21, LEVELS[k]) == 0) lvl = k;
                c = sp + 1;
            }
        }
        if (lvl >= 0) {
            size_t cl = strspn(c, "abcdefghijklmnopqrstuvwxyz0123456789_-.");
            if (cl == 0 || cl > 32 || c[cl] != ':' || c[cl + 1] != ' ') lvl = -1;
            else c[cl] = 0;
        }
        if (lvl < 0) { bad++; continue; }
        cnt[lvl]++;
        size_t k = 0;
        while (k < n && strcmp(comps[k], c) != 0) k++;
        if (k == n) {
            if (n == cap) {
                cap *= 2;
                comps = realloc(comps, cap * sizeof *comps);
                counts = realloc(counts, cap * sizeof *counts);
            }
            comps[n] = strdup(c);
            counts[n++] = 0;
        }
        counts[k]++;
    }
    for (int k = 0; k < 6; k++) printf("%s %ld\n", LEVELS[k], cnt[k]);
    printf("malformed %ld\n", bad);
    const char *best = "-";
    long bestc = 0;
    for (size_t i = 0; i < n; i++)
        if (counts[i] > bestc || (counts[i] == bestc && strcmp(comps[i], best) < 0)) {
            bestc = counts[i];
            best = comps[i];
        }
    printf("top %s %ld\n", best, bestc);
    return 0;
}
