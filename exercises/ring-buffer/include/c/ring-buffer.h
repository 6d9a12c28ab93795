#ifndef PROCTOR_RING_BUFFER_H
#define PROCTOR_RING_BUFFER_H

#include <stddef.h>

/* A fixed-capacity FIFO of bytes shared by one producer and one consumer
 * (single-threaded here). All `capacity` bytes are usable. */
typedef struct ring ring;

/* capacity >= 1. Returns NULL only if memory cannot be allocated. */
ring *ring_create(size_t capacity);
void ring_destroy(ring *r);

/* Number of bytes currently stored / free space (used + space == capacity). */
size_t ring_used(const ring *r);
size_t ring_space(const ring *r);

/* Append up to n bytes from src; returns how many were accepted
 * (min(n, space)); the accepted bytes are the first ones of src. */
size_t ring_push(ring *r, const void *src, size_t n);

/* Remove up to n of the oldest bytes into dst; returns how many
 * (min(n, used)). */
size_t ring_pop(ring *r, void *dst, size_t n);

/* Copy up to n bytes starting `offset` bytes after the oldest one into dst,
 * without removing anything; returns how many were copied
 * (0 if offset >= used, else min(n, used - offset)). */
size_t ring_peek(const ring *r, size_t offset, void *dst, size_t n);

#endif
