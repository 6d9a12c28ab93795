/* WRONG: the write index wraps with `> cap` instead of `>= cap`, so one byte
 * per lap lands in a spare slot past the end and the data gets out of step. */
#include <stdlib.h>
#include "ring-buffer.h"

struct ring { unsigned char *b; size_t cap, rd, wr, used; };

ring *ring_create(size_t capacity) {
    ring *r = calloc(1, sizeof *r);
    r->b = malloc(capacity + 1);
    r->cap = capacity;
    return r;
}
void ring_destroy(ring *r) { free(r->b); free(r); }
size_t ring_used(const ring *r) { return r->used; }
size_t ring_space(const ring *r) { return r->cap - r->used; }

size_t ring_push(ring *r, const void *src, size_t n) {
    const unsigned char *s = src;
    size_t i;
    for (i = 0; i < n && r->used < r->cap; i++) {
        r->b[r->wr] = s[i];
        if (++r->wr > r->cap) r->wr = 0;
        r->used++;
    }
    return i;
}

size_t ring_peek(const ring *r, size_t offset, void *dst, size_t n) {
    unsigned char *d = dst;
    size_t i;
    if (offset >= r->used) return 0;
    for (i = 0; i < n && offset + i < r->used; i++) d[i] = r->b[(r->rd + offset + i) % r->cap];
    return i;
}

size_t ring_pop(ring *r, void *dst, size_t n) {
    size_t got = ring_peek(r, 0, dst, n);
    r->rd = (r->rd + got) % r->cap;
    r->used -= got;
    return got;
}
