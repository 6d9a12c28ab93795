/* WRONG: peek copies one contiguous block and ignores the wrap-around at
 * the end of the storage (pop, which splits correctly, is fine). */
#include <stdlib.h>
#include <string.h>
#include "ring-buffer.h"

struct ring {
    unsigned char *buf;
    size_t cap, head, used;
};

ring *ring_create(size_t capacity) {
    ring *r = malloc(sizeof *r);
    if (!r) return NULL;
    r->buf = malloc(capacity);
    if (!r->buf) { free(r); return NULL; }
    r->cap = capacity;
    r->head = r->used = 0;
    return r;
}

void ring_destroy(ring *r) {
    if (!r) return;
    free(r->buf);
    free(r);
}

size_t ring_used(const ring *r) { return r->used; }
size_t ring_space(const ring *r) { return r->cap - r->used; }

size_t ring_push(ring *r, const void *src, size_t n) {
    if (n > r->cap - r->used) n = r->cap - r->used;
    size_t tail = (r->head + r->used) % r->cap;
    size_t first = n < r->cap - tail ? n : r->cap - tail;
    memcpy(r->buf + tail, src, first);
    memcpy(r->buf, (const unsigned char *)src + first, n - first);
    r->used += n;
    return n;
}

size_t ring_peek(const ring *r, size_t offset, void *dst, size_t n) {
    if (offset >= r->used) return 0;
    if (n > r->used - offset) n = r->used - offset;
    size_t start = (r->head + offset) % r->cap;
    if (start + n > r->cap) n = r->cap - start; /* "can't read past the end" */
    memcpy(dst, r->buf + start, n);
    return n;
}

static size_t pop_copy(const ring *r, void *dst, size_t n) {
    if (n > r->used) n = r->used;
    size_t first = n < r->cap - r->head ? n : r->cap - r->head;
    memcpy(dst, r->buf + r->head, first);
    memcpy((unsigned char *)dst + first, r->buf, n - first);
    return n;
}

size_t ring_pop(ring *r, void *dst, size_t n) {
    n = pop_copy(r, dst, n);
    r->head = (r->head + n) % r->cap;
    r->used -= n;
    return n;
}
