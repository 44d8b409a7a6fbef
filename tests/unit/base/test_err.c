#include "testutil.h"

#include "base/err.h"

static void every_code_has_a_status_name_and_message(void **state)
{
	(void)state;
	for (int c = 0; c < E__COUNT; c++) {
		int st = err_status((err_code)c);
		if (st < 200 || st > 599)
			fail_msg("code %d has status %d", c, st);
		const char *name = err_name((err_code)c);
		assert_non_null(name);
		assert_true(strlen(name) > 0);
		/* Stable machine names: lower case and underscores. */
		for (const char *p = name; *p; p++)
			if (!((*p >= 'a' && *p <= 'z') || *p == '_'))
				fail_msg("name '%s' has '%c'", name, *p);
		const char *msg = err_default_message((err_code)c);
		assert_non_null(msg);
		assert_true(strlen(msg) > 0);
		/* Only success answers 2xx. */
		if (c != E_OK)
			assert_true(st >= 400);
	}
}

static void names_are_unique(void **state)
{
	(void)state;
	for (int i = 0; i < E__COUNT; i++)
		for (int k = i + 1; k < E__COUNT; k++)
			if (!strcmp(err_name((err_code)i), err_name((err_code)k)))
				fail_msg("codes %d and %d are both '%s'", i, k, err_name((err_code)i));
}

static void statuses_match_the_design(void **state)
{
	(void)state;
	static const struct {
		err_code code;
		int status;
		const char *name;
	} table[] = {
	        {E_OK, 200, "ok"},
	        {E_MALFORMED_JSON, 400, "malformed_json"},
	        {E_MISSING_FIELD, 400, "missing_field"},
	        {E_WRONG_TYPE, 400, "wrong_type"},
	        {E_UNKNOWN_FIELD, 400, "unknown_field"},
	        {E_TOO_DEEP, 400, "too_deep"},
	        {E_UNAUTHENTICATED, 401, "unauthenticated"},
	        {E_INVALID_CREDENTIALS, 401, "invalid_credentials"},
	        {E_FORBIDDEN, 403, "forbidden"},
	        {E_NOT_FOUND, 404, "not_found"},
	        {E_METHOD_NOT_ALLOWED, 405, "method_not_allowed"},
	        {E_CONFLICT, 409, "conflict"},
	        {E_USER_EXISTS, 409, "user_exists"},
	        {E_PAYLOAD_TOO_LARGE, 413, "payload_too_large"},
	        {E_INVALID, 422, "invalid"},
	        {E_PASSWORD_TOO_SHORT, 422, "password_too_short"},
	        {E_PASSWORD_TOO_LONG, 422, "password_too_long"},
	        {E_PASSWORD_IS_EMAIL, 422, "password_is_email"},
	        {E_TOO_MANY_REQUESTS, 429, "too_many_requests"},
	        {E_INTERNAL, 500, "internal"},
	        {E_UNAVAILABLE, 503, "unavailable"},
	};
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
		assert_int_equal(err_status(table[i].code), table[i].status);
		assert_string_equal(err_name(table[i].code), table[i].name);
	}
}

static void out_of_range_is_internal(void **state)
{
	(void)state;
	assert_int_equal(err_status(E__COUNT), 500);
	assert_int_equal(err_status((err_code)(E__COUNT + 100)), 500);
	assert_string_equal(err_name(E__COUNT), "internal");
	assert_non_null(err_default_message(E__COUNT));
}

static void set_fills_code_field_and_detail(void **state)
{
	(void)state;
	struct err e;
	err_clear(&e);
	assert_int_equal(err_set(&e, E_TOO_LONG, "first_name", "The field '%s' is longer than %d characters.",
	                         "first_name", 200),
	                 E_TOO_LONG);
	assert_int_equal(e.code, E_TOO_LONG);
	assert_string_equal(e.field, "first_name");
	assert_string_equal(e.detail, "The field 'first_name' is longer than 200 characters.");
	assert_string_equal(err_message(&e), e.detail);

	/* A second set replaces everything, and no fmt clears the detail. */
	assert_int_equal(err_set(&e, E_NOT_FOUND, NULL, NULL), E_NOT_FOUND);
	assert_int_equal(e.code, E_NOT_FOUND);
	assert_null(e.field);
	assert_string_equal(e.detail, "");
	assert_string_equal(err_message(&e), err_default_message(E_NOT_FOUND));
	assert_string_equal(err_message(&e), "Not found.");
}

static void set_on_null_returns_the_code(void **state)
{
	(void)state;
	assert_int_equal(err_set(NULL, E_CONFLICT, "x", "ignored %d", 1), E_CONFLICT);
}

static void long_detail_is_cut_safely(void **state)
{
	(void)state;
	struct err e;
	err_clear(&e);
	char big[1000];
	memset(big, 'y', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	err_set(&e, E_INVALID, NULL, "%s", big);
	assert_int_equal(strlen(e.detail), sizeof e.detail - 1);
	assert_int_equal(e.detail[0], 'y');
}

static void clear_resets(void **state)
{
	(void)state;
	struct err e;
	err_set(&e, E_TOO_MANY_REQUESTS, "x", "wait");
	e.retry_after = 30;
	err_clear(&e);
	assert_int_equal(e.code, E_OK);
	assert_null(e.field);
	assert_int_equal(e.retry_after, 0);
	assert_string_equal(err_message(&e), "OK");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(every_code_has_a_status_name_and_message),
	        cmocka_unit_test(names_are_unique),
	        cmocka_unit_test(statuses_match_the_design),
	        cmocka_unit_test(out_of_range_is_internal),
	        cmocka_unit_test(set_fills_code_field_and_detail),
	        cmocka_unit_test(set_on_null_returns_the_code),
	        cmocka_unit_test(long_detail_is_cut_safely),
	        cmocka_unit_test(clear_resets),
	};
	return cmocka_run_group_tests_name("base/err", tests, NULL, NULL);
}
