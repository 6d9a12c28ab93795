#include <stddef.h>
#include <stdint.h>
#include "masked-search.h"

size_t masked_search(const uint8_t *buf, size_t len, uint32_t pattern, uint32_t mask,
                     size_t *out, size_t max_out) {
    /* TODO: return the number of offsets i (0 <= i <= len - 4) whose
     * little-endian 32-bit word w satisfies (w & mask) == (pattern & mask);
     * store the first max_out of them in out[]. */
    (void)buf; (void)len; (void)pattern; (void)mask; (void)out; (void)max_out;
    return 0;
}
