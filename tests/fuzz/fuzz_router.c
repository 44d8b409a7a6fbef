/* libFuzzer target: arbitrary methods and raw request targets through the
 * route table, as the dispatcher routes them: the raw matcher, then the
 * decoding of parameters and query. */
#include "api/api.h"
#include "base/text.h"
#include "http/internal.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct router *rt;
	if (!rt) {
		size_t n;
		const struct http_route *routes = api_http_routes(&n);
		rt = router_new(routes, n);
	}
	if (size < 1)
		return 0;
	struct arena *a = arena_new();
	/* First byte picks the method; the rest is the target (up to a NUL, as the URI callback sees it). */
	static const char *const methods[] = {"GET", "POST", "PATCH", "PUT", "DELETE", "HEAD"};
	const char *method = methods[data[0] % 6];
	char *target = arena_strndup(a, (const char *)data + 1, size - 1);

	const char *names[ROUTE_MAX_PARAMS], *values[ROUTE_MAX_PARAMS];
	int n = 0;
	bool known;
	char allow[128];
	int idx = router_match(rt, a, method, target, names, values, &n, &known, allow, sizeof allow);
	if (idx >= 0 && (strcmp(api_routes[idx].method, method) || n < 0 || n > ROUTE_MAX_PARAMS))
		__builtin_trap();
	if (idx < 0 && known && !allow[0])
		__builtin_trap();

	struct route_target t;
	router_resolve(rt, a, method, target, &t);
	if (strchr(t.path, '?') || strncmp(t.path, target, strlen(t.path)))
		__builtin_trap();
	if (t.index >= 0) {
		if (t.code != E_OK || strcmp(api_routes[t.index].method, method))
			__builtin_trap();
		for (int i = 0; i < t.nparams; i++) {
			const char *v = t.values[i];
			if (!v || !utf8_valid(v, strlen(v)) || strchr(v, '/') || !strcmp(v, ".") || !strcmp(v, ".."))
				__builtin_trap();
		}
		for (int i = 0; i < t.nquery; i++)
			if (!utf8_valid(t.query[i].value, strlen(t.query[i].value)))
				__builtin_trap();
	} else {
		if (t.code != E_NOT_FOUND && t.code != E_METHOD_NOT_ALLOWED && t.code != E_BAD_REQUEST)
			__builtin_trap();
		if (t.code == E_METHOD_NOT_ALLOWED && !t.allow[0])
			__builtin_trap();
	}
	arena_free(a);
	return 0;
}
