#ifndef ROSTER_BASE_CRYPTO_H
#define ROSTER_BASE_CRYPTO_H

#include <stdbool.h>
#include <stddef.h>

/* Thin wrappers over libsodium: random ids and tokens, token hashes, and
 * argon2id password hashes. crypto_setup() must succeed before any other call. */

bool crypto_setup(void);

/* "usr_" followed by 26 base32 characters of 128 random bits. */
#define ID_MAX 40
void id_new(const char *prefix, char out[ID_MAX]);
/* True if s looks like an id with this prefix (for 404 before touching the database). */
bool id_valid(const char *prefix, const char *s);

/* A 256-bit random token, base64url without padding: 43 characters. */
#define TOKEN_LEN 43
void token_new(char out[TOKEN_LEN + 1]);
/* SHA-256 of the token in hex: what the database stores instead of the token. */
#define TOKEN_HASH_LEN 64
void token_hash(const char *token, char out[TOKEN_HASH_LEN + 1]);

/* argon2id, m = 19 MiB, t = 2, p = 1 (OWASP's minimum); the encoded string
 * carries its parameters so they can be raised later. */
#define PASSWORD_HASH_MAX 128
bool password_hash(const char *password, size_t len, char out[PASSWORD_HASH_MAX]);
bool password_verify(const char *hash, const char *password, size_t len);
/* Burns the same time as a real verification, for unknown accounts. */
void password_verify_dummy(const char *password, size_t len);
bool password_needs_rehash(const char *hash);

/* n random bytes. */
void crypto_random(void *buf, size_t n);
/* n bytes as 2n lower-case hex digits (out holds 2n + 1); back: false
 * unless hex is exactly 2n hex digits. */
void hex_encode(char *out, const unsigned char *in, size_t n);
bool hex_decode(const char *hex, unsigned char *out, size_t n);

/* Ed25519 signatures (detached), for offline license certificates. */
#define SIGN_PUBLIC_LEN 32
#define SIGN_SECRET_LEN 64
#define SIGNATURE_LEN 64
void sign_keypair(unsigned char pk[SIGN_PUBLIC_LEN], unsigned char sk[SIGN_SECRET_LEN]);
void sign_detached(unsigned char sig[SIGNATURE_LEN], const void *msg, size_t len,
                   const unsigned char sk[SIGN_SECRET_LEN]);
bool sign_verify(const unsigned char sig[SIGNATURE_LEN], const void *msg, size_t len,
                 const unsigned char pk[SIGN_PUBLIC_LEN]);

/* base64url without padding. B64URL_SIZE(n): the bytes the text of n bytes
 * takes with its NUL. b64url_decode: false unless b64 is base64url without
 * padding of at most cap bytes (*out_len says how many). */
#define B64URL_SIZE(n) ((((n) + 2) / 3) * 4 + 1)
void b64url_encode(char *out, size_t out_size, const unsigned char *in, size_t n);
bool b64url_decode(const char *b64, unsigned char *out, size_t cap, size_t *out_len);

/* Zeroes a secret so that the compiler cannot skip it. */
void crypto_wipe(void *p, size_t n);

/* Constant-time comparison of two equal-length buffers. */
bool crypto_equal(const void *a, const void *b, size_t n);

#endif
