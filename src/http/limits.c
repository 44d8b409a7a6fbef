/* Connections per client address group (addr_group(): an IPv4 address, or
 * an IPv6 /64), counted by the server's connection callbacks and checked
 * by its accept policy. A table of counts under one lock: an entry exists
 * while its group holds a connection, so the table never holds more
 * entries than there are connections. */
#include "http/internal.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ADDR_BUCKETS 256

struct addr_entry {
	struct addr_entry *next;
	int count;
	char group[ADDR_GROUP_MAX];
};

struct addr_limit {
	pthread_mutex_t lock;
	int max;
	struct addr_entry *buckets[ADDR_BUCKETS];
};

struct addr_limit *addr_limit_new(int max)
{
	struct addr_limit *l = calloc(1, sizeof *l);
	if (!l)
		return NULL;
	pthread_mutex_init(&l->lock, NULL);
	l->max = max;
	return l;
}

void addr_limit_free(struct addr_limit *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < ADDR_BUCKETS; i++)
		for (struct addr_entry *e = l->buckets[i], *next; e; e = next) {
			next = e->next;
			free(e);
		}
	pthread_mutex_destroy(&l->lock);
	free(l);
}

static struct addr_entry **slot(struct addr_limit *l, const char *group)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (const unsigned char *p = (const unsigned char *)group; *p; p++)
		h = (h ^ *p) * 16777619u;
	struct addr_entry **pe = &l->buckets[h % ADDR_BUCKETS];
	while (*pe && strcmp((*pe)->group, group))
		pe = &(*pe)->next;
	return pe;
}

int addr_limit_count(struct addr_limit *l, const char *group)
{
	pthread_mutex_lock(&l->lock);
	struct addr_entry *e = *slot(l, group);
	int n = e ? e->count : 0;
	pthread_mutex_unlock(&l->lock);
	return n;
}

bool addr_limit_allows(struct addr_limit *l, const char *group)
{
	return addr_limit_count(l, group) < l->max;
}

int addr_limit_add(struct addr_limit *l, const char *group, int delta)
{
	int n = 0;
	pthread_mutex_lock(&l->lock);
	struct addr_entry **pe = slot(l, group);
	if (!*pe && delta > 0) {
		struct addr_entry *e = calloc(1, sizeof *e);
		if (e) {
			snprintf(e->group, sizeof e->group, "%s", group);
			*pe = e;
		}
	}
	if (*pe) {
		(*pe)->count += delta;
		n = (*pe)->count;
		if ((*pe)->count <= 0) {
			struct addr_entry *gone = *pe;
			*pe = gone->next;
			free(gone);
		}
	}
	pthread_mutex_unlock(&l->lock);
	return n;
}
