/* WRONG: zone append reports the write pointer after the append instead of
 * the LBA where the data was written. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

enum { EMPTY, OPEN, FULL };
static const char *NAMES[] = {"EMPTY", "OPEN", "FULL"};

static uint64_t nz, zsize, zcap, maxopen, nopen, nfull;
static uint64_t *wp;   /* relative to the zone start */
static uint8_t *state;
static uint32_t *gen, curgen = 1;

static void touch(uint64_t z) {
    if (gen[z] != curgen) { gen[z] = curgen; state[z] = EMPTY; wp[z] = 0; }
}

/* common checks for write/append; returns error string or NULL */
static const char *can_write(uint64_t z, uint64_t n) {
    if (state[z] == FULL) return "FULL";
    if (wp[z] + n > zcap) return "BOUNDARY";
    if (state[z] == EMPTY && nopen == maxopen) return "OPEN_LIMIT";
    return NULL;
}

static void do_write(uint64_t z, uint64_t n) {
    if (state[z] == EMPTY) { state[z] = OPEN; nopen++; }
    wp[z] += n;
    if (wp[z] == zcap) { state[z] = FULL; nopen--; nfull++; }
}

int main(void) {
    unsigned long long a, b, c, d;
    int q;
    if (scanf("%llu %llu %llu %llu %d", &a, &b, &c, &d, &q) != 5) return 1;
    nz = a; zsize = b; zcap = c; maxopen = d;
    wp = malloc(nz * sizeof *wp);
    state = malloc(nz);
    gen = calloc(nz, sizeof *gen);
    char cmd[16];
    while (q-- > 0 && scanf("%15s", cmd) == 1) {
        if (strcmp(cmd, "write") == 0) {
            unsigned long long lba, n;
            if (scanf("%llu %llu", &lba, &n) != 2) return 1;
            uint64_t z = lba / zsize;
            if (z >= nz || n == 0) { puts("ERR INVALID"); continue; }
            touch(z);
            const char *e = state[z] == FULL ? "FULL" : lba != z * zsize + wp[z] ? "UNALIGNED" : can_write(z, n);
            if (e) { printf("ERR %s\n", e); continue; }
            do_write(z, n);
            puts("OK");
        } else if (strcmp(cmd, "append") == 0) {
            unsigned long long z, n;
            if (scanf("%llu %llu", &z, &n) != 2) return 1;
            if (z >= nz || n == 0) { puts("ERR INVALID"); continue; }
            touch(z);
            const char *e = can_write(z, n);
            if (e) { printf("ERR %s\n", e); continue; }
            do_write(z, n);
            uint64_t at = z * zsize + wp[z];
            printf("OK %llu\n", (unsigned long long)at);
        } else if (strcmp(cmd, "finish") == 0 || strcmp(cmd, "reset") == 0 || strcmp(cmd, "report") == 0) {
            unsigned long long z;
            if (scanf("%llu", &z) != 1) return 1;
            if (z >= nz) { puts("ERR INVALID"); continue; }
            touch(z);
            if (cmd[0] == 'r' && cmd[2] == 'p') {
                printf("%s %llu\n", NAMES[state[z]], (unsigned long long)(z * zsize + wp[z]));
                continue;
            }
            if (state[z] == OPEN) nopen--;
            if (state[z] == FULL) nfull--;
            if (cmd[0] == 'f') { state[z] = FULL; wp[z] = zcap; nfull++; }
            else { state[z] = EMPTY; wp[z] = 0; }
            puts("OK");
        } else if (strcmp(cmd, "reset-all") == 0) {
            curgen++;
            nopen = nfull = 0;
            puts("OK");
        } else if (strcmp(cmd, "stats") == 0) {
            printf("open %llu full %llu\n", (unsigned long long)nopen, (unsigned long long)nfull);
        } else {
            return 1;
        }
    }
    return 0;
}
