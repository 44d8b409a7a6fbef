#include "testutil.h"

#include "base/json.h"

static json_t *load(const char *text)
{
	json_error_t jerr;
	json_t *v = json_loads(text, 0, &jerr);
	if (!v)
		fail_msg("bad test JSON %s: %s", text, jerr.text);
	return v;
}

struct login_body {
	const char *email, *password, *name;
	struct json_int age;
	struct json_bool admin;
};

/* The spec used by most tests: two required strings, optional others. */
#define LOGIN_SPEC(b)                                                                                                  \
	{                                                                                                              \
		JF_STRING("email", &(b).email, JF_REQUIRED, 254),                                                      \
		        JF_STRING("password", &(b).password, JF_REQUIRED, 0),                                          \
		        JF_STRING("name", &(b).name, JF_OPTIONAL, 5), JF_INT("age", &(b).age, JF_OPTIONAL),            \
		        JF_BOOL("admin", &(b).admin, JF_OPTIONAL), JF_END                                              \
	}

static err_code parse(const char *text, struct login_body *b, struct err *e)
{
	memset(b, 0, sizeof *b);
	err_clear(e);
	json_t *obj = load(text);
	struct json_field spec[] = LOGIN_SPEC(*b);
	err_code rc = json_spec_parse(NULL, obj, spec, e);
	/* Strings point into obj: check them before it goes. */
	static char email[64], name[64];
	if (b->email) {
		snprintf(email, sizeof email, "%s", b->email);
		b->email = email;
	}
	if (b->name) {
		snprintf(name, sizeof name, "%s", b->name);
		b->name = name;
	}
	b->password = b->password ? "set" : NULL;
	json_decref(obj);
	return rc;
}

static void spec_fills_outputs(void **state)
{
	(void)state;
	struct login_body b;
	struct err e;
	assert_int_equal(
	        parse("{\"email\":\"a@b.c\",\"password\":\"pw\",\"name\":\"Zo\\u00eb\",\"age\":42,\"admin\":true}", &b,
	              &e),
	        E_OK);
	assert_string_equal(b.email, "a@b.c");
	assert_non_null(b.password);
	assert_string_equal(b.name, "Zo\xc3\xab");
	assert_true(b.age.set);
	assert_int_equal(b.age.value, 42);
	assert_true(b.admin.set);
	assert_true(b.admin.value);

	assert_int_equal(
	        parse("{\"email\":\"a@b.c\",\"password\":\"pw\",\"admin\":false,\"age\":-9007199254740993}", &b, &e),
	        E_OK);
	assert_true(b.admin.set);
	assert_false(b.admin.value);
	assert_int_equal(b.age.value, -9007199254740993LL);
}

static void spec_leaves_absent_optionals_unset(void **state)
{
	(void)state;
	struct login_body b;
	struct err e;
	assert_int_equal(parse("{\"password\":\"pw\",\"email\":\"x@y.z\"}", &b, &e), E_OK);
	assert_null(b.name);
	assert_false(b.age.set);
	assert_false(b.admin.set);
}

static void spec_refuses_unknown_field_by_name(void **state)
{
	(void)state;
	struct login_body b;
	struct err e;
	memset(&b, 0, sizeof b);
	err_clear(&e);
	json_t *obj = load("{\"email\":\"a@b.c\",\"password\":\"pw\",\"remember_me\":true}");
	struct json_field spec[] = LOGIN_SPEC(b);
	assert_int_equal(json_spec_parse(NULL, obj, spec, &e), E_UNKNOWN_FIELD);
	assert_non_null(e.field);
	assert_string_equal(e.field, "remember_me");
	assert_non_null(strstr(err_message(&e), "remember_me"));
	assert_int_equal(err_status(e.code), 400);
	json_decref(obj);
}

static void spec_refuses_missing_required(void **state)
{
	(void)state;
	struct login_body b;
	struct err e;
	assert_int_equal(parse("{\"email\":\"a@b.c\"}", &b, &e), E_MISSING_FIELD);
	assert_string_equal(e.field, "password");
	assert_non_null(strstr(err_message(&e), "password"));
	assert_int_equal(parse("{}", &b, &e), E_MISSING_FIELD);
	assert_string_equal(e.field, "email");
}

