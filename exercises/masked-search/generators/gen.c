/* Deterministic generator for masked-search tests with an explicit hex buffer.
 * usage: gen SEED LEN Q ALPHA PERIODIC
 *   LEN bytes drawn from ALPHA distinct values (1..256), a 32-bit pattern P
 *   planted at offset 0, at offset LEN-4 and at random offsets (PERIODIC=1
 *   makes P = one byte repeated so planted copies overlap), then Q queries
 *   mixing: exact P, P with junk outside a partial mask, single-byte masks
 *   (endianness), mask 0, small max_out and max_out 0. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

static uint64_t st;
static uint64_t rnd(void) {
    uint64_t z = (st += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}
static uint64_t R(uint64_t n) { return n ? rnd() % n : 0; }

int main(int argc, char **argv) {
    if (argc != 6) { fprintf(stderr, "usage: gen SEED LEN Q ALPHA PERIODIC\n"); return 2; }
    st = strtoull(argv[1], 0, 10) * 0x2545F4914F6CDD1DULL + 11;
    size_t len = strtoull(argv[2], 0, 10);
    int q = atoi(argv[3]), alpha = atoi(argv[4]), periodic = atoi(argv[5]);
    uint8_t vals[256];
    for (int i = 0; i < 256; i++) vals[i] = (uint8_t)i;
    for (int i = 255; i > 0; i--) { int j = (int)R(i + 1); uint8_t t = vals[i]; vals[i] = vals[j]; vals[j] = t; }
    uint8_t *b = malloc(len + 4);
    for (size_t i = 0; i < len; i++) b[i] = vals[R(alpha)];
    uint32_t P;
    if (periodic) P = 0x01010101u * vals[R(alpha)];
    else P = (uint32_t)vals[R(alpha)] | (uint32_t)vals[R(alpha)] << 8 | (uint32_t)vals[R(alpha)] << 16 | (uint32_t)vals[R(alpha)] << 24;
    if (len >= 4) {
        size_t plants = 2 + len / 64;
        for (size_t k = 0; k < plants; k++) {
            size_t at = k == 0 ? 0 : k == 1 ? len - 4 : R(len - 3);
            for (int j = 0; j < 4; j++) b[at + j] = (uint8_t)(P >> (8 * j));
            if (periodic && at + 6 <= len && R(2)) b[at + 4] = b[at + 5] = (uint8_t)P;
        }
    }
    printf("hex %zu\n", len);
    for (size_t i = 0; i < len; i++) printf("%02x%c", b[i], (i % 32 == 31 || i + 1 == len) ? '\n' : ' ');
    printf("%d\n", q);
    for (int t = 0; t < q; t++) {
        uint32_t pat = P, mask = 0xffffffffu;
        size_t max_out = 1 + R(64);
        switch (t % 7) {
        case 0: break;
        case 1: mask = (uint32_t)rnd() | (uint32_t)rnd(); pat = (P & mask) | (~mask & (uint32_t)rnd()); if (pat == (P & mask)) pat |= ~mask; break;
        case 2: mask = 0xffu << (8 * R(4)); pat = ((uint32_t)vals[R(alpha)] * 0x01010101u & mask) | (~mask & (uint32_t)rnd()); break;
        case 3: mask = 0; pat = (uint32_t)rnd(); max_out = 1 + R(8); break;
        case 4: mask = R(2) ? 0x0000ffffu : 0xffff0000u; pat = P | ~mask; max_out = 1 + R(3); break;
        case 5: max_out = 0; mask = 0x00ff00ffu; break;
        case 6: mask = 0xffffffffu; pat = (uint32_t)vals[R(alpha)] << 24 | (P & 0x00ffffffu); max_out = 100000; break;
        }
        printf("%08x %08x %zu\n", pat, mask, max_out);
    }
    return 0;
}
