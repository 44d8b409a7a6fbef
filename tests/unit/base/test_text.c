#include "testutil.h"

#include "base/text.h"

static void email_key_trims_and_lowercases(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	assert_string_equal(email_key(a, "  Alice.Smith@Example.COM \t"), "alice.smith@example.com");
	assert_string_equal(email_trim(a, "  Alice@Example.com "), "Alice@Example.com");
	assert_string_equal(email_key(a, "admin@localhost"), "admin@localhost");
	arena_free(a);
}

static void email_key_refuses_invalid_addresses(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	const char *bad[] = {"",
	                     "alice",
	                     "@example.com",
	                     "alice@",
	                     "a@b@c",
	                     "al ice@example.com",
	                     "alice@.com",
	                     "alice@example..com",
	                     "alice@example.com.",
	                     "a\r\nb@example.com",
	                     "<a>@example.com"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_null(email_key(a, bad[i]));
	char longer[300];
	memset(longer, 'a', sizeof longer);
	memcpy(longer + 250, "@x.io", 6);
	assert_null(email_key(a, longer));
	arena_free(a);
}

static void utf8_chars_counts_characters(void **state)
{
	(void)state;
	assert_int_equal(utf8_chars(""), 0);
	assert_int_equal(utf8_chars("abc"), 3);
	assert_int_equal(utf8_chars("R\xc3\xa9sum\xc3\xa9"), 6);
	assert_int_equal(utf8_chars("\xf0\x9f\x98\x80"), 1);
}

static void html_escape_escapes_markup(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	assert_string_equal(html_escape(a, "<a href=\"x\">Tom & 'Jerry'</a>"),
	                    "&lt;a href=&#34;x&#34;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
	assert_string_equal(html_escape(a, "plain"), "plain");
	arena_free(a);
}

static void parse_int_checks_range_and_garbage(void **state)
{
	(void)state;
	long long v;
	assert_true(parse_int("42", 0, 100, &v));
	assert_int_equal(v, 42);
	assert_false(parse_int("101", 0, 100, &v));
	assert_false(parse_int("4x", 0, 100, &v));
	assert_false(parse_int("", 0, 100, &v));
	assert_false(parse_int(NULL, 0, 100, &v));
	assert_false(parse_int("99999999999999999999", 0, INT64_MAX, &v));
}

static void language_valid_knows_three(void **state)
{
	(void)state;
	assert_true(language_valid("en"));
	assert_true(language_valid("fr"));
	assert_true(language_valid("de"));
	assert_false(language_valid("es"));
	assert_false(language_valid("EN"));
	assert_false(language_valid(""));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(email_key_trims_and_lowercases),
	        cmocka_unit_test(email_key_refuses_invalid_addresses),
	        cmocka_unit_test(utf8_chars_counts_characters),
	        cmocka_unit_test(html_escape_escapes_markup),
	        cmocka_unit_test(parse_int_checks_range_and_garbage),
	        cmocka_unit_test(language_valid_knows_three),
	};
	return cmocka_run_group_tests_name("base/text", tests, NULL, NULL);
}
