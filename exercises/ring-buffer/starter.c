#include <stdlib.h>
#include <string.h>
#include "ring-buffer.h"

struct ring {
    /* TODO: your fields */
    size_t capacity;
};

ring *ring_create(size_t capacity) {
    ring *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    r->capacity = capacity;
    return r;
}

void ring_destroy(ring *r) { free(r); }

size_t ring_used(const ring *r) { (void)r; return 0; /* TODO */ }
size_t ring_space(const ring *r) { return r->capacity - ring_used(r); }

size_t ring_push(ring *r, const void *src, size_t n) {
    (void)r; (void)src; (void)n;
    return 0; /* TODO */
}

size_t ring_pop(ring *r, void *dst, size_t n) {
    (void)r; (void)dst; (void)n;
    return 0; /* TODO */
}

size_t ring_peek(const ring *r, size_t offset, void *dst, size_t n) {
    (void)r; (void)offset; (void)dst; (void)n;
    return 0; /* TODO */
}
