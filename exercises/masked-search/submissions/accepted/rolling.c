/* Alternative: rolling word, one new byte shifted in per step. */
#include <stdio.h>
#include "masked-search.h"

size_t masked_search(const uint8_t *buf, size_t len, uint32_t pattern, uint32_t mask,
                     size_t *out, size_t max_out) {
    size_t n = 0;
    if (len < 4) return 0;
    uint32_t w = (uint32_t)buf[0] << 8 | (uint32_t)buf[1] << 16 | (uint32_t)buf[2] << 24;
    pattern &= mask;
    for (size_t i = 3; i < len; i++) {
        w = (w >> 8) | (uint32_t)buf[i] << 24;
        if ((w & mask) == pattern) {
            if (n < max_out) out[n] = i - 3;
            ++n;
        }
    }
    return n;
}

int main(void) { /* candidates' own test mains are renamed away */
    const uint8_t b[] = {1, 2, 3, 4, 1, 2, 3, 4};
    printf("%zu\n", masked_search(b, sizeof b, 0x04030201u, 0xffffffffu, NULL, 0));
    return 0;
}
