#include "testutil.h"

#include "http/internal.h"

static void decode_percent_and_plus(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	char *d;
	size_t n;
	assert_true(url_decode(a, "a%20b+c", 7, false, &d, &n));
	assert_string_equal(d, "a b+c");
	assert_int_equal(n, 5);
	assert_true(url_decode(a, "a%20b+c", 7, true, &d, &n));
	assert_string_equal(d, "a b c");
	assert_true(url_decode(a, "%2B%2b%C3%A9", 12, true, &d, &n));
	assert_string_equal(d, "++\xc3\xa9");
	/* A decoded NUL is kept and counted. */
	assert_true(url_decode(a, "x%00y", 5, false, &d, &n));
	assert_int_equal(n, 3);
	assert_int_equal(d[1], '\0');
	assert_int_equal(d[2], 'y');
	assert_true(url_decode(a, "", 0, true, &d, &n));
	assert_int_equal(n, 0);
	/* Only len bytes are read. */
	assert_true(url_decode(a, "ab%41", 2, false, &d, &n));
	assert_string_equal(d, "ab");
	arena_free(a);
}

static void malformed_escapes_are_refused(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	const char *bad[] = {"%", "%4", "a%4", "%G1", "%1G", "%%41", "abc%", "%-1", "% 1"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char *d;
		size_t n;
		if (url_decode(a, bad[i], strlen(bad[i]), true, &d, &n))
			fail_msg("'%s' was decoded", bad[i]);
		assert_false(url_escapes_valid(bad[i], strlen(bad[i])));
	}
	/* A truncated escape at the end of the given length, even with hex after it. */
	assert_false(url_escapes_valid("a%4142", 3));
	assert_true(url_escapes_valid("a%41", 4));
	assert_true(url_escapes_valid("plain", 5));
	arena_free(a);
}

static void path_parameters(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	const char *v;
	assert_int_equal(url_param_decode(a, "org_1", 5, &v), URL_OK);
	assert_string_equal(v, "org_1");
	assert_int_equal(url_param_decode(a, "caf%C3%A9+x", 11, &v), URL_OK);
	assert_string_equal(v, "caf\xc3\xa9+x"); /* '+' is not a space in a path */
	static const struct {
		const char *raw;
		enum url_verdict verdict;
	} cases[] = {
	        {"a%2Fb", URL_NOT_A_SEGMENT},
	        {"a%2fb", URL_NOT_A_SEGMENT},
	        {"a%00", URL_NOT_A_SEGMENT},
	        {"%00abc", URL_NOT_A_SEGMENT},
	        {".", URL_NOT_A_SEGMENT},
	        {"..", URL_NOT_A_SEGMENT},
	        {"%2E", URL_NOT_A_SEGMENT},
	        {"%2e%2E", URL_NOT_A_SEGMENT},
	        {"%F0", URL_NOT_TEXT},
	        {"%C3", URL_NOT_TEXT},
	        {"%C0%AF", URL_NOT_TEXT},
	        {"%ED%A0%80", URL_NOT_TEXT},
	        {"\xff", URL_NOT_TEXT},
	        {"%zz", URL_BAD_ESCAPE},
	        {"ab%", URL_BAD_ESCAPE},
	        {"...", URL_OK},
	        {".a", URL_OK},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		enum url_verdict got = url_param_decode(a, cases[i].raw, strlen(cases[i].raw), &v);
		if (got != cases[i].verdict)
			fail_msg("'%s': verdict %d, expected %d", cases[i].raw, got, cases[i].verdict);
		if (got != URL_OK)
			assert_null(v);
	}
	arena_free(a);
}

static const char *value_of(const struct url_param *p, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(p[i].name, name))
			return p[i].value;
	return NULL;
}

static err_code parse(struct arena *a, const char *q, struct url_param **p, int *n, const char **field)
{
	return url_query_parse(a, q, strlen(q), p, n, field);
}

static void query_strings(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct url_param *p;
	int n;
	const char *field;
	assert_int_equal(parse(a, "q=caf%C3%A9+au+lait&limit=5&flag&=x&&cursor=a%2Bb%3D", &p, &n, &field), E_OK);
	assert_int_equal(n, 5);
	assert_string_equal(value_of(p, n, "q"), "caf\xc3\xa9 au lait");
	assert_string_equal(value_of(p, n, "limit"), "5");
	assert_string_equal(value_of(p, n, "flag"), "");
	assert_string_equal(value_of(p, n, ""), "x");
	assert_string_equal(value_of(p, n, "cursor"), "a+b=");
	/* In order, repeats kept (http_query() answers the first). */
	assert_int_equal(parse(a, "a=1&a=2&b%20c=3", &p, &n, &field), E_OK);
	assert_int_equal(n, 3);
	assert_string_equal(p[0].value, "1");
	assert_string_equal(p[1].value, "2");
	assert_string_equal(p[2].name, "b c");
	/* "=" inside a value stays. */
	assert_int_equal(parse(a, "x=a=b", &p, &n, &field), E_OK);
	assert_string_equal(p[0].value, "a=b");
	assert_int_equal(parse(a, "", &p, &n, &field), E_OK);
	assert_int_equal(n, 0);
	assert_int_equal(parse(a, "&&&", &p, &n, &field), E_OK);
	assert_int_equal(n, 0);
	arena_free(a);
}

static void bad_query_values_name_their_parameter(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	static const struct {
		const char *query, *field;
	} bad[] = {
	        {"q=%F0", "q"},          {"limit=5&q=%00", "q"}, {"q=a%00b", "q"}, {"role=%zz", "role"},
	        {"sort=%C3%28", "sort"}, {"a+b=%FF", "a b"},     {"q=\xc3", "q"},  {"cursor=%", "cursor"},
	        {"%F0=1", NULL},         {"%00=1", NULL},        {"%=1", NULL},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct url_param *p;
		int n;
		const char *field = "unset";
		if (parse(a, bad[i].query, &p, &n, &field) != E_BAD_REQUEST)
			fail_msg("'%s' was accepted", bad[i].query);
		if (bad[i].field)
			assert_string_equal(field, bad[i].field);
		else
			assert_null(field);
	}
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(decode_percent_and_plus),
	        cmocka_unit_test(malformed_escapes_are_refused),
	        cmocka_unit_test(path_parameters),
	        cmocka_unit_test(query_strings),
	        cmocka_unit_test(bad_query_values_name_their_parameter),
	};
	return cmocka_run_group_tests_name("http/url", tests, NULL, NULL);
}
