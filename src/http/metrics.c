/* Counters for /metrics, kept in atomics: requests by route and status, a
 * latency histogram, open connections. */
#include "http/internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const int statuses[] = {200, 201, 202, 204, 400, 401, 403, 404, 405, 409, 413, 414, 415, 422, 429, 500, 503};
#define NSTATUS (sizeof statuses / sizeof statuses[0] + 1) /* + "other" */
static const double buckets[] = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};
#define NBUCKETS (sizeof buckets / sizeof buckets[0])

static atomic_ullong *counts; /* [(nroutes + 1) * NSTATUS]; the last route row is "unmatched" */
static size_t nroutes_m;
static atomic_ullong hist[NBUCKETS + 1];
static atomic_ullong hist_sum_us, hist_count;
static atomic_llong open_conns;

void metrics_init(size_t nroutes)
{
	free(counts);
	nroutes_m = nroutes;
	counts = calloc((nroutes + 1) * NSTATUS, sizeof *counts);
}

static size_t status_slot(int status)
{
	for (size_t i = 0; i < NSTATUS - 1; i++)
		if (statuses[i] == status)
			return i;
	return NSTATUS - 1;
}

void metrics_observe(int route_index, int status, int64_t duration_ns)
{
	size_t row = route_index < 0 || (size_t)route_index >= nroutes_m ? nroutes_m : (size_t)route_index;
	if (counts)
		atomic_fetch_add_explicit(&counts[row * NSTATUS + status_slot(status)], 1, memory_order_relaxed);
	double secs = (double)duration_ns / 1e9;
	size_t b = 0;
	while (b < NBUCKETS && secs > buckets[b])
		b++;
	atomic_fetch_add_explicit(&hist[b], 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&hist_sum_us, (unsigned long long)(duration_ns / 1000), memory_order_relaxed);
	atomic_fetch_add_explicit(&hist_count, 1, memory_order_relaxed);
}

void metrics_connections(int delta)
{
	atomic_fetch_add_explicit(&open_conns, delta, memory_order_relaxed);
}

struct buf {
	struct arena *a;
	char *p;
	size_t len, cap;
};

static void put(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(struct buf *b, const char *fmt, ...)
{
	for (;;) {
		va_list ap;
		va_start(ap, fmt);
		int n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
		if (n >= 0 && b->len + (size_t)n < b->cap) {
			b->len += (size_t)n;
			return;
		}
		size_t ncap = b->cap * 2 + (size_t)(n > 0 ? n : 0);
		char *np = arena_alloc(b->a, ncap);
		memcpy(np, b->p, b->len);
		b->p = np;
		b->cap = ncap;
	}
}

char *metrics_render(struct arena *a, const struct http_route *routes, size_t nroutes)
{
	struct buf b = {a, arena_alloc(a, 8192), 0, 8192};
	put(&b, "# HELP roster_http_requests_total HTTP requests by route and status.\n"
	        "# TYPE roster_http_requests_total counter\n");
	for (size_t r = 0; r <= nroutes && counts; r++) {
		for (size_t s = 0; s < NSTATUS; s++) {
			unsigned long long v = atomic_load_explicit(&counts[r * NSTATUS + s], memory_order_relaxed);
			if (!v)
				continue;
			char status[8];
			if (s < NSTATUS - 1)
				snprintf(status, sizeof status, "%d", statuses[s]);
			else
				snprintf(status, sizeof status, "other");
			if (r < nroutes)
				put(&b, "roster_http_requests_total{route=\"%s %s\",status=\"%s\"} %llu\n",
				    routes[r].method, routes[r].pattern, status, v);
			else
				put(&b, "roster_http_requests_total{route=\"unmatched\",status=\"%s\"} %llu\n", status,
				    v);
		}
	}
	put(&b, "# HELP roster_http_request_duration_seconds Time from the request line to the response.\n"
	        "# TYPE roster_http_request_duration_seconds histogram\n");
	unsigned long long cum = 0;
	for (size_t i = 0; i < NBUCKETS; i++) {
		cum += atomic_load_explicit(&hist[i], memory_order_relaxed);
		put(&b, "roster_http_request_duration_seconds_bucket{le=\"%g\"} %llu\n", buckets[i], cum);
	}
	cum += atomic_load_explicit(&hist[NBUCKETS], memory_order_relaxed);
	put(&b, "roster_http_request_duration_seconds_bucket{le=\"+Inf\"} %llu\n", cum);
	put(&b, "roster_http_request_duration_seconds_sum %.6f\n",
	    (double)atomic_load_explicit(&hist_sum_us, memory_order_relaxed) / 1e6);
	put(&b, "roster_http_request_duration_seconds_count %llu\n",
	    atomic_load_explicit(&hist_count, memory_order_relaxed));
	put(&b,
	    "# HELP roster_http_open_connections Open client connections.\n"
	    "# TYPE roster_http_open_connections gauge\n"
	    "roster_http_open_connections %lld\n",
	    (long long)atomic_load_explicit(&open_conns, memory_order_relaxed));
	return b.p;
}
