/* A pool of threads on a bounded queue. The HTTP server's CPU pool has a
 * thread per core for work that burns CPU, argon2id above all, so that a
 * login storm queues there instead of occupying the connection threads;
 * an item that waited too long is run with late = true and answers 503. */
#include "base/offload.h"

#include "base/clock.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

struct slot {
	void *item;
	int64_t queued_ns;
};

struct offload {
	pthread_mutex_t lock;
	pthread_cond_t ready;
	struct slot *ring;
	int cap, head, count;
	bool stopping;
	int nthreads;
	int64_t max_wait_ns;
	void (*run)(void *item, bool late);
	pthread_t threads[];
};

static void *worker(void *arg)
{
	struct offload *o = arg;
	for (;;) {
		pthread_mutex_lock(&o->lock);
		while (!o->count && !o->stopping)
			pthread_cond_wait(&o->ready, &o->lock);
		if (!o->count) {
			pthread_mutex_unlock(&o->lock);
			return NULL;
		}
		struct slot s = o->ring[o->head];
		o->head = (o->head + 1) % o->cap;
		o->count--;
		pthread_mutex_unlock(&o->lock);
		o->run(s.item, clock_mono_ns() - s.queued_ns > o->max_wait_ns);
	}
}

struct offload *offload_new(int threads, int queue_max, int max_wait_ms, void (*run)(void *item, bool late))
{
	struct offload *o = calloc(1, sizeof *o + (size_t)threads * sizeof(pthread_t));
	pthread_mutex_init(&o->lock, NULL);
	pthread_cond_init(&o->ready, NULL);
	o->ring = calloc((size_t)queue_max, sizeof *o->ring);
	o->cap = queue_max;
	o->run = run;
	o->max_wait_ns = (int64_t)max_wait_ms * 1000000;
	for (int i = 0; i < threads; i++)
		if (pthread_create(&o->threads[i], NULL, worker, o) == 0)
			o->nthreads++;
	return o;
}

bool offload_submit(struct offload *o, void *item)
{
	pthread_mutex_lock(&o->lock);
	bool ok = o->count < o->cap && !o->stopping;
	if (ok) {
		o->ring[(o->head + o->count) % o->cap] = (struct slot){item, clock_mono_ns()};
		o->count++;
		pthread_cond_signal(&o->ready);
	}
	pthread_mutex_unlock(&o->lock);
	return ok;
}

void offload_free(struct offload *o)
{
	if (!o)
		return;
	pthread_mutex_lock(&o->lock);
	o->stopping = true;
	pthread_cond_broadcast(&o->ready);
	pthread_mutex_unlock(&o->lock);
	for (int i = 0; i < o->nthreads; i++)
		pthread_join(o->threads[i], NULL);
	free(o->ring);
	pthread_mutex_destroy(&o->lock);
	pthread_cond_destroy(&o->ready);
	free(o);
}
