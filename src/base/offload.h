#ifndef ROSTER_BASE_OFFLOAD_H
#define ROSTER_BASE_OFFLOAD_H

#include <stdbool.h>

/* A fixed set of threads fed by a bounded queue: the HTTP server's CPU
 * pool (password hashing), and the background work a request hands on to
 * run after its answer. */
struct offload;
/* run(item, late): late is true when the item waited longer than max_wait_ms. */
struct offload *offload_new(int threads, int queue_max, int max_wait_ms, void (*run)(void *item, bool late));
/* False when the queue is full. */
bool offload_submit(struct offload *o, void *item);
/* Runs what is queued, then joins the workers. NULL is fine. */
void offload_free(struct offload *o);

#endif
