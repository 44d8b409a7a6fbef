/* Routes are data (STYLE.md): the table is compiled once into segments and
 * matched segment by segment; {name} captures one segment. */
#include "http/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SEGMENTS 12

struct compiled {
	const char *method;
	int nseg;
	char *seg[MAX_SEGMENTS]; /* literal, or "{name}" */
};

struct router {
	struct compiled *routes;
	size_t n;
};

struct router *router_new(const struct route *routes, size_t n)
{
	struct router *rt = calloc(1, sizeof *rt);
	rt->routes = calloc(n, sizeof *rt->routes);
	rt->n = n;
	for (size_t i = 0; i < n; i++) {
		struct compiled *c = &rt->routes[i];
		c->method = routes[i].method;
		char *copy = strdup(routes[i].pattern);
		for (char *save = NULL, *tok = strtok_r(copy, "/", &save); tok && c->nseg < MAX_SEGMENTS;
		     tok = strtok_r(NULL, "/", &save))
			c->seg[c->nseg++] = strdup(tok);
		free(copy);
	}
	return rt;
}

void router_free(struct router *rt)
{
	if (!rt)
		return;
	for (size_t i = 0; i < rt->n; i++)
		for (int k = 0; k < rt->routes[i].nseg; k++)
			free(rt->routes[i].seg[k]);
	free(rt->routes);
	free(rt);
}

static bool match_path(const struct compiled *c, struct arena *a, char **segs, int nseg, const char **names,
                       const char **values, int *out_n)
{
	if (c->nseg != nseg)
		return false;
	int np = 0;
	for (int k = 0; k < nseg; k++) {
		const char *p = c->seg[k];
		if (p[0] == '{') {
			if (np < ROUTE_MAX_PARAMS && names) {
				size_t len = strlen(p);
				names[np] = arena_strndup(a, p + 1, len - 2);
				values[np] = segs[k];
			}
			np++;
		} else if (strcmp(p, segs[k])) {
			return false;
		}
	}
	if (out_n)
		*out_n = np < ROUTE_MAX_PARAMS ? np : ROUTE_MAX_PARAMS;
	return true;
}

int router_match(const struct router *rt, struct arena *a, const char *method, const char *path, const char **names,
                 const char **values, int *out_nparams, bool *out_path_known, char *out_allow, size_t allow_len)
{
	*out_path_known = false;
	if (out_allow && allow_len)
		out_allow[0] = '\0';
	if (path[0] != '/')
		return -1;
	/* Split into segments; an empty segment ("//", a trailing '/') matches nothing. */
	char *segs[MAX_SEGMENTS + 1];
	int nseg = 0;
	const char *p = path + 1;
	if (*p) {
		for (;;) {
			const char *slash = strchr(p, '/');
			size_t len = slash ? (size_t)(slash - p) : strlen(p);
			if (len == 0 || nseg == MAX_SEGMENTS)
				return -1;
			segs[nseg++] = arena_strndup(a, p, len);
			if (!slash)
				break;
			p = slash + 1;
		}
	}
	size_t used = 0;
	for (size_t i = 0; i < rt->n; i++) {
		const struct compiled *c = &rt->routes[i];
		if (!strcmp(c->method, method)) {
			if (match_path(c, a, segs, nseg, names, values, out_nparams))
				return (int)i;
		} else if (match_path(c, a, segs, nseg, NULL, NULL, NULL)) {
			*out_path_known = true;
			if (out_allow && used + strlen(c->method) + 3 < allow_len) {
				used += (size_t)snprintf(out_allow + used, allow_len - used, "%s%s", used ? ", " : "",
				                         c->method);
			}
		}
	}
	return -1;
}
