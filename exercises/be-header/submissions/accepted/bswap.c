/* Alternative: table-driven hex decoding, fields read with memcpy +
 * __builtin_bswap (x86 is little-endian), overflow checked with
 * __builtin_add_overflow / __builtin_mul_overflow. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

static signed char HEX[256];

int main(void) {
    memset(HEX, -1, sizeof HEX);
    for (int i = 0; i < 10; i++) HEX['0' + i] = (signed char)i;
    for (int i = 0; i < 6; i++) HEX['a' + i] = HEX['A' + i] = (signed char)(10 + i);
    unsigned long long dev, bs;
    long n;
    if (scanf("%llu %llu %ld%*[^\n]", &dev, &bs, &n) != 3) return 1;
    getchar(); /* the newline: a trailing space in the format would also eat empty lines */
    char *line = NULL;
    size_t cap = 0;
    unsigned char *b = NULL;
    size_t bcap = 0;
    while (n-- > 0) {
        ssize_t len = getline(&line, &cap, stdin);
        if (len < 0) len = 0;
        while (len > 0 && line[len - 1] == '\n') len--;
        if ((size_t)len > bcap) { bcap = len; b = realloc(b, bcap); }
        if (len & 1) { puts("ERR HEX"); continue; }
        size_t m = len / 2, i;
        for (i = 0; i < m; i++) {
            int h = HEX[(unsigned char)line[2 * i]], l = HEX[(unsigned char)line[2 * i + 1]];
            if ((h | l) < 0) break;
            b[i] = (unsigned char)(h << 4 | l);
        }
        if (i < m) { puts("ERR HEX"); continue; }
        if (m < 24) { puts("ERR SHORT"); continue; }
        struct { uint32_t magic; uint8_t ver, flags; uint16_t op; uint64_t lba; uint32_t nb, plen; } h;
        memcpy(&h.magic, b, 4); memcpy(&h.ver, b + 4, 1); memcpy(&h.flags, b + 5, 1);
        memcpy(&h.op, b + 6, 2); memcpy(&h.lba, b + 8, 8); memcpy(&h.nb, b + 16, 4); memcpy(&h.plen, b + 20, 4);
        h.magic = __builtin_bswap32(h.magic); h.op = __builtin_bswap16(h.op);
        h.lba = __builtin_bswap64(h.lba); h.nb = __builtin_bswap32(h.nb); h.plen = __builtin_bswap32(h.plen);
        const char *err = NULL;
        uint64_t want, end;
        if (h.magic != 0x50524F43u) err = "MAGIC";
        else if (h.ver != 1) err = "VERSION";
        else if (h.flags > 3) err = "FLAGS";
        else if (h.op == 0 || h.op > 4) err = "OPCODE";
        else if ((uint64_t)m - 24 != h.plen) err = "LENGTH";
        else if (h.op == 2 ? (__builtin_mul_overflow((uint64_t)h.nb, (uint64_t)bs, &want) || want != h.plen) : h.plen != 0) err = "PAYLOAD";
        else if (h.op == 3 ? (h.lba || h.nb) : (h.nb == 0 || __builtin_add_overflow(h.lba, (uint64_t)h.nb, &end) || end > dev)) err = "RANGE";
        if (err) { printf("ERR %s\n", err); continue; }
        static const char *names[] = {0, "READ", "WRITE", "FLUSH", "DISCARD"};
        static const char *fl[] = {"-", "FUA", "SYNC", "FUA,SYNC"};
        printf("OK %s %llu %u %s", names[h.op], (unsigned long long)h.lba, h.nb, fl[h.flags]);
        if (h.op == 2) {
            uint32_t sum = 0, w;
            for (size_t k = 24; k < m; k += 4) { memcpy(&w, b + k, 4); sum += __builtin_bswap32(w); }
            printf(" %u", sum);
        }
        putchar('\n');
    }
    return 0;
}
