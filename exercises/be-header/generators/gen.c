/* Deterministic request generator for be-header.
 * usage: gen SEED N DEVICE_BLOCKS BLOCK_SIZE MAXBLK BAD_PERCENT
 * Prints "DEVICE_BLOCKS BLOCK_SIZE N" and N hex lines: valid requests (WRITE
 * payloads of up to MAXBLK blocks) and BAD_PERCENT% requests with one
 * defect each (all error classes, incl. 64-bit wrap-around traps). */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

static uint64_t st;
static uint64_t rnd(void) {
    uint64_t z = (st += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}
static uint64_t R(uint64_t n) { return n ? rnd() % n : 0; }

static uint8_t *b;
static void put(size_t at, uint64_t v, int n) { for (int i = n - 1; i >= 0; i--, v >>= 8) b[at + i] = (uint8_t)v; }

int main(int argc, char **argv) {
    if (argc != 7) { fprintf(stderr, "usage: gen SEED N DEVICE_BLOCKS BLOCK_SIZE MAXBLK BAD_PERCENT\n"); return 2; }
    st = strtoull(argv[1], 0, 10) * 0x2545F4914F6CDD1DULL + 13;
    long n = atol(argv[2]);
    uint64_t dev = strtoull(argv[3], 0, 10), bs = strtoull(argv[4], 0, 10), maxblk = strtoull(argv[5], 0, 10);
    long bad = atol(argv[6]);
    b = malloc(24 + maxblk * bs + 4096);
    printf("%llu %llu %ld\n", (unsigned long long)dev, (unsigned long long)bs, n);
    for (long k = 0; k < n; k++) {
        uint64_t op = 1 + R(4), flags = R(4), nb, lba, plen;
        if (op == 3) nb = lba = 0;
        else {
            nb = 1 + R(op == 2 ? maxblk : (R(4) == 0 ? 0xffffffffULL : maxblk * 8));
            if (nb > dev) nb = dev ? 1 + R(dev) : 1;
            uint64_t room = dev - nb; /* lba in [0, room] */
            int w = R(4);
            lba = w == 0 ? room : w == 1 ? R(1000) : (room == UINT64_MAX ? rnd() : R(room + 1));
        }
        plen = op == 2 ? nb * bs : 0;
        size_t m = 24 + plen;
        int defect = (long)R(100) < bad ? 1 + (int)R(14) : 0;
        put(0, 0x50524F43, 4); b[4] = 1; b[5] = (uint8_t)flags;
        put(6, op, 2); put(8, lba, 8); put(16, nb, 4); put(20, plen, 4);
        for (size_t i = 24; i < m; i++) b[i] = (uint8_t)rnd();
        int hexbad = 0;
        switch (defect) {
        case 1: hexbad = 1 + (int)R(2); break;                         /* odd length / bad digit */
        case 2: m = R(24); break;                                      /* SHORT */
        case 3: if (R(2)) put(0, 0x434F5250, 4); else b[R(4)] ^= (uint8_t)(1 + R(255)); break;
        case 4: b[4] = R(2) ? 0 : (uint8_t)(2 + R(254)); break;        /* VERSION */
        case 5: b[5] = (uint8_t)(4 + R(252)); break;                    /* FLAGS */
        case 6: put(6, R(3) == 0 ? 0 : R(2) ? 5 + R(65531) : op << 8, 2); break; /* OPCODE, incl. byte-swapped */
        case 7: /* LENGTH: declared payload differs from the real one */
            if (R(2)) put(20, plen + 1 + R(1000), 4);
            else { put(20, (plen + 0x100000000ULL - 24 - R(24)) & 0xffffffffULL, 4); }
            if (plen && R(2)) { m = 24 + R(plen); put(20, plen, 4); }
            break;
        case 8: /* PAYLOAD */
            if (op == 2) { uint64_t nb2 = (0x100000000ULL / bs) * (1 + R(bs - 1)) + nb; /* nb2 * bs == plen mod 2^32 */ put(16, nb2 & 0xffffffffULL, 4); }
            else { uint64_t extra = 4 * (1 + R(8)); put(20, extra, 4); m = 24 + extra; for (size_t i = 24; i < m; i++) b[i] = (uint8_t)rnd(); }
            break;
        case 9: /* RANGE: lba + nblocks wraps around 2^64 */
            if (op == 3) { put(8, 1 + R(100), 8); break; }
            put(8, UINT64_MAX - R(nb), 8); break;
        case 10: if (op != 3) put(8, dev - nb + 1 + R(nb > 1 ? nb : 2), 8); else put(16, 1, 4); break;
        case 11: if (op == 1 || op == 4) put(16, 0, 4); else put(8, dev + 1 + R(1000), 8); break;
        case 12: if (op != 3) put(8, dev + R(100), 8); break;           /* lba >= dev */
        case 13: b[R(24)] ^= 0x80; break;                               /* random high bit */
        case 14: m = 24 + plen + 4; for (size_t i = m - 4; i < m; i++) b[i] = (uint8_t)rnd(); break;
        }
        for (size_t i = 0; i < m; i++) printf(R(8) == 0 ? "%02X" : "%02x", b[i]);
        if (hexbad == 1) putchar("0aF"[R(3)]);
        else if (hexbad == 2 && m > 0) { /* overwrite nothing: append a bad pair */ printf("%c%c", "0fA"[R(3)], "gG-x:"[R(5)]); }
        else if (hexbad == 2) printf("zz");
        putchar('\n');
    }
    return 0;
}
