#include "testutil.h"

#include "api/api.h"
#include "http/internal.h"

static const struct http_route routes[] = {
        {"GET", "/healthz", 0, NULL},
        {"GET", "/api/v1/me", 0, NULL},
        {"PATCH", "/api/v1/me", 0, NULL},
        {"POST", "/api/v1/auth/login", 0, NULL},
        {"GET", "/api/v1/orgs/{org}/members/{user}", 0, NULL},
        {"DELETE", "/api/v1/orgs/{org}/members/{user}", 0, NULL},
        {"GET", "/api/v1/orgs/{org}/members", 0, NULL},
        {"GET", "/api/v1/invitations/{token}", 0, NULL},
};
#define NROUTES (sizeof routes / sizeof routes[0])

struct match {
	int index;
	int nparams;
	bool path_known;
	char allow[128];
	const char *names[ROUTE_MAX_PARAMS], *values[ROUTE_MAX_PARAMS];
};

static int match(struct router *rt, struct arena *a, const char *method, const char *path, struct match *m)
{
	memset(m, 0, sizeof *m);
	m->nparams = -1;
	m->path_known = true; /* must be reset by the router */
	snprintf(m->allow, sizeof m->allow, "junk");
	m->index = router_match(rt, a, method, path, m->names, m->values, &m->nparams, &m->path_known, m->allow,
	                        sizeof m->allow);
	return m->index;
}

static int group_setup(void **state)
{
	*state = router_new(routes, NROUTES);
	return *state ? 0 : -1;
}

static int group_teardown(void **state)
{
	router_free(*state);
	return 0;
}

static void exact_paths_match(void **state)
{
	struct router *rt = *state;
	struct arena *a = arena_new();
	struct match m;
	assert_int_equal(match(rt, a, "GET", "/healthz", &m), 0);
	assert_int_equal(m.nparams, 0);
	assert_int_equal(match(rt, a, "GET", "/api/v1/me", &m), 1);
	assert_int_equal(match(rt, a, "PATCH", "/api/v1/me", &m), 2);
	assert_int_equal(match(rt, a, "POST", "/api/v1/auth/login", &m), 3);
	assert_int_equal(match(rt, a, "GET", "/api/v1/orgs/org_1/members", &m), 6);
	assert_int_equal(m.nparams, 1);
	arena_free(a);
}

static void params_are_captured(void **state)
{
	struct router *rt = *state;
	struct arena *a = arena_new();
	struct match m;
	assert_int_equal(match(rt, a, "GET", "/api/v1/orgs/org_abc/members/usr_xyz", &m), 4);
	assert_int_equal(m.nparams, 2);
	assert_string_equal(m.names[0], "org");
	assert_string_equal(m.values[0], "org_abc");
	assert_string_equal(m.names[1], "user");
	assert_string_equal(m.values[1], "usr_xyz");
	assert_false(m.path_known);
	assert_int_equal(match(rt, a, "DELETE", "/api/v1/orgs/o/members/u", &m), 5);
	assert_string_equal(m.values[0], "o");
	assert_string_equal(m.values[1], "u");
	/* Values are taken as they come: no decoding, any characters but '/'. */
	assert_int_equal(match(rt, a, "GET", "/api/v1/invitations/a%2Fb.c-d_e~", &m), 7);
	assert_int_equal(m.nparams, 1);
	assert_string_equal(m.names[0], "token");
	assert_string_equal(m.values[0], "a%2Fb.c-d_e~");
	arena_free(a);
}

static void empty_segments_never_match(void **state)
{
	struct router *rt = *state;
	struct arena *a = arena_new();
	struct match m;
	const char *paths[] = {"/healthz/",
	                       "//healthz",
	                       "/api/v1//me",
	                       "/api//v1/me",
	                       "/api/v1/me/",
	                       "/api/v1/orgs//members/u",
	                       "/api/v1/orgs/o/members/",
	                       "/api/v1/orgs/o/members//",
	                       "/api/v1/invitations/",
	                       "/api/v1/invitations//",
	                       "healthz",
	                       "",
	                       "/",
	                       "//"};
	for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
		if (match(rt, a, "GET", paths[i], &m) != -1)
			fail_msg("'%s' matched route %d", paths[i], m.index);
		if (m.path_known)
			fail_msg("'%s' is known", paths[i]);
		assert_string_equal(m.allow, "");
	}
	arena_free(a);
}

