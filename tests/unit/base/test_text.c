#include "testutil.h"

#include "base/text.h"

#include <sodium.h>

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

static void email_syntax_is_a_dot_atom_at_labels(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	const char *good[] = {"admin@localhost",
	                      "a@b.c",
	                      "first.last+tag@sub.example.com",
	                      "o'brien@example.ie",
	                      "x!#$%&'*+-/=?^_`{|}~y@example.com",
	                      "j\xc3\xb6rg@ex\xc3\xa4mple.de",
	                      "user@xn--bcher-kva.example",
	                      "a@1-2.example"};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		assert_non_null(email_key(a, good[i]));
	const char *bad[] = {"a..b@x.example",
	                     ".a@x.example",
	                     "a.@x.example",
	                     "a@-x.example",
	                     "a@x-.example",
	                     "a@x..example",
	                     "a@.x",
	                     "a(b)@x.example",
	                     "\"a\"@x.example",
	                     "a@[127.0.0.1]",
	                     "a@x_y.example",
	                     "a\xc2\xa0"
	                     "b@x.example", /* no-break space */
	                     "a\xe2\x80\xae"
	                     "b@x.example",             /* right-to-left override */
	                     "a\xc2\x85@x.example",     /* C1 control */
	                     "a\xf0@x.example",         /* truncated sequence */
	                     "a\xc0\xaf@x.example",     /* overlong '/' */
	                     "a\xed\xa0\x80@x.example", /* surrogate */
	                     "\xff@x.example"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_null(email_key(a, bad[i]));
	/* 64 bytes of local part and 63 per label are the limits */
	char local[80], label[100];
	memset(local, 'l', 64);
	memcpy(local + 64, "@x.example", 11);
	assert_non_null(email_key(a, local));
	memset(local, 'l', 65);
	memcpy(local + 65, "@x.example", 11);
	assert_null(email_key(a, local));
	memcpy(label, "a@", 2);
	memset(label + 2, 'd', 63);
	memcpy(label + 65, ".example", 9);
	assert_non_null(email_key(a, label));
	memset(label + 2, 'd', 64);
	memcpy(label + 66, ".example", 9);
	assert_null(email_key(a, label));
	arena_free(a);
}

static void email_key_folds_unicode(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	assert_string_equal(email_key(a, "J\xc3\x96RG@Ex.Example"), "j\xc3\xb6rg@ex.example");
	assert_string_equal(email_key(a, "j\xc3\xb6rg@ex.example"), "j\xc3\xb6rg@ex.example");
	assert_string_equal(email_key(a, "\xce\xa3\xce\xbf\xcf\x82@\xc3\x89"
	                                 "COLE.fr"), /* Σος@ÉCOLE.fr */
	                    "\xcf\x83\xce\xbf\xcf\x83@\xc3\xa9"
	                    "cole.fr");
	/* the trimmed address keeps its case */
	assert_string_equal(email_trim(a, " J\xc3\x96RG@Ex.Example "), "J\xc3\x96RG@Ex.Example");
	arena_free(a);
}

static void utf8_decode_refuses_ill_formed_sequences(void **state)
{
	(void)state;
	uint32_t c;
	assert_int_equal(utf8_decode("A", 1, &c), 1);
	assert_int_equal(c, 'A');
	assert_int_equal(utf8_decode("\xc3\xa9", 2, &c), 2);
	assert_int_equal(c, 0xE9);
	assert_int_equal(utf8_decode("\xf0\x9f\x98\x80", 4, &c), 4);
	assert_int_equal(c, 0x1F600);
	const char *bad[] = {"\x80",
	                     "\xbf",
	                     "\xc0\x80",
	                     "\xc1\xbf",
	                     "\xe0\x80\x80",
	                     "\xed\xa0\x80",
	                     "\xf4\x90\x80\x80",
	                     "\xf5\x80\x80\x80",
	                     "\xff",
	                     "\xc3"
	                     "A",
	                     "\xe2\x82"
	                     "A"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(utf8_decode(bad[i], strlen(bad[i]), &c), 1);
		assert_int_equal(c, UTF8_INVALID);
	}
	/* truncated: only the bytes said to be there are read */
	assert_int_equal(utf8_decode("\xf0\x9f\x98\x80", 3, &c), 1);
	assert_int_equal(c, UTF8_INVALID);
	assert_true(utf8_valid("R\xc3\xa9sum\xc3\xa9", 8));
	assert_false(utf8_valid("a\0b", 3));
	assert_false(utf8_valid("\xf0", 1));
	assert_false(utf8_valid("\xe2\x82", 2));
	assert_true(utf8_valid("", 0));
}

static void text_fold_is_safe_on_any_bytes(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	/* Truncated sequences at the end used to read past the NUL. */
	assert_string_equal(text_fold(a, "\xf0"), "\xf0");
	assert_string_equal(text_fold(a, "AB\xf0"), "ab\xf0");
	assert_string_equal(text_fold(a, "\xe2\x82"), "\xe2\x82");
	assert_string_equal(text_fold(a, "\xc3"), "\xc3");
	assert_string_equal(text_fold(a, "\x80\x80\x80Z"), "\x80\x80\x80z");
	assert_int_equal(utf8_chars("\x80\x80\x80"), 3);
	assert_int_equal(utf8_chars("\xf0"), 1);
	arena_free(a);
}

static void text_fold_is_simple_case_folding(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	assert_string_equal(text_fold(a, "ABC xyz"), "abc xyz");
	assert_string_equal(text_fold(a, "\xc3\x89LODIE"), "\xc3\xa9lodie");       /* ÉLODIE */
	assert_string_equal(text_fold(a, "\xe2\x84\xaa"), "k");                    /* KELVIN SIGN */
	assert_string_equal(text_fold(a, "\xc8\xba"), "\xe2\xb1\xa5");             /* Ⱥ grows to ⱥ */
	assert_string_equal(text_fold(a, "\xe1\xba\x9e"), "\xc3\x9f");             /* ẞ -> ß */
	assert_string_equal(text_fold(a, "\xd0\x81\xd0\x96"), "\xd1\x91\xd0\xb6"); /* ЁЖ */
	assert_string_equal(text_fold(a, "\xcf\x82"), "\xcf\x83");                 /* final sigma */
	assert_string_equal(text_fold(a, "\xc3\x97"), "\xc3\x97");                 /* × stays */
	assert_int_equal(text_fold_char(0x10400), 0x10428);                        /* Deseret */
	/* Folding a prefix gives a prefix of the folded text, as searches need. */
	const char *s = "\xc8\xba"
	                "BC\xc3\x89";
	assert_int_equal(strncmp(text_fold(a, s),
	                         text_fold(a, "\xc8\xba"
	                                      "B"),
	                         strlen(text_fold(a, "\xc8\xba"
	                                             "B"))),
	                 0);
	arena_free(a);
}

static void text_is_clean_refuses_controls(void **state)
{
	(void)state;
	assert_true(text_is_clean("Ada Lovelace"));
	assert_true(text_is_clean("Zo\xc3\xab \xe6\x9d\x8e \xf0\x9f\x98\x80"));
	assert_true(text_is_clean(""));
	const char *bad[] = {"a\rb",          "a\nb",          "a\tb",          "a\x7f", "a\xc2\x85",
	                     "a\xe2\x80\xa8", "a\xe2\x80\xae", "a\xe2\x81\xa6", "\xf0",  "a\xc0\x80"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_false(text_is_clean(bad[i]));
}

static void json_quote_is_valid_json_for_any_bytes(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	assert_string_equal(json_quote(a, "a\"b\\c\n"), "\"a\\\"b\\\\c\\u000a\"");
	assert_string_equal(json_quote(a, "\xc3\xa9"), "\"\xc3\xa9\"");
	assert_string_equal(json_quote(a, "x\xf0y\xc3"), "\"x\\ufffdy\\ufffd\"");
	arena_free(a);
}

static void cursor_refuses_invalid_text(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	const char *k, *id;
	static const unsigned char key[CURSOR_KEY_LEN] = {7};
	assert_true(cursor_decode(a, key, "list", cursor_encode(a, key, "list", "k\xc3\xa9y", "usr_1"), &k, &id));
	assert_string_equal(k, "k\xc3\xa9y");
	assert_string_equal(id, "usr_1");
	/* a key with a truncated sequence, and one with a NUL */
	assert_false(cursor_decode(a, key, "list", cursor_encode(a, key, "list", "k\xf0", "usr_1"), &k, &id));
	assert_false(cursor_decode(a, key, "list",
	                           cursor_encode(a, key, "list",
	                                         "a\x1f"
	                                         "b",
	                                         "usr_1"),
	                           &k, &id));
	assert_false(cursor_decode(a, key, "list", "!!", &k, &id));
	assert_false(cursor_decode(a, key, "list", "", &k, &id));
	arena_free(a);
}

static void addr_group_groups_ipv6_by_64(void **state)
{
	(void)state;
	char g[ADDR_GROUP_MAX];
	addr_group("192.0.2.7", g);
	assert_string_equal(g, "192.0.2.7");
	addr_group("::ffff:192.0.2.7", g);
	assert_string_equal(g, "192.0.2.7");
	addr_group("2001:db8:1:2:3:4:5:6", g);
	assert_string_equal(g, "2001:db8:1:2::/64");
	char h[ADDR_GROUP_MAX];
	addr_group("2001:db8:1:2:ffff::1", h);
	assert_string_equal(g, h);
	addr_group("2001:db8:1:3::1", h);
	assert_string_not_equal(g, h);
	addr_group("::1", g);
	assert_string_equal(g, "::/64");
	addr_group("local", g);
	assert_string_equal(g, "local");
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
	        cmocka_unit_test(email_syntax_is_a_dot_atom_at_labels),
	        cmocka_unit_test(email_key_folds_unicode),
	        cmocka_unit_test(utf8_decode_refuses_ill_formed_sequences),
	        cmocka_unit_test(text_fold_is_safe_on_any_bytes),
	        cmocka_unit_test(text_fold_is_simple_case_folding),
	        cmocka_unit_test(text_is_clean_refuses_controls),
	        cmocka_unit_test(json_quote_is_valid_json_for_any_bytes),
	        cmocka_unit_test(cursor_refuses_invalid_text),
	        cmocka_unit_test(addr_group_groups_ipv6_by_64),
	};
	return cmocka_run_group_tests_name("base/text", tests, NULL, NULL);
}
