#ifndef PROCTOR_DIRTY_BITMAP_H
#define PROCTOR_DIRTY_BITMAP_H

#include <stdint.h>

/* One bit per page: 1 = dirty. Bits are numbered 0 .. nbits-1.
 * For every call, start + len <= nbits and from <= nbits (callers check). */
typedef struct dbm dbm;

dbm *dbm_create(uint64_t nbits);      /* all pages clean; NULL on allocation failure */
void dbm_destroy(dbm *b);

void dbm_set(dbm *b, uint64_t start, uint64_t len);    /* mark [start, start+len) dirty */
void dbm_clear(dbm *b, uint64_t start, uint64_t len);  /* mark [start, start+len) clean */
uint64_t dbm_count(const dbm *b, uint64_t start, uint64_t len); /* dirty bits in [start, start+len) */

/* Find the first dirty bit at index >= from. If there is one, store its index
 * in *run_start and the length of the run of consecutive dirty bits starting
 * there in *run_len, and return 1. Otherwise return 0 (outputs untouched). */
int dbm_next_run(const dbm *b, uint64_t from, uint64_t *run_start, uint64_t *run_len);

#endif