static void unknown_paths_are_not_known(void **state)
{
	struct router *rt = *state;
	struct arena *a = arena_new();
	struct match m;
	const char *paths[] = {"/nope",
	                       "/HEALTHZ",
	                       "/healthz/x",
	                       "/api/v1",
	                       "/api/v1/me/x",
	                       "/api/v1/orgs/o",
	                       "/api/v1/orgs/o/members/u/x",
	                       "/api/v2/me"};
	for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
		assert_int_equal(match(rt, a, "GET", paths[i], &m), -1);
		assert_false(m.path_known);
		assert_string_equal(m.allow, "");
		assert_int_equal(match(rt, a, "POST", paths[i], &m), -1);
		assert_false(m.path_known);
	}
	arena_free(a);
}

static void wrong_method_lists_the_allowed_ones(void **state)
{
	struct router *rt = *state;
	struct arena *a = arena_new();
	struct match m;
	assert_int_equal(match(rt, a, "POST", "/healthz", &m), -1);
	assert_true(m.path_known);
	assert_string_equal(m.allow, "GET");
	assert_int_equal(match(rt, a, "PUT", "/api/v1/me", &m), -1);
	assert_true(m.path_known);
	assert_string_equal(m.allow, "GET, PATCH");
	assert_int_equal(match(rt, a, "PATCH", "/api/v1/orgs/o/members/u", &m), -1);
	assert_true(m.path_known);
	assert_string_equal(m.allow, "GET, DELETE");
	assert_int_equal(match(rt, a, "GET", "/api/v1/auth/login", &m), -1);
	assert_string_equal(m.allow, "POST");
	/* Methods are case-sensitive (RFC 9110 §9.1). */
	assert_int_equal(match(rt, a, "get", "/healthz", &m), -1);
	assert_true(m.path_known);
	arena_free(a);
}

static void small_allow_buffer_is_not_overrun(void **state)
{
	struct router *rt = *state;
	struct arena *a = arena_new();
	bool known = false;
	int n = -1;
	char allow[8];
	memset(allow, 'Z', sizeof allow);
	assert_int_equal(router_match(rt, a, "PUT", "/api/v1/me", NULL, NULL, &n, &known, allow, 5), -1);
	assert_true(known);
	assert_true(strlen(allow) < 5);
	assert_int_equal(allow[5], 'Z');
	/* No buffer at all is fine too. */
	assert_int_equal(router_match(rt, a, "PUT", "/api/v1/me", NULL, NULL, &n, &known, NULL, 0), -1);
	assert_true(known);
	arena_free(a);
}

static void many_segments_and_params(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	static const struct http_route deep[] = {
	        {"GET", "/", 0, NULL},
	        {"GET", "/{a}/{b}/{c}/{d}/{e}/{f}/{g}/{h}", 0, NULL},
	};
	struct router *rt = router_new(deep, 2);
	struct match m;
	assert_int_equal(match(rt, a, "GET", "/", &m), 0);
	assert_int_equal(m.nparams, 0);
	/* More params than ROUTE_MAX_PARAMS: the first ones are kept, the arrays not overrun. */
	assert_int_equal(match(rt, a, "GET", "/1/2/3/4/5/6/7/8", &m), 1);
	assert_int_equal(m.nparams, ROUTE_MAX_PARAMS);
	assert_string_equal(m.names[0], "a");
	assert_string_equal(m.values[ROUTE_MAX_PARAMS - 1], "6");
	/* Very long paths are refused, not overflowed. */
	char *path = "";
	for (int i = 0; i < 40; i++)
		path = arena_printf(a, "%s/s%d", path, i);
	assert_int_equal(match(rt, a, "GET", path, &m), -1);
	assert_false(m.path_known);
	router_free(rt);
	router_free(NULL);
	arena_free(a);
}

static void first_matching_route_wins(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	static const struct http_route both[] = {
	        {"GET", "/users/me", 0, NULL},
	        {"GET", "/users/{id}", 0, NULL},
	};
	struct router *rt = router_new(both, 2);
	struct match m;
	assert_int_equal(match(rt, a, "GET", "/users/me", &m), 0);
	assert_int_equal(m.nparams, 0);
	assert_int_equal(match(rt, a, "GET", "/users/usr_1", &m), 1);
	assert_string_equal(m.values[0], "usr_1");
	router_free(rt);
	arena_free(a);
}

/* Wherever one pattern has a literal segment and another a parameter, the
 * literal decides for every method, whatever the order of the table. */
