/* TOO SLOW: correct, but keeps the bytes at the start of a linear buffer and
 * memmove()s the remainder down on every pop: O(used) per pop. */
#include <stdlib.h>
#include <string.h>
#include "ring-buffer.h"

struct ring { unsigned char *b; size_t cap, used; };

ring *ring_create(size_t capacity) {
    ring *r = malloc(sizeof *r);
    r->b = malloc(capacity);
    r->cap = capacity;
    r->used = 0;
    return r;
}
void ring_destroy(ring *r) { free(r->b); free(r); }
size_t ring_used(const ring *r) { return r->used; }
size_t ring_space(const ring *r) { return r->cap - r->used; }

size_t ring_push(ring *r, const void *src, size_t n) {
    if (n > r->cap - r->used) n = r->cap - r->used;
    memcpy(r->b + r->used, src, n);
    r->used += n;
    return n;
}

size_t ring_peek(const ring *r, size_t offset, void *dst, size_t n) {
    if (offset >= r->used) return 0;
    if (n > r->used - offset) n = r->used - offset;
    memcpy(dst, r->b + offset, n);
    return n;
}

size_t ring_pop(ring *r, void *dst, size_t n) {
    n = ring_peek(r, 0, dst, n);
    memmove(r->b, r->b + n, r->used - n);
    r->used -= n;
    return n;
}
