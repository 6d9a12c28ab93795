/* WRONG: stops counting once out[] is full, returning min(count, max_out). */
#include "masked-search.h"

size_t masked_search(const uint8_t *buf, size_t len, uint32_t pattern, uint32_t mask,
                     size_t *out, size_t max_out) {
    if (len < 4) return 0;
    uint32_t want = pattern & mask;
    size_t n = 0;
    for (size_t i = 0; i + 4 <= len; i++) {
        uint32_t w = (uint32_t)buf[i] | (uint32_t)buf[i + 1] << 8 |
                     (uint32_t)buf[i + 2] << 16 | (uint32_t)buf[i + 3] << 24;
        if ((w & mask) == want) {
            if (n < max_out) out[n] = i;
            n++;
            if (n == max_out) break;
        }
    }
    return n;
}