static void literal_segments_win_for_every_method(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	static const struct http_route table[] = {
	        {"GET", "/orgs/{org}/members/{user}", 0, NULL},    {"PATCH", "/orgs/{org}/members/{user}", 0, NULL},
	        {"DELETE", "/orgs/{org}/members/{user}", 0, NULL}, {"POST", "/orgs/{org}/members/remove", 0, NULL},
	        {"GET", "/orgs/{org}/{what}/x", 0, NULL},          {"PUT", "/orgs/o/members/{user}", 0, NULL},
	};
	struct router *rt = router_new(table, sizeof table / sizeof table[0]);
	struct match m;
	static const char *const methods[] = {"GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "FOO"};
	for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++) {
		if (match(rt, a, methods[i], "/orgs/p/members/remove", &m) != -1)
			fail_msg("%s members/remove matched route %d", methods[i], m.index);
		assert_true(m.path_known);
		assert_string_equal(m.allow, "POST");
	}
	assert_int_equal(match(rt, a, "POST", "/orgs/p/members/remove", &m), 3);
	assert_int_equal(m.nparams, 1);
	assert_string_equal(m.values[0], "p");
	/* Other users are the parameter route's. */
	assert_int_equal(match(rt, a, "GET", "/orgs/p/members/usr_1", &m), 0);
	assert_int_equal(match(rt, a, "POST", "/orgs/p/members/usr_1", &m), -1);
	assert_string_equal(m.allow, "GET, PATCH, DELETE");
	/* The first position where patterns differ decides: "o" over {org}. */
	assert_int_equal(match(rt, a, "PUT", "/orgs/o/members/remove", &m), 5);
	assert_int_equal(match(rt, a, "GET", "/orgs/o/members/remove", &m), -1);
	assert_string_equal(m.allow, "PUT");
	assert_int_equal(match(rt, a, "GET", "/orgs/o/members/u", &m), -1);
	assert_string_equal(m.allow, "PUT");
	/* "members" over {what}, but only where the rest matches too. */
	assert_int_equal(match(rt, a, "GET", "/orgs/p/members/x", &m), 0);
	assert_int_equal(match(rt, a, "GET", "/orgs/p/teams/x", &m), 4);
	router_free(rt);
	arena_free(a);
}

/* The same over the real route table: for each route's path (parameters
 * filled in), every method either reaches a route of exactly that pattern
 * or is 405 with exactly that pattern's methods. */
static void every_route_of_the_table_decides_its_own_path(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	size_t nhttp;
	const struct http_route *http_routes = api_http_routes(&nhttp);
	struct router *rt = router_new(http_routes, nhttp);
	static const char *const methods[] = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"};
	for (size_t i = 0; i < api_nroutes; i++) {
		char path[256] = "";
		size_t used = 0;
		for (const char *p = api_routes[i].pattern; *p && used + 8 < sizeof path;) {
			if (*p == '{') {
				used += (size_t)snprintf(path + used, sizeof path - used, "x1");
				p = strchr(p, '}') + 1;
			} else {
				path[used++] = *p++;
				path[used] = '\0';
			}
		}
		char allow[128] = "";
		size_t au = 0;
		for (size_t k = 0; k < api_nroutes; k++)
			if (!strcmp(api_routes[k].pattern, api_routes[i].pattern))
				au += (size_t)snprintf(allow + au, sizeof allow - au, "%s%s", au ? ", " : "",
				                       api_routes[k].method);
		for (size_t mi = 0; mi < sizeof methods / sizeof methods[0]; mi++) {
			struct match m;
			int idx = match(rt, a, methods[mi], path, &m);
			if (idx >= 0) {
				if (strcmp(api_routes[idx].pattern, api_routes[i].pattern))
					fail_msg("%s %s went to %s", methods[mi], path, api_routes[idx].pattern);
				assert_string_equal(api_routes[idx].method, methods[mi]);
			} else if (!m.path_known || strcmp(m.allow, allow)) {
				fail_msg("%s %s: known %d, Allow '%s', expected '%s'", methods[mi], path, m.path_known,
				         m.allow, allow);
			}
		}
	}
	router_free(rt);
	arena_free(a);
}

static int resolve(struct router *rt, struct arena *a, const char *method, const char *target, struct route_target *out)
{
	router_resolve(rt, a, method, target, out);
	return out->index;
}

