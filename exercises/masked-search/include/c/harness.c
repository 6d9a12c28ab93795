/* Test harness for masked-search (visible to candidates).
 *
 * Input (stdin):
 *   hex LEN            followed by LEN bytes as hex digit pairs (whitespace
 *                      between pairs is ignored), or
 *   gen LEN SEED AND OR  the buffer is LEN bytes produced by the xorshift64*
 *                      generator below: each next() value supplies 8 bytes,
 *                      least significant first, each then becoming
 *                      (byte & AND) | OR   (SEED decimal, AND/OR hex)
 *   Q                  number of queries
 *   Q lines: PATTERN MASK MAX_OUT   (pattern and mask hex, max_out decimal)
 *
 * Output: one line per query:
 *   COUNT K o_0 ... o_{min(K,16)-1} [hash H]
 * where COUNT is the return value, K = min(COUNT, MAX_OUT) the number of
 * offsets that must have been stored, followed by the first (up to 16)
 * stored offsets and, when K > 16, an FNV-1a hash of all K stored offsets.
 * "overflow" is printed if out[MAX_OUT] was written.
 *
 * The buffer is placed so that it ends right before an unmapped page:
 * reading past buf[len-1] crashes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "masked-search.h"

static uint64_t rng_state;
static uint64_t next(void) {
    uint64_t x = rng_state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    rng_state = x;
    return x * 2685821657736338717ULL;
}

static int hexval(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static int nexthex(void) {
    int c;
    while ((c = getchar()) != EOF && (c == ' ' || c == '\n' || c == '\t' || c == '\r'))
        ;
    return c == EOF ? -1 : hexval(c);
}

int main(void) {
    char kind[8];
    size_t len;
    if (scanf("%7s %zu", kind, &len) != 2) { fprintf(stderr, "bad input\n"); return 1; }

    long page = sysconf(_SC_PAGESIZE);
    size_t span = (len + (size_t)page - 1) / (size_t)page * (size_t)page;
    uint8_t *map = mmap(NULL, span + (size_t)page, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (map == MAP_FAILED) { perror("mmap"); return 1; }
    mprotect(map + span, (size_t)page, PROT_NONE);
    uint8_t *buf = map + span - len;

    if (strcmp(kind, "hex") == 0) {
        for (size_t i = 0; i < len; i++) {
            int hi = nexthex(), lo = nexthex();
            if (hi < 0 || lo < 0) { fprintf(stderr, "bad hex\n"); return 1; }
            buf[i] = (uint8_t)(hi << 4 | lo);
        }
    } else if (strcmp(kind, "gen") == 0) {
        unsigned long long seed;
        unsigned and_, or_;
        if (scanf("%llu %x %x", &seed, &and_, &or_) != 3) { fprintf(stderr, "bad gen\n"); return 1; }
        rng_state = seed ? seed : 0x9E3779B97F4A7C15ULL;
        uint64_t r = 0;
        for (size_t i = 0; i < len; i++) {
            if (i % 8 == 0) r = next();
            buf[i] = (uint8_t)(((r >> (8 * (i % 8))) & and_) | or_);
        }
    } else {
        fprintf(stderr, "unknown buffer kind\n");
        return 1;
    }
    mprotect(map, span, PROT_READ);

    int q;
    if (scanf("%d", &q) != 1) { fprintf(stderr, "bad q\n"); return 1; }
    for (int t = 0; t < q; t++) {
        unsigned pattern, mask;
        size_t max_out;
        if (scanf("%x %x %zu", &pattern, &mask, &max_out) != 3) { fprintf(stderr, "bad query\n"); return 1; }
        size_t *out = NULL;
        if (max_out > 0) {
            out = malloc((max_out + 1) * sizeof *out);
            for (size_t i = 0; i <= max_out; i++) out[i] = (size_t)-1;
        }
        size_t count = masked_search(buf, len, pattern, mask, out, max_out);
        size_t k = count < max_out ? count : max_out;
        printf("%zu %zu", count, k);
        uint64_t h = 1469598103934665603ULL;
        for (size_t i = 0; i < k; i++) {
            if (i < 16) printf(" %zu", out[i]);
            uint64_t v = out[i];
            for (int b = 0; b < 8; b++) h = (h ^ ((v >> (8 * b)) & 0xff)) * 1099511628211ULL;
        }
        if (k > 16) printf(" hash %016llx", (unsigned long long)h);
        if (out && out[max_out] != (size_t)-1) printf(" overflow");
        printf("\n");
        free(out);
    }
    return 0;
}
