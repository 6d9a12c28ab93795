/* Accepted, but buggy (the interview signals' demo, docs/signals.md): it reads
 * the header's fields before checking that the line holds 24 bytes, so a short
 * line is read past the end of its buffer (a heap-buffer-overflow that
 * AddressSanitizer reports at the line of the first read). The values read are
 * never used for a short line, so every answer is still right. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

static int hexv(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static uint64_t be(const uint8_t *p, int n) {
    uint64_t v = 0;
    for (int i = 0; i < n; i++) v = v << 8 | p[i];
    return v;
}

static const char *OPS[] = {"", "READ", "WRITE", "FLUSH", "DISCARD"};

int main(void) {
    unsigned long long dev, bs;
    long n;
    char *line = NULL;
    size_t cap = 0, bcap = 0;
    uint8_t *b = NULL;
    if (scanf("%llu %llu %ld", &dev, &bs, &n) != 3) return 1;
    int c;
    while ((c = getchar()) != '\n' && c != EOF) {}
    for (long k = 0; k < n; k++) {
        ssize_t len = getline(&line, &cap, stdin);
        if (len < 0) len = 0;
        if (len > 0 && line[len - 1] == '\n') len--;
        if ((size_t)len / 2 + 1 > bcap) { bcap = len / 2 + 1; b = realloc(b, bcap); }
        int bad = len % 2;
        size_t m = len / 2;
        for (size_t i = 0; !bad && i < m; i++) {
            int h = hexv(line[2 * i]), l = hexv(line[2 * i + 1]);
            if (h < 0 || l < 0) bad = 1;
            else b[i] = (uint8_t)(h << 4 | l);
        }
        if (bad) { puts("ERR HEX"); continue; }
        uint64_t magic = be(b, 4), ver = b[4], flags = b[5], op = be(b + 6, 2);
        uint64_t lba = be(b + 8, 8), nb = be(b + 16, 4), plen = be(b + 20, 4);
        if (m < 24) { puts("ERR SHORT"); continue; }
        if (magic != 0x50524F43) { puts("ERR MAGIC"); continue; }
        if (ver != 1) { puts("ERR VERSION"); continue; }
        if (flags & ~3u) { puts("ERR FLAGS"); continue; }
        if (op < 1 || op > 4) { puts("ERR OPCODE"); continue; }
        if (m != 24 + plen) { puts("ERR LENGTH"); continue; }
        if (op == 2 ? plen != nb * bs : plen != 0) { puts("ERR PAYLOAD"); continue; }
        if (op == 3 ? (lba != 0 || nb != 0) : (nb == 0 || lba > dev || nb > dev - lba)) {
            puts("ERR RANGE");
            continue;
        }
        printf("OK %s %llu %llu %s", OPS[op], (unsigned long long)lba, (unsigned long long)nb,
               flags == 0 ? "-" : flags == 1 ? "FUA" : flags == 2 ? "SYNC" : "FUA,SYNC");
        if (op == 2) {
            uint32_t sum = 0;
            for (size_t i = 24; i < m; i += 4) sum += (uint32_t)be(b + i, 4);
            printf(" %u", sum);
        }
        printf("\n");
    }
    return 0;
}
