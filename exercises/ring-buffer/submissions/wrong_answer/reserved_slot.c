/* WRONG: classic head/tail ring that keeps one slot empty to tell full from
 * empty, so only capacity - 1 bytes are usable. */
#include <stdlib.h>
#include "ring-buffer.h"

struct ring { unsigned char *b; size_t n, head, tail; };

ring *ring_create(size_t capacity) {
    ring *r = malloc(sizeof *r);
    r->b = malloc(capacity);
    r->n = capacity;
    r->head = r->tail = 0;
    return r;
}
void ring_destroy(ring *r) { free(r->b); free(r); }
size_t ring_used(const ring *r) { return (r->tail + r->n - r->head) % r->n; }
size_t ring_space(const ring *r) { return r->n - 1 - ring_used(r); }

size_t ring_push(ring *r, const void *src, size_t n) {
    const unsigned char *s = src;
    size_t i = 0;
    while (i < n && (r->tail + 1) % r->n != r->head) {
        r->b[r->tail] = s[i++];
        r->tail = (r->tail + 1) % r->n;
    }
    return i;
}

size_t ring_peek(const ring *r, size_t offset, void *dst, size_t n) {
    unsigned char *d = dst;
    size_t used = ring_used(r), i;
    if (offset >= used) return 0;
    for (i = 0; i < n && offset + i < used; i++) d[i] = r->b[(r->head + offset + i) % r->n];
    return i;
}

size_t ring_pop(ring *r, void *dst, size_t n) {
    size_t got = ring_peek(r, 0, dst, n);
    r->head = (r->head + got) % r->n;
    return got;
}
