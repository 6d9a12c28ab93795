/* WRONG: count treats the range as [start, start+len] (one bit too many). */
#include <stdlib.h>
#include "dirty-bitmap.h"

struct dbm { uint64_t n, *w; };

dbm *dbm_create(uint64_t nbits) {
    dbm *b = malloc(sizeof *b);
    if (!b) return NULL;
    b->n = nbits;
    b->w = calloc(nbits / 64 + 1, sizeof *b->w);
    if (!b->w) { free(b); return NULL; }
    return b;
}

void dbm_destroy(dbm *b) { if (b) { free(b->w); free(b); } }

enum { OP_SET, OP_CLEAR };

static void apply(uint64_t *w, uint64_t m, int op) { if (op == OP_SET) *w |= m; else *w &= ~m; }

static void range(dbm *b, uint64_t start, uint64_t len, int op) {
    if (len == 0) return;
    uint64_t end = start + len - 1, sw = start >> 6, ew = end >> 6;
    uint64_t hm = ~0ULL << (start & 63), tm = ~0ULL >> (63 - (end & 63));
    if (sw == ew) { apply(&b->w[sw], hm & tm, op); return; }
    apply(&b->w[sw], hm, op);
    for (uint64_t i = sw + 1; i < ew; i++) b->w[i] = op == OP_SET ? ~0ULL : 0;
    apply(&b->w[ew], tm, op);
}

void dbm_set(dbm *b, uint64_t start, uint64_t len) { range(b, start, len, OP_SET); }
void dbm_clear(dbm *b, uint64_t start, uint64_t len) { range(b, start, len, OP_CLEAR); }

uint64_t dbm_count(const dbm *b, uint64_t start, uint64_t len) {
    if (len == 0) return 0;
    uint64_t end = start + len < b->n ? start + len : b->n - 1, sw = start >> 6, ew = end >> 6;
    uint64_t hm = ~0ULL << (start & 63), tm = ~0ULL >> (63 - (end & 63));
    if (sw == ew) return (uint64_t)__builtin_popcountll(b->w[sw] & hm & tm);
    uint64_t c = (uint64_t)__builtin_popcountll(b->w[sw] & hm) + (uint64_t)__builtin_popcountll(b->w[ew] & tm);
    for (uint64_t i = sw + 1; i < ew; i++) c += (uint64_t)__builtin_popcountll(b->w[i]);
    return c;
}

/* first index >= from whose bit equals `dirty`, or n */
static uint64_t find(const dbm *b, uint64_t from, int dirty) {
    if (from >= b->n) return b->n;
    uint64_t i = from >> 6, nw = (b->n + 63) >> 6;
    uint64_t x = (dirty ? b->w[i] : ~b->w[i]) & (~0ULL << (from & 63));
    while (!x) {
        if (++i >= nw) return b->n;
        x = dirty ? b->w[i] : ~b->w[i];
    }
    uint64_t r = (i << 6) + (uint64_t)__builtin_ctzll(x);
    return r < b->n ? r : b->n;
}

int dbm_next_run(const dbm *b, uint64_t from, uint64_t *run_start, uint64_t *run_len) {
    uint64_t s = find(b, from, 1);
    if (s >= b->n) return 0;
    *run_start = s;
    *run_len = find(b, s, 0) - s;
    return 1;
}
