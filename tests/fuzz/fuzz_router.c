/* libFuzzer target: arbitrary methods and paths through the route table. */
#include "api/api.h"
#include "http/internal.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct router *rt;
	if (!rt)
		rt = router_new(api_routes, api_nroutes);
	if (size < 1)
		return 0;
	struct arena *a = arena_new();
	/* First byte picks the method; the rest is the path. */
	static const char *const methods[] = {"GET", "POST", "PATCH", "PUT", "DELETE", "HEAD"};
	const char *method = methods[data[0] % 6];
	char *path = arena_strndup(a, (const char *)data + 1, size - 1);
	const char *names[ROUTE_MAX_PARAMS], *values[ROUTE_MAX_PARAMS];
	int n = 0;
	bool known;
	char allow[128];
	int idx = router_match(rt, a, method, path, names, values, &n, &known, allow, sizeof allow);
	if (idx >= 0 && (strcmp(api_routes[idx].method, method) || n < 0 || n > ROUTE_MAX_PARAMS))
		__builtin_trap();
	if (idx < 0 && known && !allow[0])
		__builtin_trap();
	arena_free(a);
	return 0;
}
