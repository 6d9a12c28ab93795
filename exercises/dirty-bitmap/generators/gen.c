/* Deterministic command generator for dirty-bitmap.
 * usage: gen SEED NBITS NOPS MAXLEN ALIGN_PERCENT SCAN_PERMILLE
 *   random set / clear / count / next over ranges of up to MAXLEN bits;
 *   ALIGN_PERCENT% of ranges are snapped to 64-bit word boundaries and 10%
 *   stay inside a single word; SCAN_PERMILLE/1000 of commands are `scan`. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

static uint64_t st;
static uint64_t rnd(void) {
    uint64_t z = (st += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}
static uint64_t R(uint64_t n) { return n ? rnd() % n : 0; }

int main(int argc, char **argv) {
    if (argc != 7) { fprintf(stderr, "usage: gen SEED NBITS NOPS MAXLEN ALIGN_PERCENT SCAN_PERMILLE\n"); return 2; }
    st = strtoull(argv[1], 0, 10) * 0x2545F4914F6CDD1DULL + 17;
    uint64_t n = strtoull(argv[2], 0, 10), ops = strtoull(argv[3], 0, 10), maxlen = strtoull(argv[4], 0, 10);
    uint64_t align = strtoull(argv[5], 0, 10), scan = strtoull(argv[6], 0, 10);
    printf("new %llu\n", (unsigned long long)n);
    for (uint64_t i = 0; i < ops; i++) {
        uint64_t x = R(1000);
        if (x < scan) { puts("scan"); continue; }
        uint64_t s = R(n + 1), len;
        int kind = (int)R(100);
        if (kind < 10) {                                 /* inside one word */
            uint64_t room = 64 - (s & 63);
            if (room > n - s) room = n - s;
            len = R(room + 1);
        } else {
            if ((uint64_t)R(100) < align) s &= ~63ULL;
            uint64_t room = n - s < maxlen ? n - s : maxlen;
            len = R(room + 1);
            if ((uint64_t)R(100) < align) { len &= ~63ULL; if (R(3) == 0 && len >= 64) len -= R(2); }
        }
        uint64_t y = R(100);
        if (y < 30) printf("set %llu %llu\n", (unsigned long long)s, (unsigned long long)len);
        else if (y < 50) printf("clear %llu %llu\n", (unsigned long long)s, (unsigned long long)len);
        else if (y < 75) printf("count %llu %llu\n", (unsigned long long)s, (unsigned long long)len);
        else printf("next %llu\n", (unsigned long long)(R(4) ? s : (s + len < n ? s + len : n)));
    }
    return 0;
}
