#ifndef PROCTOR_MASKED_SEARCH_H
#define PROCTOR_MASKED_SEARCH_H

#include <stddef.h>
#include <stdint.h>

/*
 * Find every offset i (0 <= i <= len - 4) such that the little-endian 32-bit
 * word formed by buf[i], buf[i+1], buf[i+2], buf[i+3], ANDed with mask,
 * equals pattern & mask. Matches may overlap. If len < 4 there are no
 * candidates.
 *
 * The first min(count, max_out) matching offsets are stored in out[] in
 * increasing order; nothing is ever written to out[max_out] or beyond
 * (out may be NULL when max_out == 0). Returns the total number of matches,
 * which may exceed max_out.
 *
 * buf must not be read outside buf[0 .. len-1].
 */
size_t masked_search(const uint8_t *buf, size_t len, uint32_t pattern, uint32_t mask,
                     size_t *out, size_t max_out);

#endif