static void spec_refuses_wrong_types(void **state)
{
	(void)state;
	struct login_body b;
	struct err e;
	static const struct {
		const char *body, *field;
	} cases[] = {
	        {"{\"email\":5,\"password\":\"pw\"}", "email"},
	        {"{\"email\":null,\"password\":\"pw\"}", "email"},
	        {"{\"email\":[\"a@b.c\"],\"password\":\"pw\"}", "email"},
	        {"{\"email\":\"a@b.c\",\"password\":true}", "password"},
	        {"{\"email\":\"a@b.c\",\"password\":\"pw\",\"age\":\"42\"}", "age"},
	        {"{\"email\":\"a@b.c\",\"password\":\"pw\",\"age\":4.5}", "age"},
	        {"{\"email\":\"a@b.c\",\"password\":\"pw\",\"age\":true}", "age"},
	        {"{\"email\":\"a@b.c\",\"password\":\"pw\",\"admin\":1}", "admin"},
	        {"{\"email\":\"a@b.c\",\"password\":\"pw\",\"admin\":\"true\"}", "admin"},
	        {"{\"email\":\"a@b.c\",\"password\":\"pw\",\"admin\":null}", "admin"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(parse(cases[i].body, &b, &e), E_WRONG_TYPE);
		assert_string_equal(e.field, cases[i].field);
		assert_non_null(strstr(err_message(&e), cases[i].field));
	}
}

static void spec_counts_max_chars_in_characters(void **state)
{
	(void)state;
	struct login_body b;
	struct err e;
	/* name takes at most 5 characters: five 2-byte, or five 4-byte ones, fit. */
	assert_int_equal(
	        parse("{\"email\":\"a@b.c\",\"password\":\"p\",\"name\":\"\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\"}", &b,
	              &e),
	        E_OK);
	assert_int_equal(strlen(b.name), 10);
	assert_int_equal(
	        parse("{\"email\":\"a@b.c\",\"password\":\"p\",\"name\":\"\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f"
	              "\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\"}",
	              &b, &e),
	        E_OK);
	assert_int_equal(parse("{\"email\":\"a@b.c\",\"password\":\"p\",\"name\":\"abcde\"}", &b, &e), E_OK);
	assert_int_equal(parse("{\"email\":\"a@b.c\",\"password\":\"p\",\"name\":\"abcdef\"}", &b, &e), E_TOO_LONG);
	assert_string_equal(e.field, "name");
	assert_int_equal(parse("{\"email\":\"a@b.c\",\"password\":\"p\",\"name\":"
	                       "\"\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\"}",
	                       &b, &e),
	                 E_TOO_LONG);
	assert_string_equal(e.field, "name");
	assert_int_equal(err_status(e.code), 422);
}

static void spec_refuses_embedded_nul(void **state)
{
	(void)state;
	const char *email = NULL, *password = NULL;
	struct json_field spec[] = {JF_STRING("email", &email, JF_REQUIRED, 254),
	                            JF_STRING("password", &password, JF_REQUIRED, 0), JF_END};
	json_t *obj = json_object();
	json_object_set_new(obj, "email", json_string("a@b.c"));
	json_object_set_new(obj, "password", json_stringn("abc\0def", 7));
	struct err e;
	err_clear(&e);
	assert_int_equal(json_spec_parse(NULL, obj, spec, &e), E_INVALID);
	assert_string_equal(e.field, "password");
	assert_null(password);
	json_decref(obj);
}

static void body_parse_accepts_an_object(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct err e;
	json_t *obj = NULL;
	const char body[] = "{\"a\": [1, {\"b\": \"c\"}], \"d\": null}";
	assert_int_equal(json_body_parse(a, body, strlen(body), &obj, &e), E_OK);
	assert_true(json_is_object(obj));
	assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(obj, "a"), 1), "b")), "c");
	/* Only len bytes are read: trailing garbage past len is not seen. */
	const char padded[] = "{\"x\":1}GARBAGE";
	assert_int_equal(json_body_parse(a, padded, 7, &obj, &e), E_OK);
	assert_int_equal(json_integer_value(json_object_get(obj, "x")), 1);
	arena_free(a); /* releases both objects */
}

static void body_parse_refuses_malformed(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	const char *bad[] = {"",
	                     "{",
	                     "{\"a\":}",
	                     "{\"a\":1,}",
	                     "{'a':1}",
	                     "{\"a\":1} x",
	                     "nul",
	                     "{\"a\":\"\\x\"}",
	                     "{\"a\":1,\"a\":2}",
	                     "{\"a\\u0000b\":1}"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct err e;
		err_clear(&e);
		json_t *obj = NULL;
		assert_int_equal(json_body_parse(a, bad[i], strlen(bad[i]), &obj, &e), E_MALFORMED_JSON);
		assert_int_equal(err_status(e.code), 400);
		assert_null(obj);
	}
	/* An escaped NUL is well-formed JSON: it passes the parser, so that the
	 * field holding it is refused by name (spec_refuses_embedded_nul). */
	struct err e;
	err_clear(&e);
	json_t *obj = NULL;
	const char *nul = "{\"a\":\"x\\u0000y\"}";
	assert_int_equal(json_body_parse(a, nul, strlen(nul), &obj, &e), E_OK);
	assert_true(json_has_nul(obj));
	arena_free(a);
}

