/* Checks a roster offline license certificate (docs/licensing.md).
 *
 *   cc verify_license.c -lsodium -o verify_license
 *   ./verify_license CERTIFICATE.json PUBLIC_KEY
 *
 * CERTIFICATE.json holds the certificate object of GET /api/v1/device/license;
 * PUBLIC_KEY is the public_key (base64url) of its key_id in GET /api/v1/license-key.
 * Prints the payload and exits 0 when the certificate is valid; prints nothing
 * on standard output and exits 1 when it is not (bad encoding, bad signature,
 * past valid_until), 2 on wrong usage. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define B64URL sodium_base64_VARIANT_URLSAFE_NO_PADDING

/* The value after the key "name": in a JSON text, or NULL. A key is a quoted name
 * followed by a colon, which no string value can imitate (its quotes are escaped). */
static const char *json_value(const char *json, const char *name)
{
	char key[40];
	size_t n = (size_t)snprintf(key, sizeof key, "\"%s\"", name);
	for (const char *p = strstr(json, key); p; p = strstr(p + 1, key)) {
		const char *v = p + n + strspn(p + n, " \t\r\n");
		if (*v == ':')
			return v + 1 + strspn(v + 1, " \t\r\n");
	}
	return NULL;
}

/* Decodes the base64url string value of "name" into out (at most cap bytes): its length, or -1. */
static long b64_value(const char *json, const char *name, unsigned char *out, size_t cap)
{
	const char *v = json_value(json, name), *end;
	size_t len;
	if (!v || *v != '"' || !(end = strchr(v + 1, '"')) ||
	    sodium_base642bin(out, cap, v + 1, (size_t)(end - v - 1), NULL, &len, NULL, B64URL) != 0)
		return -1;
	return (long)len;
}

/* The verifier: NULL when cert (a certificate's JSON text) is signed with key
 * (32 bytes) and still valid at now, its payload then in payload (cap bytes) and
 * its valid_until in *valid_until; otherwise why it is not. */
static const char *license_invalid(const char *cert, const unsigned char *key, long long now, unsigned char *payload,
                                   size_t cap, long long *valid_until)
{
	unsigned char sig[crypto_sign_BYTES];
	const char *format = json_value(cert, "format"), *v;
	if (!format || strncmp(format, "\"roster-license-1\"", 18) != 0)
		return "not a roster-license-1 certificate";
	long n = b64_value(cert, "payload", payload, cap - 1);
	if (n < 0 || b64_value(cert, "signature", sig, sizeof sig) != (long)sizeof sig)
		return "the payload or the signature is not base64url (no padding)";
	payload[n] = '\0';
	if (crypto_sign_verify_detached(sig, payload, (unsigned long long)n, key) != 0)
		return "the signature does not match the payload and this key";
	/* Signed, so written by roster: a flat object whose valid_until is an integer. */
	char *end;
	*valid_until = (v = json_value((const char *)payload, "valid_until")) ? strtoll(v, &end, 10) : 0;
	if (!v || end == v)
		return "the payload has no valid_until";
	if (now >= *valid_until)
		return "past valid_until: connect to renew the certificate";
	return NULL;
}

static int invalid(const char *why)
{
	fprintf(stderr, "invalid: %s\n", why);
	return 1;
}

int main(int argc, char **argv)
{
	static char cert[65536];
	static unsigned char payload[49152];
	unsigned char key[crypto_sign_PUBLICKEYBYTES];
	size_t key_len, n = 0;
	long long valid_until;
	if (argc != 3) {
		fprintf(stderr, "usage: %s CERTIFICATE.json PUBLIC_KEY\n", argv[0]);
		return 2;
	}
	FILE *f = fopen(argv[1], "rb");
	if (!f)
		return invalid("cannot read the certificate file");
	n = fread(cert, 1, sizeof cert - 1, f);
	fclose(f);
	cert[n] = '\0';
	if (sodium_init() < 0)
		return invalid("libsodium did not start");
	if (sodium_base642bin(key, sizeof key, argv[2], strlen(argv[2]), NULL, &key_len, NULL, B64URL) != 0 ||
	    key_len != sizeof key)
		return invalid("the public key is not 32 bytes in base64url");
	const char *why = license_invalid(cert, key, (long long)time(NULL), payload, sizeof payload, &valid_until);
	if (why)
		return invalid(why);
	printf("%s\n", (const char *)payload); /* only what the signature and the clock vouch for */
	fprintf(stderr, "valid until %lld (Unix seconds)\n", valid_until);
	return 0;
}
