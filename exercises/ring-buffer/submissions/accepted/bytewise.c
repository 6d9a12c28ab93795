/* Alternative: free-running 64-bit read/write counters, byte-by-byte copy. */
#include <stdint.h>
#include <stdlib.h>
#include "ring-buffer.h"

struct ring {
    uint8_t *data;
    size_t size;
    uint64_t rd, wr; /* total bytes ever read / written */
};

ring *ring_create(size_t capacity) {
    ring *r = calloc(1, sizeof *r);
    if (!r || !(r->data = malloc(capacity))) { free(r); return NULL; }
    r->size = capacity;
    return r;
}

void ring_destroy(ring *r) { if (r) { free(r->data); free(r); } }
size_t ring_used(const ring *r) { return (size_t)(r->wr - r->rd); }
size_t ring_space(const ring *r) { return r->size - ring_used(r); }

size_t ring_push(ring *r, const void *src, size_t n) {
    const uint8_t *s = src;
    size_t space = ring_space(r), i;
    if (n > space) n = space;
    size_t w = (size_t)(r->wr % r->size);
    for (i = 0; i < n; i++) {
        r->data[w] = s[i];
        if (++w == r->size) w = 0;
    }
    r->wr += n;
    return n;
}

size_t ring_peek(const ring *r, size_t offset, void *dst, size_t n) {
    uint8_t *d = dst;
    size_t used = ring_used(r);
    if (offset >= used) return 0;
    if (n > used - offset) n = used - offset;
    size_t p = (size_t)((r->rd + offset) % r->size);
    for (size_t i = 0; i < n; i++) {
        d[i] = r->data[p];
        if (++p == r->size) p = 0;
    }
    return n;
}

size_t ring_pop(ring *r, void *dst, size_t n) {
    n = ring_peek(r, 0, dst, n);
    r->rd += n;
    return n;
}
