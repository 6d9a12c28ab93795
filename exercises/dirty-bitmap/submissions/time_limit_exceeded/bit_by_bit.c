/* TOO SLOW: correct, but every operation walks its range one bit at a time. */
#include <stdlib.h>
#include "dirty-bitmap.h"

struct dbm { uint64_t n; unsigned char *bits; };

dbm *dbm_create(uint64_t nbits) {
    dbm *b = malloc(sizeof *b);
    b->n = nbits;
    b->bits = calloc(nbits / 8 + 1, 1);
    return b;
}
void dbm_destroy(dbm *b) { free(b->bits); free(b); }

static int get(const dbm *b, uint64_t i) { return b->bits[i >> 3] >> (i & 7) & 1; }

void dbm_set(dbm *b, uint64_t start, uint64_t len) {
    for (uint64_t i = start; i < start + len; i++) b->bits[i >> 3] |= (unsigned char)(1u << (i & 7));
}
void dbm_clear(dbm *b, uint64_t start, uint64_t len) {
    for (uint64_t i = start; i < start + len; i++) b->bits[i >> 3] &= (unsigned char)~(1u << (i & 7));
}
uint64_t dbm_count(const dbm *b, uint64_t start, uint64_t len) {
    uint64_t c = 0;
    for (uint64_t i = start; i < start + len; i++) c += (uint64_t)get(b, i);
    return c;
}
int dbm_next_run(const dbm *b, uint64_t from, uint64_t *run_start, uint64_t *run_len) {
    uint64_t i = from;
    while (i < b->n && !get(b, i)) i++;
    if (i >= b->n) return 0;
    uint64_t j = i;
    while (j < b->n && get(b, j)) j++;
    *run_start = i;
    *run_len = j - i;
    return 1;
}