/* A NUL inside a string passes the parser, so that the field holding it
 * is refused by name (422), in a plain field and in a list of strings. */
static void nul_in_a_string_is_refused_by_field(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	const char *body = "{\"email\":\"a\\u0000b@x.example\",\"tags\":[\"ok\",\"x\\u0000\"]}";
	struct err e;
	err_clear(&e);
	json_t *obj = NULL;
	assert_int_equal(json_body_parse(a, body, strlen(body), &obj, &e), E_OK);
	const char *email = NULL;
	struct json_strings tags = {0};
	const struct json_field one[] = {JF_STRING("email", &email, JF_REQUIRED, 0),
	                                 JF_STRINGS("tags", &tags, JF_OPTIONAL, 4), JF_END};
	assert_int_equal(json_spec_parse(a, obj, one, &e), E_INVALID);
	assert_int_equal(err_status(e.code), 422);
	assert_string_equal(e.field, "email");
	const char *body2 = "{\"tags\":[\"ok\",\"x\\u0000\"]}";
	assert_int_equal(json_body_parse(a, body2, strlen(body2), &obj, &e), E_OK);
	assert_int_equal(json_spec_parse(a, obj, one, &e), E_MISSING_FIELD);
	const struct json_field two[] = {JF_STRINGS("tags", &tags, JF_REQUIRED, 4), JF_END};
	assert_int_equal(json_spec_parse(a, obj, two, &e), E_INVALID);
	assert_string_equal(e.field, "tags");
	assert_true(json_has_nul(obj));
	const char *body3 = "{\"s\":{\"k\":[1,\"fine\"]}}";
	assert_int_equal(json_body_parse(a, body3, strlen(body3), &obj, &e), E_OK);
	assert_false(json_has_nul(obj));
	arena_free(a);
}

/* An array of strings is parsed into the arena given, and one given none
 * is the caller's error (500), never a client's wrong_type. */
static void string_arrays_take_the_arena_given(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	const char *body = "{\"ids\":[\"usr_a\",\"usr_b\"]}";
	struct err e;
	err_clear(&e);
	json_t *obj = NULL;
	assert_int_equal(json_body_parse(a, body, strlen(body), &obj, &e), E_OK);
	struct json_strings ids = {0};
	const struct json_field spec[] = {JF_STRINGS("ids", &ids, JF_REQUIRED, 4), JF_END};
	assert_int_equal(json_spec_parse(a, obj, spec, &e), E_OK);
	assert_int_equal(ids.n, 2);
	assert_string_equal(ids.items[1], "usr_b");
	assert_null(ids.items[2]);
	err_clear(&e);
	assert_int_equal(json_spec_parse(NULL, obj, spec, &e), E_INTERNAL);
	assert_int_equal(err_status(e.code), 500);
	arena_free(a);
}

static void body_parse_refuses_non_objects(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	const char *bad[] = {"[]", "[{\"a\":1}]", "\"text\"", "42", "true", "null"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct err e;
		err_clear(&e);
		json_t *obj = NULL;
		err_code rc = json_body_parse(a, bad[i], strlen(bad[i]), &obj, &e);
		assert_int_equal(rc, E_MALFORMED_JSON);
		assert_null(obj);
	}
	arena_free(a);
}

/* {"a":{"a":...{}...}} with `depth` levels of objects, or arrays inside one object. */
static char *nested(struct arena *a, int depth, bool arrays)
{
	size_t cap = (size_t)depth * 8 + 16, n = 0;
	char *s = arena_alloc(a, cap);
	if (arrays) {
		n += (size_t)snprintf(s + n, cap - n, "{\"a\":");
		for (int i = 1; i < depth; i++)
			s[n++] = '[';
		for (int i = 1; i < depth; i++)
			s[n++] = ']';
		s[n++] = '}';
	} else {
		for (int i = 0; i < depth; i++)
			n += (size_t)snprintf(s + n, cap - n, "%s", i + 1 < depth ? "{\"a\":" : "{");
		for (int i = 0; i < depth; i++)
			s[n++] = '}';
	}
	s[n] = '\0';
	return s;
}

