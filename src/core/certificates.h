#ifndef ROSTER_CORE_CERTIFICATES_H
#define ROSTER_CORE_CERTIFICATES_H

#include <stdbool.h>
#include <stdint.h>

#include "base/err.h"
#include "core/ctx.h"
#include "core/model.h"

struct db;
struct store;

/* Offline license certificates (docs/licensing.md): a statement that a
 * device is licensed until valid_until, signed with the server's Ed25519
 * key, which an app checks without the network.
 *
 *   {"format": "roster-license-1", "key_id": "lk_…",
 *    "payload": base64url(JSON), "signature": base64url(Ed25519(payload))}
 *
 * The payload's times are Unix seconds. One key signs at a time; a
 * rotated key stays published for CERT_KEY_KEEP_MS after it is retired,
 * longer than any certificate it signed is valid, so those keep verifying. */

#define CERT_FORMAT "roster-license-1"
#define CERT_KEY_KEEP_MS (365LL * 24 * 3600 * 1000)

struct certificate {
	const char *key_id, *payload, *signature; /* payload and signature base64url */
	int64_t valid_until;                      /* ms */
};

/* The signing key, made the first time (by one process of many). */
err_code license_key_ensure(struct store *store, struct err *e);
/* A new signing key; the one before is retired now. */
err_code license_key_rotate(struct store *store, struct arena *a, const char **out_id, struct err *e);

struct published_key {
	const char *id;
	char public_key[64]; /* base64url */
	int64_t created_at, retired_at;
};
typedef void (*published_key_cb)(const struct published_key *k, void *arg);
/* The keys that verify certificates still valid, the signing key first;
 * *out_current its id. */
err_code license_keys_published(const struct ctx *c, const char **out_current, published_key_cb cb, void *arg,
                                struct err *e);

/* The certificate of d licensed by p at now, in the caller's transaction:
 * signed anew, or the one signed for the same statement with the same key
 * less than a minute ago. key_id: the signing key's id when the caller
 * read it already (NULL: read here). */
err_code certificate_sign(struct db *db, struct arena *a, const struct device *d, const struct license_pool *p,
                          int64_t now, const char *key_id, struct certificate *out, struct err *e);

/* Checks a certificate (its JSON text) against the keys in the database:
 * E_OK with the payload's JSON text when the signature holds and now is
 * before valid_until; E_INVALID with the reason otherwise. */
err_code certificate_verify(struct store *store, struct arena *a, const char *json_text, int64_t now,
                            const char **out_payload, struct err *e);

#endif
