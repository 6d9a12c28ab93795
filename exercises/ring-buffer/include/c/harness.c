/* Test harness for ring-buffer (visible to candidates).
 *
 * Input: one command per line until end of input:
 *   new CAP        destroy the current ring (if any), create one of CAP bytes
 *   push N         push the next N bytes of the producer stream; only the
 *                  accepted bytes are consumed from the stream
 *   pop N          pop up to N bytes
 *   peek OFF N     peek up to N bytes at offset OFF
 *   stat           print used and space
 * The producer stream is the infinite byte sequence s[k] = (k + (k >> 8)) & 0xff,
 * k = 0, 1, 2, ... (it restarts at k = 0 with every `new`).
 *
 * Output: push -> accepted count; pop/peek -> count, then the bytes in hex if
 * count <= 8, otherwise '#' and the 32-bit FNV-1a hash of the bytes;
 * stat -> "used space"; new -> nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include "ring-buffer.h"

static void show(size_t got, const uint8_t *b) {
    printf("%zu", got);
    if (got <= 8) {
        for (size_t i = 0; i < got; i++) printf(" %02x", b[i]);
    } else {
        uint32_t h = 2166136261u;
        for (size_t i = 0; i < got; i++) h = (h ^ b[i]) * 16777619u;
        printf(" #%08x", h);
    }
    printf("\n");
}

int main(void) {
    ring *r = NULL;
    uint64_t k = 0;
    uint8_t *tmp = NULL;
    size_t tmpcap = 0;
    char cmd[16];
    while (scanf("%15s", cmd) == 1) {
        size_t a = 0, n = 0;
        if (strcmp(cmd, "new") == 0) {
            if (scanf("%zu", &a) != 1) return 1;
            if (r) ring_destroy(r);
            r = ring_create(a);
            if (!r) { printf("create failed\n"); return 1; }
            k = 0;
            continue;
        }
        if (strcmp(cmd, "stat") == 0) {
            printf("%zu %zu\n", ring_used(r), ring_space(r));
            continue;
        }
        if (strcmp(cmd, "peek") == 0 && scanf("%zu", &a) != 1) return 1;
        if (scanf("%zu", &n) != 1) return 1;
        if (n > tmpcap) {
            free(tmp);
            tmpcap = n;
            tmp = malloc(tmpcap ? tmpcap : 1);
        }
        if (strcmp(cmd, "push") == 0) {
            for (size_t i = 0; i < n; i++) {
                uint64_t j = k + i;
                tmp[i] = (uint8_t)(j + (j >> 8));
            }
            size_t got = ring_push(r, tmp, n);
            k += got;
            printf("%zu\n", got);
        } else if (strcmp(cmd, "pop") == 0) {
            show(ring_pop(r, tmp, n), tmp);
        } else if (strcmp(cmd, "peek") == 0) {
            show(ring_peek(r, a, tmp, n), tmp);
        } else {
            fprintf(stderr, "unknown command %s\n", cmd);
            return 1;
        }
    }
    if (r) ring_destroy(r);
    free(tmp);
    return 0;
}
