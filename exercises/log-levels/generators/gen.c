/* Deterministic test generator for log-levels.
 * usage: gen SEED LINES NCOMP BADPCT MAXCOMPLEN MAXMSG SKEW NONL
 *   SEED        PRNG seed
 *   LINES       number of lines (blank lines included)
 *   NCOMP       size of the component pool
 *   BADPCT      percentage of malformed lines
 *   MAXCOMPLEN  component names have length in [1, MAXCOMPLEN] (<= 32);
 *               a negative value -L means exactly L
 *   MAXMSG      message length in [0, MAXMSG]
 *   SKEW        1: 30% of lines use one of the first 5 components
 *   NONL        1: omit the final newline
 * Output goes to stdout. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

static uint64_t st;
static uint64_t rnd(void) {
    uint64_t z = (st += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}
static long R(long n) { return (long)(rnd() % (uint64_t)n); }

static const char *LEVELS[6] = {"TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"};
static const char *BADLEVELS[] = {"WARNING", "ERRORS", "INFOS", "NOTICE", "CRIT", "error", "Info", "warn", "FATALITY", "DEBUGX"};
static const char CC[] = "abcdefghijklmnopqrstuvwxyz0123456789_-.";

static void randname(char *out, int len) {
    for (int i = 0; i < len; i++) out[i] = CC[R(i == 0 ? 26 : (long)sizeof CC - 1)];
    out[len] = 0;
}

int main(int argc, char **argv) {
    if (argc != 9) { fprintf(stderr, "usage: gen SEED LINES NCOMP BADPCT MAXCOMPLEN MAXMSG SKEW NONL\n"); return 2; }
    st = strtoull(argv[1], 0, 10) * 0x2545F4914F6CDD1DULL + 7;
    long lines = atol(argv[2]), ncomp = atol(argv[3]), badpct = atol(argv[4]);
    int maxcl = atoi(argv[5]), maxmsg = atoi(argv[6]), skew = atoi(argv[7]), nonl = atoi(argv[8]);
    char **comp = malloc(ncomp * sizeof *comp);
    for (long i = 0; i < ncomp; i++) {
        comp[i] = malloc(40);
        randname(comp[i], maxcl < 0 ? -maxcl : 1 + (int)R(maxcl));
    }
    static char msg[4096], ts[64], line[8192];
    for (long ln = 0; ln < lines; ln++) {
        if (R(100) == 0) { if (ln + 1 < lines || !nonl) putchar('\n'); continue; }
        int Y = 1970 + (int)R(100), M = 1 + (int)R(12), D = 1 + (int)R(31), h = (int)R(24), m = (int)R(60), s = (int)R(60);
        const char *lvl = LEVELS[R(10) < 4 ? 2 : R(6)];
        const char *c = skew && R(10) < 3 ? comp[R(ncomp < 5 ? ncomp : 5)] : comp[R(ncomp)];
        int ml = maxmsg ? (int)R(maxmsg + 1) : 0;
        for (int i = 0; i < ml; i++) msg[i] = (char)(32 + R(95));
        msg[ml] = 0;
        char tsep = 'T', zz = 'Z', sep1 = ' ', sep2 = ' ', colon = ':', csp = ' ';
        char badc[64] = "";
        int kind = R(100) < badpct ? 1 + (int)R(16) : 0;
        switch (kind) {
        case 1: M = R(2) ? 13 : 0; break;
        case 2: h = 24 + (int)R(76); break;
        case 3: zz = R(2) ? ' ' : 'z'; break;
        case 4: lvl = BADLEVELS[R(10)]; break;
        case 5: colon = ' '; break;                         /* no colon */
        case 6: strcpy(badc, ""); break;                    /* empty component */
        case 7: randname(badc, 33 + (int)R(5)); break;      /* too long */
        case 8: strcpy(badc, c); badc[R(strlen(c))] = 'A' + (char)R(26); break;
        case 9: sep2 = ' '; strcpy(badc, " "); strcat(badc, c); break; /* double space */
        case 10: csp = R(2) ? 'x' : '\t'; break;            /* colon not followed by space */
        case 11: break;                                     /* truncated */
        case 12: break;                                     /* garbage */
        case 13: sep1 = '\t'; break;
        case 14: if (R(2)) m = 60 + (int)R(40); else s = 60 + (int)R(40); break;
        case 15: tsep = R(2) ? ' ' : 't'; break;
        case 16: D = R(2) ? 0 : 32 + (int)R(60); break;
        }
        snprintf(ts, sizeof ts, "%04d-%02d-%02d%c%02d:%02d:%02d%c", Y, M, D, tsep, h, m, s, zz);
        const char *cc = (kind >= 6 && kind <= 9) ? badc : c;
        if (kind == 11) snprintf(line, sizeof line, "%.*s", 1 + (int)R(strlen(ts) + 6), ts);
        else if (kind == 12) { int gl = 1 + (int)R(60); for (int i = 0; i < gl; i++) line[i] = (char)(32 + R(95)); line[gl] = 0; if (line[0] == ' ') line[0] = '#'; }
        else if (kind == 10 && ml == 0 && csp == 'x') snprintf(line, sizeof line, "%s%c%s%c%s%c", ts, sep1, lvl, sep2, cc, colon); /* "comp:" at end */
        else snprintf(line, sizeof line, "%s%c%s%c%s%c%c%s", ts, sep1, lvl, sep2, cc, colon, csp, msg);
        fputs(line, stdout);
        if (ln + 1 < lines || !nonl) putchar('\n');
    }
    return 0;
}
