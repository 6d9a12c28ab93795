/* Alternative: byte array; memset for whole bytes, bit loops only at the
 * edges; searches skip 0x00 / 0xff bytes with memchr-like loops. */
#include <stdlib.h>
#include <string.h>
#include "dirty-bitmap.h"

struct dbm { uint64_t n; unsigned char *m; };

dbm *dbm_create(uint64_t nbits) {
    dbm *b = malloc(sizeof *b);
    if (!b) return NULL;
    b->n = nbits;
    b->m = calloc(nbits / 8 + 2, 1);
    if (!b->m) { free(b); return NULL; }
    return b;
}
void dbm_destroy(dbm *b) { if (b) { free(b->m); free(b); } }

static int bit(const dbm *b, uint64_t i) { return b->m[i >> 3] >> (i & 7) & 1; }

static void fill(dbm *b, uint64_t s, uint64_t len, int v) {
    uint64_t e = s + len;
    while (s < e && (s & 7)) { if (v) b->m[s >> 3] |= (unsigned char)(1u << (s & 7)); else b->m[s >> 3] &= (unsigned char)~(1u << (s & 7)); s++; }
    if (e - s >= 8) { memset(b->m + (s >> 3), v ? 0xff : 0, (e - s) >> 3); s += (e - s) & ~7ULL; }
    while (s < e) { if (v) b->m[s >> 3] |= (unsigned char)(1u << (s & 7)); else b->m[s >> 3] &= (unsigned char)~(1u << (s & 7)); s++; }
}
void dbm_set(dbm *b, uint64_t start, uint64_t len) { fill(b, start, len, 1); }
void dbm_clear(dbm *b, uint64_t start, uint64_t len) { fill(b, start, len, 0); }

uint64_t dbm_count(const dbm *b, uint64_t s, uint64_t len) {
    uint64_t e = s + len, c = 0;
    while (s < e && (s & 7)) c += (uint64_t)bit(b, s++);
    for (; e - s >= 64; s += 64) {
        uint64_t w;
        memcpy(&w, b->m + (s >> 3), 8);
        c += (uint64_t)__builtin_popcountll(w);
    }
    for (; e - s >= 8; s += 8) c += (uint64_t)__builtin_popcount(b->m[s >> 3]);
    while (s < e) c += (uint64_t)bit(b, s++);
    return c;
}

static uint64_t seek(const dbm *b, uint64_t i, int v) {
    unsigned char skip = v ? 0x00 : 0xff;
    while (i < b->n && (i & 7)) { if (bit(b, i) == v) return i; i++; }
    while (i + 8 <= b->n && b->m[i >> 3] == skip) i += 8;
    while (i < b->n && bit(b, i) != v) i++;
    return i < b->n ? i : b->n;
}

int dbm_next_run(const dbm *b, uint64_t from, uint64_t *run_start, uint64_t *run_len) {
    uint64_t s = seek(b, from, 1);
    if (s >= b->n) return 0;
    *run_start = s;
    *run_len = seek(b, s, 0) - s;
    return 1;
}
