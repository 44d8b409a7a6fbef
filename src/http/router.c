/* Routes are data (STYLE.md): the table is compiled once into segments and
 * matched segment by segment against the raw path, as the client sent it;
 * {name} captures one segment, decoded only once the route is known.
 *
 * Where two patterns match the same path, the one with a literal segment
 * at the first position where they differ decides ("members/remove" over
 * "members/{user}"), for every method: a method the literal route lacks is
 * 405 with its methods, never a fall into the parameter route. */
#include "http/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SEGMENTS 12

struct compiled {
	const char *method;
	int nseg;
	unsigned literal;        /* bit MAX_SEGMENTS-1-k set: segment k is literal (earlier segments weigh more) */
	char *seg[MAX_SEGMENTS]; /* literal, or "{name}" */
};

struct router {
	struct compiled *routes;
	size_t n;
};

struct router *router_new(const struct http_route *routes, size_t n)
{
	struct router *rt = calloc(1, sizeof *rt);
	rt->routes = calloc(n, sizeof *rt->routes);
	rt->n = n;
	for (size_t i = 0; i < n; i++) {
		struct compiled *c = &rt->routes[i];
		c->method = routes[i].method;
		char *copy = strdup(routes[i].pattern);
		for (char *save = NULL, *tok = strtok_r(copy, "/", &save); tok && c->nseg < MAX_SEGMENTS;
		     tok = strtok_r(NULL, "/", &save)) {
			if (tok[0] != '{')
				c->literal |= 1u << (MAX_SEGMENTS - 1 - c->nseg);
			c->seg[c->nseg++] = strdup(tok);
		}
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

/* Literal segments compare byte for byte with the raw ones: "%72oles" is
 * not "roles". */
static bool match_path(const struct compiled *c, char **segs, int nseg)
{
	if (c->nseg != nseg)
		return false;
	for (int k = 0; k < nseg; k++)
		if (c->seg[k][0] != '{' && strcmp(c->seg[k], segs[k]))
			return false;
	return true;
}

static int capture(const struct compiled *c, struct arena *a, char **segs, const char **names, const char **values)
{
	int np = 0;
	for (int k = 0; k < c->nseg; k++) {
		const char *p = c->seg[k];
		if (p[0] != '{')
			continue;
		if (np < ROUTE_MAX_PARAMS && names) {
			names[np] = arena_strndup(a, p + 1, strlen(p) - 2);
			values[np] = segs[k];
		}
		np++;
	}
	return np < ROUTE_MAX_PARAMS ? np : ROUTE_MAX_PARAMS;
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
	/* The most literal pattern that matches decides. Two patterns with the
	 * same literal positions that both match this path are the same
	 * pattern, so the best one names one set of routes. */
	bool any = false;
	unsigned best = 0;
	for (size_t i = 0; i < rt->n; i++) {
		const struct compiled *c = &rt->routes[i];
		if (match_path(c, segs, nseg) && (!any || c->literal > best)) {
			best = c->literal;
			any = true;
		}
	}
	if (!any)
		return -1;
	size_t used = 0;
	for (size_t i = 0; i < rt->n; i++) {
		const struct compiled *c = &rt->routes[i];
		if (c->literal != best || !match_path(c, segs, nseg))
			continue;
		if (!strcmp(c->method, method)) {
			int np = capture(c, a, segs, names, values);
			if (out_nparams)
				*out_nparams = np;
			return (int)i;
		}
		*out_path_known = true;
		if (out_allow && used + strlen(c->method) + 3 < allow_len)
			used += (size_t)snprintf(out_allow + used, allow_len - used, "%s%s", used ? ", " : "",
			                         c->method);
	}
	return -1;
}

void router_resolve(const struct router *rt, struct arena *a, const char *method, const char *target,
                    struct route_target *out)
{
	memset(out, 0, sizeof *out);
	out->index = -1;
	size_t plen = strcspn(target, "?");
	const char *path = arena_strndup(a, target, plen);
	out->path = path;
	const char *raw[ROUTE_MAX_PARAMS];
	bool known;
	out->index = router_match(rt, a, method, path, out->names, raw, &out->nparams, &known, out->allow,
	                          sizeof out->allow);
	if (out->index < 0) {
		if (known)
			out->code = E_METHOD_NOT_ALLOWED;
		else
			out->code = url_escapes_valid(path, plen) ? E_NOT_FOUND : E_BAD_REQUEST;
		return;
	}
	for (int i = 0; i < out->nparams; i++) {
		switch (url_param_decode(a, raw[i], strlen(raw[i]), &out->values[i])) {
		case URL_OK:
			continue;
		case URL_NOT_A_SEGMENT:
			out->code = E_NOT_FOUND;
			break;
		case URL_BAD_ESCAPE:
		case URL_NOT_TEXT:
			out->code = E_BAD_REQUEST;
			out->field = out->names[i];
			break;
		}
		out->index = -1;
		return;
	}
	if (target[plen] == '?') {
		const char *q = target + plen + 1;
		out->code = url_query_parse(a, q, strlen(q), &out->query, &out->nquery, &out->field);
		if (out->code)
			out->index = -1;
	}
}
