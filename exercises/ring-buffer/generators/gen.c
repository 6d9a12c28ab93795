/* Deterministic command generator for ring-buffer.
 * usage: gen SEED CAP NOPS MAXN MODE
 *   MODE 0  random push/pop/peek/stat, lengths in [0, MAXN]
 *   MODE 1  steady state: fill to CAP/2, then small pushes and pops
 *           (lengths in [1, MAXN]) keep the ring half full; peeks at random
 *           offsets. A ring that moves its data on every pop is too slow here.
 *   MODE 2  fill / drain: pushes larger than the free space, then pops until
 *           empty, repeated; exercises the full/empty distinction.
 *   MODE 3  like 0, but every ~NOPS/8 commands a `new` with a random
 *           capacity in [1, CAP]. */
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
    if (argc != 6) { fprintf(stderr, "usage: gen SEED CAP NOPS MAXN MODE\n"); return 2; }
    st = strtoull(argv[1], 0, 10) * 0x2545F4914F6CDD1DULL + 3;
    uint64_t cap = strtoull(argv[2], 0, 10), ops = strtoull(argv[3], 0, 10), maxn = strtoull(argv[4], 0, 10);
    int mode = atoi(argv[5]);
    uint64_t used = 0, c = cap;
    printf("new %llu\n", (unsigned long long)cap);
    if (mode == 1) { printf("push %llu\n", (unsigned long long)(cap / 2)); used = cap / 2; }
    for (uint64_t i = 0; i < ops; i++) {
        if (mode == 3 && R(ops / 8 + 1) == 0) {
            c = 1 + R(cap);
            used = 0;
            printf("new %llu\n", (unsigned long long)c);
            continue;
        }
        if (mode == 1) {
            uint64_t n = 1 + R(maxn), x = R(20);
            if (x == 0) printf("peek %llu %llu\n", (unsigned long long)R(used + 2), (unsigned long long)n);
            else if (x == 1) printf("stat\n");
            else if (used > c / 2) { printf("pop %llu\n", (unsigned long long)n); used -= n < used ? n : used; }
            else { printf("push %llu\n", (unsigned long long)n); used = used + n > c ? c : used + n; }
            continue;
        }
        if (mode == 2) {
            uint64_t x = R(10);
            if (x < 2) { printf("push %llu\n", (unsigned long long)(c - used + R(maxn + 1))); used = c; }
            else if (x < 6) { uint64_t n = R(maxn + 1); printf("pop %llu\n", (unsigned long long)n); used -= n < used ? n : used; }
            else if (x < 8) printf("peek %llu %llu\n", (unsigned long long)R(used + 2), (unsigned long long)R(c + 2));
            else printf("stat\n");
            continue;
        }
        uint64_t x = R(20), n = R(maxn + 1);
        if (x < 8) { printf("push %llu\n", (unsigned long long)n); used = used + n > c ? c : used + n; }
        else if (x < 15) { printf("pop %llu\n", (unsigned long long)n); used -= n < used ? n : used; }
        else if (x < 18) printf("peek %llu %llu\n", (unsigned long long)R(used + 2), (unsigned long long)n);
        else printf("stat\n");
    }
    return 0;
}
