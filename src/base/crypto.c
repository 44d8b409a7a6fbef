#include "base/crypto.h"

#include <sodium.h>
#include <string.h>

#define PW_OPSLIMIT 2
#define PW_MEMLIMIT (19u * 1024 * 1024)

static char dummy_hash[crypto_pwhash_STRBYTES];

bool crypto_setup(void)
{
	/* A ChaCha20 generator per thread, seeded from the kernel: ids and
	 * tokens without a system call each. */
	randombytes_set_implementation(&randombytes_internal_implementation);
	if (sodium_init() < 0)
		return false;
	if (!dummy_hash[0]) {
		static const char pw[] = "roster-dummy-password";
		if (crypto_pwhash_str_alg(dummy_hash, pw, sizeof pw - 1, PW_OPSLIMIT, PW_MEMLIMIT,
		                          crypto_pwhash_ALG_ARGON2ID13) != 0)
			return false;
	}
	return true;
}

static const char b32[] = "0123456789abcdefghjkmnpqrstvwxyz";

void id_new(const char *prefix, char out[ID_MAX])
{
	unsigned char raw[16];
	randombytes_buf(raw, sizeof raw);
	size_t n = strlen(prefix);
	if (n > ID_MAX - 28)
		n = ID_MAX - 28;
	memcpy(out, prefix, n);
	out[n++] = '_';
	/* 128 bits as 26 base32 digits, 5 bits at a time. */
	unsigned int acc = 0, bits = 0;
	for (size_t i = 0; i < sizeof raw; i++) {
		acc = (acc << 8) | raw[i];
		bits += 8;
		while (bits >= 5) {
			bits -= 5;
			out[n++] = b32[(acc >> bits) & 31];
		}
	}
	if (bits)
		out[n++] = b32[(acc << (5 - bits)) & 31];
	out[n] = '\0';
}

bool id_valid(const char *prefix, const char *s)
{
	size_t n = strlen(prefix);
	if (strncmp(s, prefix, n) != 0 || s[n] != '_')
		return false;
	s += n + 1;
	size_t len = 0;
	for (; s[len]; len++)
		if (!strchr(b32, s[len]))
			return false;
	return len == 26;
}

void token_new(char out[TOKEN_LEN + 1])
{
	unsigned char raw[32];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2base64(out, TOKEN_LEN + 1, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

void token_hash(const char *token, char out[TOKEN_HASH_LEN + 1])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, (const unsigned char *)token, strlen(token));
	sodium_bin2hex(out, TOKEN_HASH_LEN + 1, h, sizeof h);
}

bool password_hash(const char *password, size_t len, char out[PASSWORD_HASH_MAX])
{
	_Static_assert(PASSWORD_HASH_MAX >= crypto_pwhash_STRBYTES, "hash buffer");
	return crypto_pwhash_str_alg(out, password, len, PW_OPSLIMIT, PW_MEMLIMIT, crypto_pwhash_ALG_ARGON2ID13) == 0;
}

bool password_verify(const char *hash, const char *password, size_t len)
{
	return crypto_pwhash_str_verify(hash, password, len) == 0;
}

void password_verify_dummy(const char *password, size_t len)
{
	int ignored = crypto_pwhash_str_verify(dummy_hash, password, len);
	(void)ignored;
}

bool password_needs_rehash(const char *hash)
{
	return crypto_pwhash_str_needs_rehash(hash, PW_OPSLIMIT, PW_MEMLIMIT) != 0;
}

bool crypto_equal(const void *a, const void *b, size_t n)
{
	return sodium_memcmp(a, b, n) == 0;
}

void crypto_random(void *buf, size_t n)
{
	randombytes_buf(buf, n);
}

void hex_encode(char *out, const unsigned char *in, size_t n)
{
	sodium_bin2hex(out, 2 * n + 1, in, n);
}

bool hex_decode(const char *hex, unsigned char *out, size_t n)
{
	size_t len = 0;
	const char *end = NULL;
	return hex && strlen(hex) == 2 * n && sodium_hex2bin(out, n, hex, 2 * n, NULL, &len, &end) == 0 && len == n &&
	       *end == '\0';
}

void sign_keypair(unsigned char pk[SIGN_PUBLIC_LEN], unsigned char sk[SIGN_SECRET_LEN])
{
	crypto_sign_keypair(pk, sk);
}

void sign_detached(unsigned char sig[SIGNATURE_LEN], const void *msg, size_t len,
                   const unsigned char sk[SIGN_SECRET_LEN])
{
	crypto_sign_detached(sig, NULL, msg, len, sk);
}

bool sign_verify(const unsigned char sig[SIGNATURE_LEN], const void *msg, size_t len,
                 const unsigned char pk[SIGN_PUBLIC_LEN])
{
	return crypto_sign_verify_detached(sig, msg, len, pk) == 0;
}

void b64url_encode(char *out, size_t out_size, const unsigned char *in, size_t n)
{
	sodium_bin2base64(out, out_size, in, n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

bool b64url_decode(const char *b64, unsigned char *out, size_t cap, size_t *out_len)
{
	const char *end;
	size_t len = strlen(b64);
	return sodium_base642bin(out, cap, b64, len, NULL, out_len, &end, sodium_base64_VARIANT_URLSAFE_NO_PADDING) ==
	               0 &&
	       end == b64 + len;
}

void crypto_wipe(void *p, size_t n)
{
	sodium_memzero(p, n);
}
