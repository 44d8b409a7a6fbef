#include "testutil.h"

#include "base/crypto.h"

#include <sodium.h>

static const char alphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";

static int setup(void **state)
{
	(void)state;
	return crypto_setup() ? 0 : -1;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void id_has_prefix_and_26_base32_chars(void **state)
{
	(void)state;
	char id[ID_MAX];
	for (int i = 0; i < 1000; i++) {
		id_new("usr", id);
		assert_int_equal(strlen(id), 4 + 26);
		assert_memory_equal(id, "usr_", 4);
		for (size_t k = 4; id[k]; k++)
			if (!strchr(alphabet, id[k]))
				fail_msg("'%c' in %s is not in the alphabet", id[k], id);
		assert_true(id_valid("usr", id));
	}
	id_new("team", id);
	assert_int_equal(strlen(id), 5 + 26);
	assert_true(id_valid("team", id));
	assert_false(id_valid("usr", id));
}

static void ids_are_unique(void **state)
{
	(void)state;
	enum { N = 10000 };
	char(*ids)[ID_MAX] = malloc(N * sizeof *ids);
	char **sorted = malloc(N * sizeof *sorted);
	for (int i = 0; i < N; i++) {
		id_new("usr", ids[i]);
		sorted[i] = ids[i];
	}
	qsort(sorted, N, sizeof *sorted, cmp_str);
	for (int i = 1; i < N; i++)
		if (!strcmp(sorted[i - 1], sorted[i]))
			fail_msg("duplicate id %s", sorted[i]);
	/* Random, not sequential: the first character after the prefix varies. */
	bool seen[256] = {false};
	int distinct = 0;
	for (int i = 0; i < N; i++) {
		unsigned char c = (unsigned char)ids[i][4];
		if (!seen[c])
			distinct++;
		seen[c] = true;
	}
	/* The first digit carries the top 5 bits: all 32 values show up. */
	assert_int_equal(distinct, 32);
	free(sorted);
	free(ids);
}

static void id_valid_checks_shape(void **state)
{
	(void)state;
	assert_true(id_valid("usr", "usr_0123456789abcdefghjkmnpqrs"));
	assert_true(id_valid("usr", "usr_zzzzzzzzzzzzzzzzzzzzzzzzzz"));
	assert_false(id_valid("usr", "usr_0123456789abcdefghjkmnpqr"));   /* 25 */
	assert_false(id_valid("usr", "usr_0123456789abcdefghjkmnpqrst")); /* 27 */
	assert_false(id_valid("usr", "org_0123456789abcdefghjkmnpqrs"));
	assert_false(id_valid("usr", "usr-0123456789abcdefghjkmnpqrs"));
	assert_false(id_valid("usr", "usrx0123456789abcdefghjkmnpqrs"));
	assert_false(id_valid("usr", "usr0123456789abcdefghjkmnpqrst"));
	assert_false(id_valid("usr", "usr_0123456789ABCDEFGHJKMNPQRS")); /* upper case */
	assert_false(id_valid("usr", "usr_0123456789abcdefghjkmnpqri")); /* i, l, o, u are not used */
	assert_false(id_valid("usr", "usr_0123456789abcdefghjkmnpqrl"));
	assert_false(id_valid("usr", "usr_0123456789abcdefghjkmnpqro"));
	assert_false(id_valid("usr", "usr_0123456789abcdefghjkmnpqru"));
	assert_false(id_valid("usr", "usr_0123456789abcdefghjkmnpqr/"));
	assert_false(id_valid("usr", "usr_"));
	assert_false(id_valid("usr", "usr"));
	assert_false(id_valid("usr", ""));
	assert_false(id_valid("us", "usr_0123456789abcdefghjkmnpqrs"));
}

static void token_is_43_url_safe_chars(void **state)
{
	(void)state;
	char t[TOKEN_LEN + 1], prev[TOKEN_LEN + 1] = "";
	for (int i = 0; i < 1000; i++) {
		token_new(t);
		assert_int_equal(strlen(t), 43);
		for (size_t k = 0; t[k]; k++) {
			char c = t[k];
			bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
			          c == '-' || c == '_';
			if (!ok)
				fail_msg("'%c' in token %s", c, t);
		}
		assert_string_not_equal(t, prev);
		memcpy(prev, t, sizeof t);
	}
	/* 43 base64url characters carry 256 bits. */
	unsigned char raw[64];
	size_t raw_len = 0;
	assert_int_equal(sodium_base642bin(raw, sizeof raw, t, strlen(t), NULL, &raw_len, NULL,
	                                   sodium_base64_VARIANT_URLSAFE_NO_PADDING),
	                 0);
	assert_int_equal(raw_len, 32);
}

static void token_hash_is_sha256_hex(void **state)
{
	(void)state;
	char h[TOKEN_HASH_LEN + 1], h2[TOKEN_HASH_LEN + 1];
	token_hash("abc", h);
	assert_string_equal(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	token_hash("", h);
	assert_string_equal(h, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	char t[TOKEN_LEN + 1];
	token_new(t);
	token_hash(t, h);
	token_hash(t, h2);
	assert_int_equal(strlen(h), 64);
	assert_string_equal(h, h2);
	for (size_t k = 0; h[k]; k++)
		assert_non_null(strchr("0123456789abcdef", h[k]));
	t[0] = t[0] == 'A' ? 'B' : 'A';
	token_hash(t, h2);
	assert_string_not_equal(h, h2);
}

static void password_hash_is_argon2id_with_our_parameters(void **state)
{
	(void)state;
	char h[PASSWORD_HASH_MAX], h2[PASSWORD_HASH_MAX];
	const char pw[] = "correct horse battery staple";
	assert_true(password_hash(pw, strlen(pw), h));
	assert_non_null(strstr(h, "$argon2id$"));
	assert_non_null(strstr(h, "m=19456,t=2,p=1"));
	assert_null(strstr(h, pw));
	/* A fresh salt each time. */
	assert_true(password_hash(pw, strlen(pw), h2));
	assert_string_not_equal(h, h2);
	assert_true(password_verify(h, pw, strlen(pw)));
	assert_true(password_verify(h2, pw, strlen(pw)));
	assert_false(password_verify(h, "correct horse battery stapl", strlen(pw) - 1));
	assert_false(password_verify(h, "Correct horse battery staple", strlen(pw)));
	assert_false(password_verify(h, "", 0));
	assert_false(password_verify("not a hash", pw, strlen(pw)));
	assert_false(password_needs_rehash(h));
}

static void password_len_is_honoured(void **state)
{
	(void)state;
	char h[PASSWORD_HASH_MAX];
	/* Bytes after len are not part of the password, and a NUL inside is. */
	assert_true(password_hash("secret-one-XYZ", 10, h));
	assert_true(password_verify(h, "secret-one", 10));
	assert_true(password_verify(h, "secret-one-ABC", 10));
	assert_false(password_verify(h, "secret-one-ABC", 14));
	assert_true(password_hash("a\0b", 3, h));
	assert_true(password_verify(h, "a\0b", 3));
	assert_false(password_verify(h, "a\0c", 3));
	assert_false(password_verify(h, "a", 1));
}

static void rehash_is_needed_for_other_parameters(void **state)
{
	(void)state;
	char weaker[crypto_pwhash_STRBYTES];
	assert_int_equal(crypto_pwhash_str_alg(weaker, "pw", 2, 1, 8u * 1024 * 1024, crypto_pwhash_ALG_ARGON2ID13), 0);
	assert_true(password_verify(weaker, "pw", 2));
	assert_true(password_needs_rehash(weaker));
}

static void dummy_verify_and_equal(void **state)
{
	(void)state;
	password_verify_dummy("whatever", 8);
	password_verify_dummy("", 0);
	assert_true(crypto_equal("abcdef", "abcdef", 6));
	assert_false(crypto_equal("abcdef", "abcdeg", 6));
	assert_true(crypto_equal("abcdef", "abcdeg", 5));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(id_has_prefix_and_26_base32_chars),
	        cmocka_unit_test(ids_are_unique),
	        cmocka_unit_test(id_valid_checks_shape),
	        cmocka_unit_test(token_is_43_url_safe_chars),
	        cmocka_unit_test(token_hash_is_sha256_hex),
	        cmocka_unit_test(password_hash_is_argon2id_with_our_parameters),
	        cmocka_unit_test(password_len_is_honoured),
	        cmocka_unit_test(rehash_is_needed_for_other_parameters),
	        cmocka_unit_test(dummy_verify_and_equal),
	};
	return cmocka_run_group_tests_name("base/crypto", tests, setup, NULL);
}
