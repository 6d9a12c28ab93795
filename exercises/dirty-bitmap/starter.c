#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "dirty-bitmap.h"

struct dbm {
    uint64_t nbits;
    uint64_t *words; /* bit i lives in words[i / 64], bit i % 64 */
};

dbm *dbm_create(uint64_t nbits) {
    dbm *b = malloc(sizeof *b);
    if (!b) return NULL;
    b->nbits = nbits;
    b->words = calloc(nbits / 64 + 1, sizeof *b->words);
    if (!b->words) { free(b); return NULL; }
    return b;
}

void dbm_destroy(dbm *b) {
    if (!b) return;
    free(b->words);
    free(b);
}

void dbm_set(dbm *b, uint64_t start, uint64_t len) {
    (void)b; (void)start; (void)len; /* TODO */
}

void dbm_clear(dbm *b, uint64_t start, uint64_t len) {
    (void)b; (void)start; (void)len; /* TODO */
}

uint64_t dbm_count(const dbm *b, uint64_t start, uint64_t len) {
    (void)b; (void)start; (void)len;
    return 0; /* TODO */
}

int dbm_next_run(const dbm *b, uint64_t from, uint64_t *run_start, uint64_t *run_len) {
    (void)b; (void)from; (void)run_start; (void)run_len;
    return 0; /* TODO */
}