/* Routing is on the raw path; parameters and the query are decoded after. */
static void targets_are_routed_raw_and_decoded_after(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	static const struct http_route table[] = {
	        {"GET", "/healthz", 0, NULL},
	        {"GET", "/orgs/{org}", 0, NULL},
	        {"GET", "/orgs/{org}/roles", 0, NULL},
	        {"GET", "/orgs/{org}/members", 0, NULL},
	        {"POST", "/orgs/{org}/members/remove", 0, NULL},
	        {"GET", "/orgs/{org}/members/{user}", 0, NULL},
	};
	struct router *rt = router_new(table, sizeof table / sizeof table[0]);
	struct route_target t;
	assert_int_equal(resolve(rt, a, "GET", "/orgs/org_1/roles", &t), 2);
	assert_string_equal(t.values[0], "org_1");
	assert_string_equal(t.path, "/orgs/org_1/roles");
	/* Not found, as data: an encoded separator is one segment that decodes
	 * to a '/'; a NUL no longer cuts the path short; dot segments are not
	 * walked; literal segments compare byte for byte (an escaped letter is
	 * not the letter). */
	static const char *const not_found[] = {
	        "/orgs/org_1%2Froles", "/orgs/org_1%2froles", "/orgs/org_1%00/members",
	        "/healthz%00abc",      "/orgs/%2e%2e/roles",  "/orgs/../roles",
	        "/%68ealthz",          "/orgs/o/%72oles",     "/orgs/o/r%6Fles",
	};
	for (size_t i = 0; i < sizeof not_found / sizeof not_found[0]; i++) {
		if (resolve(rt, a, "GET", not_found[i], &t) != -1 || t.code != E_NOT_FOUND)
			fail_msg("%s: expected 404, got route %d code %d", not_found[i], t.index, t.code);
	}
	assert_int_equal(resolve(rt, a, "GET", "/orgs/o/members/remove", &t), -1);
	assert_int_equal(t.code, E_METHOD_NOT_ALLOWED);
	assert_string_equal(t.allow, "POST");
	/* Parameters are decoded once matched. */
	assert_int_equal(resolve(rt, a, "GET", "/orgs/caf%C3%A9/members/a%20b", &t), 5);
	assert_string_equal(t.values[0], "caf\xc3\xa9");
	assert_string_equal(t.values[1], "a b");
	assert_int_equal(resolve(rt, a, "GET", "/orgs/org%F0/members", &t), -1);
	assert_int_equal(t.code, E_BAD_REQUEST);
	assert_string_equal(t.field, "org");
	assert_int_equal(resolve(rt, a, "GET", "/orgs/o/members/%zz", &t), -1);
	assert_int_equal(t.code, E_BAD_REQUEST);
	assert_string_equal(t.field, "user");
	/* A malformed escape where no route matches: 400 too, without a field. */
	assert_int_equal(resolve(rt, a, "GET", "/nope%", &t), -1);
	assert_int_equal(t.code, E_BAD_REQUEST);
	assert_null(t.field);
	assert_int_equal(resolve(rt, a, "GET", "/nope%41", &t), -1);
	assert_int_equal(t.code, E_NOT_FOUND);
	arena_free(a);
	router_free(rt);
}

static void the_query_is_decoded_with_the_route(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	static const struct http_route table[] = {
	        {"GET", "/orgs", 0, NULL},
	};
	struct router *rt = router_new(table, 1);
	struct route_target t;
	assert_int_equal(resolve(rt, a, "GET", "/orgs?q=Jo+Smith&limit=2&q=second", &t), 0);
	assert_string_equal(t.path, "/orgs");
	assert_int_equal(t.nquery, 3);
	assert_string_equal(t.query[0].name, "q");
	assert_string_equal(t.query[0].value, "Jo Smith");
	assert_string_equal(t.query[1].value, "2");
	assert_int_equal(resolve(rt, a, "GET", "/orgs?", &t), 0);
	assert_int_equal(t.nquery, 0);
	assert_int_equal(resolve(rt, a, "GET", "/orgs?q=%F0", &t), -1);
	assert_int_equal(t.code, E_BAD_REQUEST);
	assert_string_equal(t.field, "q");
	assert_int_equal(resolve(rt, a, "GET", "/orgs?limit=1&q=a%00", &t), -1);
	assert_string_equal(t.field, "q");
	/* A '?' later in the query is data; the path ends at the first. */
	assert_int_equal(resolve(rt, a, "GET", "/orgs?q=a?b", &t), 0);
	assert_string_equal(t.query[0].value, "a?b");
	/* Where the path matches nothing, the query is not looked at. */
	assert_int_equal(resolve(rt, a, "GET", "/nope?q=%F0", &t), -1);
	assert_int_equal(t.code, E_NOT_FOUND);
	router_free(rt);
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(exact_paths_match),
	        cmocka_unit_test(params_are_captured),
	        cmocka_unit_test(empty_segments_never_match),
	        cmocka_unit_test(unknown_paths_are_not_known),
	        cmocka_unit_test(wrong_method_lists_the_allowed_ones),
	        cmocka_unit_test(small_allow_buffer_is_not_overrun),
	        cmocka_unit_test(many_segments_and_params),
	        cmocka_unit_test(first_matching_route_wins),
	        cmocka_unit_test(literal_segments_win_for_every_method),
	        cmocka_unit_test(every_route_of_the_table_decides_its_own_path),
	        cmocka_unit_test(targets_are_routed_raw_and_decoded_after),
	        cmocka_unit_test(the_query_is_decoded_with_the_route),
	};
	return cmocka_run_group_tests_name("http/router", tests, group_setup, group_teardown);
}
