/* TOO SLOW: correct, but compares the word bit by bit, re-reading the byte
 * for every mask bit. 32 steps per offset when the data nearly matches. */
#include "masked-search.h"

size_t masked_search(const uint8_t *buf, size_t len, uint32_t pattern, uint32_t mask,
                     size_t *out, size_t max_out) {
    size_t n = 0;
    for (size_t i = 0; i + 4 <= len; i++) {
        int ok = 1;
        for (int b = 0; b < 32 && ok; b++) {
            if (!(mask >> b & 1)) continue;
            int have = buf[i + b / 8] >> (b % 8) & 1;
            int want = pattern >> b & 1;
            if (have != want) ok = 0;
        }
        if (ok) {
            if (n < max_out) out[n] = i;
            n++;
        }
    }
    return n;
}