static void body_parse_limits_depth(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct err e;
	json_t *obj;
	for (int arrays = 0; arrays < 2; arrays++) {
		char *ok = nested(a, JSON_MAX_DEPTH, arrays);
		assert_int_equal(json_body_parse(a, ok, strlen(ok), &obj, &e), E_OK);
		char *deep = nested(a, JSON_MAX_DEPTH + 1, arrays);
		obj = NULL;
		assert_int_equal(json_body_parse(a, deep, strlen(deep), &obj, &e), E_TOO_DEEP);
		assert_int_equal(err_status(e.code), 400);
		assert_null(obj);
	}
	/* Depth is nesting, not the count of brackets: many siblings are fine. */
	char *wide = "{\"a\":[";
	for (int i = 0; i < 200; i++)
		wide = arena_printf(a, "%s%s{\"b\":[1]}", wide, i ? "," : "");
	wide = arena_printf(a, "%s]}", wide);
	assert_int_equal(json_body_parse(a, wide, strlen(wide), &obj, &e), E_OK);
	arena_free(a);
}

static void body_parse_ignores_brackets_in_strings(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct err e;
	json_t *obj;
	char brackets[100];
	memset(brackets, '[', 40);
	memset(brackets + 40, '{', 40);
	brackets[80] = '\0';
	const char *bodies[] = {
	        arena_printf(a, "{\"a\":\"%s\"}", brackets),
	        /* An escaped quote does not end the string. */
	        arena_printf(a, "{\"a\":\"\\\"%s\"}", brackets),
	        /* An escaped backslash before the closing quote does end it. */
	        arena_printf(a, "{\"a\":\"\\\\\",\"b\":\"%s\"}", brackets),
	        arena_printf(a, "{\"%s\":1}", brackets),
	};
	for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
		obj = NULL;
		assert_int_equal(json_body_parse(a, bodies[i], strlen(bodies[i]), &obj, &e), E_OK);
		assert_non_null(obj);
	}
	/* A string full of closing brackets does not hide real nesting either. */
	char *tricky = arena_printf(a, "{\"a\":\"]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\",\"b\":%s}",
	                            nested(a, JSON_MAX_DEPTH, false));
	assert_int_equal(json_body_parse(a, tricky, strlen(tricky), &obj, &e), E_TOO_DEEP);
	arena_free(a);
}

static void time_renders_rfc3339_or_null(void **state)
{
	(void)state;
	json_t *t = json_time(1700000000123LL);
	assert_true(json_is_string(t));
	assert_string_equal(json_string_value(t), "2023-11-14T22:13:20.123Z");
	json_decref(t);
	t = json_time(0);
	assert_true(json_is_null(t));
	json_decref(t);
	t = json_time(1000);
	assert_string_equal(json_string_value(t), "1970-01-01T00:00:01.000Z");
	json_decref(t);
}

static void dump_arena_is_compact(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	json_t *obj = json_own(a, json_pack("{s:i, s:[s, b]}", "n", 1, "l", "x", 1));
	size_t len = 0;
	char *s = json_dump_arena(a, obj, &len);
	assert_int_equal(len, strlen(s));
	/* Key order is jansson's insertion order. */
	assert_string_equal(s, "{\"n\":1,\"l\":[\"x\",true]}");
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(spec_fills_outputs),
	        cmocka_unit_test(spec_leaves_absent_optionals_unset),
	        cmocka_unit_test(spec_refuses_unknown_field_by_name),
	        cmocka_unit_test(spec_refuses_missing_required),
	        cmocka_unit_test(spec_refuses_wrong_types),
	        cmocka_unit_test(spec_counts_max_chars_in_characters),
	        cmocka_unit_test(spec_refuses_embedded_nul),
	        cmocka_unit_test(body_parse_accepts_an_object),
	        cmocka_unit_test(body_parse_refuses_malformed),
	        cmocka_unit_test(string_arrays_take_the_arena_given),
	        cmocka_unit_test(body_parse_refuses_non_objects),
	        cmocka_unit_test(nul_in_a_string_is_refused_by_field),
	        cmocka_unit_test(body_parse_limits_depth),
	        cmocka_unit_test(body_parse_ignores_brackets_in_strings),
	        cmocka_unit_test(time_renders_rfc3339_or_null),
	        cmocka_unit_test(dump_arena_is_compact),
	};
	return cmocka_run_group_tests_name("base/json", tests, NULL, NULL);
}
