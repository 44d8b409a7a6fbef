#include "testutil.h"

#include "http/internal.h"

static const struct route routes[] = {
        {"GET", "/healthz", NULL, 0, PERM_NONE},
        {"GET", "/api/v1/me", NULL, R_AUTH, PERM_NONE},
        {"PATCH", "/api/v1/me", NULL, R_AUTH | R_JSON, PERM_NONE},
        {"POST", "/api/v1/auth/login", NULL, R_JSON | R_OFFLOAD, PERM_NONE},
        {"GET", "/api/v1/orgs/{org}/members/{user}", NULL, R_AUTH, PERM_NONE},
        {"DELETE", "/api/v1/orgs/{org}/members/{user}", NULL, R_AUTH, PERM_NONE},
        {"GET", "/api/v1/orgs/{org}/members", NULL, R_AUTH, PERM_NONE},
        {"GET", "/api/v1/invitations/{token}", NULL, 0, PERM_NONE},
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
	static const struct route deep[] = {
	        {"GET", "/", NULL, 0, PERM_NONE},
	        {"GET", "/{a}/{b}/{c}/{d}/{e}/{f}/{g}/{h}", NULL, 0, PERM_NONE},
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
	static const struct route both[] = {
	        {"GET", "/users/me", NULL, 0, PERM_NONE},
	        {"GET", "/users/{id}", NULL, 0, PERM_NONE},
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
	};
	return cmocka_run_group_tests_name("http/router", tests, group_setup, group_teardown);
}
