/* Deterministic command generator for zone-wp.
 * usage: gen SEED ZONES SIZE CAP MAXOPEN Q HOT MAXN RESETALL_PERMILLE
 * Keeps its own model of the device so that most writes hit the write
 * pointer; commands mostly target a "hot" set of HOT zones. */
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

enum { EMPTY, OPEN, FULL };
static uint64_t nz, zsize, zcap, maxopen, nopen;
static uint64_t *wp;
static uint8_t *state;
static uint32_t *gen, curgen = 1;
static void touch(uint64_t z) { if (gen[z] != curgen) { gen[z] = curgen; state[z] = EMPTY; wp[z] = 0; } }
static int can(uint64_t z, uint64_t n) { return state[z] != FULL && wp[z] + n <= zcap && !(state[z] == EMPTY && nopen == maxopen); }
static void wr(uint64_t z, uint64_t n) {
    if (state[z] == EMPTY) { state[z] = OPEN; nopen++; }
    wp[z] += n;
    if (wp[z] == zcap) { state[z] = FULL; nopen--; }
}

int main(int argc, char **argv) {
    if (argc != 10) { fprintf(stderr, "usage: gen SEED ZONES SIZE CAP MAXOPEN Q HOT MAXN RESETALL_PERMILLE\n"); return 2; }
    st = strtoull(argv[1], 0, 10) * 0x2545F4914F6CDD1DULL + 5;
    nz = strtoull(argv[2], 0, 10); zsize = strtoull(argv[3], 0, 10); zcap = strtoull(argv[4], 0, 10);
    maxopen = strtoull(argv[5], 0, 10);
    uint64_t q = strtoull(argv[6], 0, 10), hot = strtoull(argv[7], 0, 10), maxn = strtoull(argv[8], 0, 10);
    uint64_t ra = strtoull(argv[9], 0, 10);
    wp = malloc(nz * sizeof *wp); state = malloc(nz); gen = calloc(nz, sizeof *gen);
    uint64_t *hz = malloc((hot + 1) * sizeof *hz);
    for (uint64_t i = 0; i < hot; i++) hz[i] = R(nz);
    printf("%llu %llu %llu %llu %llu\n", (unsigned long long)nz, (unsigned long long)zsize,
           (unsigned long long)zcap, (unsigned long long)maxopen, (unsigned long long)q);
    for (uint64_t i = 0; i < q; i++) {
        uint64_t x = R(1000), z, y = R(100);
        z = y < 85 && hot ? hz[R(hot)] : y < 99 ? R(nz) : y == 99 && R(2) ? nz + R(5) : (uint64_t)R(1ULL << 40);
        int valid = z < nz;
        if (valid) touch(z);
        uint64_t n = 1 + R(maxn);
        if (valid && R(7) == 0) n = zcap - wp[z];
        if (R(100) == 0) n = 0;
        if (valid && R(300) == 0) n = zcap + R(3);
        if (x < ra) {
            printf("reset-all\n"); curgen++; nopen = 0;
        } else if (x < ra + 300) {
            uint64_t lba = valid ? z * zsize + wp[z] : nz * zsize + R(zsize);
            uint64_t k = R(20);
            if (k == 0 && lba > 0) lba -= 1 + R(lba < 3 ? lba : 3);
            else if (k == 1) lba += 1 + R(3);
            else if (k == 2) lba = R(nz * zsize + 10);
            printf("write %llu %llu\n", (unsigned long long)lba, (unsigned long long)n);
            uint64_t z2 = lba / zsize;
            if (z2 < nz && n) {
                touch(z2);
                if (lba == z2 * zsize + wp[z2] && can(z2, n)) wr(z2, n);
            }
        } else if (x < ra + 550) {
            printf("append %llu %llu\n", (unsigned long long)z, (unsigned long long)n);
            if (valid && n && can(z, n)) wr(z, n);
        } else if (x < ra + 590) {
            printf("finish %llu\n", (unsigned long long)z);
            if (valid) { if (state[z] == OPEN) nopen--; state[z] = FULL; wp[z] = zcap; }
        } else if (x < ra + 670) {
            printf("reset %llu\n", (unsigned long long)z);
            if (valid) { if (state[z] == OPEN) nopen--; state[z] = EMPTY; wp[z] = 0; }
        } else if (x < ra + 950) {
            printf("report %llu\n", (unsigned long long)z);
        } else {
            printf("stats\n");
        }
    }
    return 0;
}
