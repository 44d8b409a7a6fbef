#include "core/certificates.h"

#include "base/clock.h"
#include "base/crypto.h"
#include "base/json.h"
#include "base/jsonw.h"
#include "store/devices.h"
#include "store/store.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- keys ---- */

static void key_new(struct license_key *k, char id[ID_MAX], char pk_hex[2 * SIGN_PUBLIC_LEN + 1],
                    char sk_hex[2 * SIGN_SECRET_LEN + 1])
{
	unsigned char pk[SIGN_PUBLIC_LEN], sk[SIGN_SECRET_LEN];
	sign_keypair(pk, sk);
	id_new("lk", id);
	hex_encode(pk_hex, pk, sizeof pk);
	hex_encode(sk_hex, sk, sizeof sk);
	crypto_wipe(sk, sizeof sk);
	*k = (struct license_key){.id = id, .public_key = pk_hex, .secret_key = sk_hex, .created_at = clock_now_ms()};
}

struct key_arg {
	struct arena *a;
	struct license_key k;
	bool rotate;
};

static err_code ensure_tx(struct db *db, void *arg, struct err *e)
{
	struct key_arg *x = arg;
	struct license_key have;
	err_code rc = store_license_key_signing(db, x->a, &have, e);
	if (rc != E_NOT_FOUND)
		return rc;
	err_clear(e);
	return store_license_key_add(db, &x->k, false, clock_now_ms(), e);
}

err_code license_key_ensure(struct store *store, struct err *e)
{
	char id[ID_MAX], pk[2 * SIGN_PUBLIC_LEN + 1], sk[2 * SIGN_SECRET_LEN + 1];
	struct key_arg x = {.a = arena_new()};
	key_new(&x.k, id, pk, sk);
	err_code rc = store_tx(store, true, ensure_tx, &x, e);
	/* Another process made it first (PostgreSQL): theirs signs. */
	if (rc == E_CONFLICT) {
		err_clear(e);
		rc = E_OK;
	}
	crypto_wipe(sk, sizeof sk);
	arena_free(x.a);
	return rc;
}

static err_code rotate_tx(struct db *db, void *arg, struct err *e)
{
	struct key_arg *x = arg;
	return store_license_key_add(db, &x->k, true, clock_now_ms(), e);
}

err_code license_key_rotate(struct store *store, struct arena *a, const char **out_id, struct err *e)
{
	char id[ID_MAX], pk[2 * SIGN_PUBLIC_LEN + 1], sk[2 * SIGN_SECRET_LEN + 1];
	struct key_arg x = {.a = a, .rotate = true};
	key_new(&x.k, id, pk, sk);
	err_code rc = store_tx(store, true, rotate_tx, &x, e);
	crypto_wipe(sk, sizeof sk);
	if (!rc)
		*out_id = arena_strdup(a, id);
	return rc;
}

struct published_arg {
	struct arena *a;
	int64_t since;
	const char **current;
	published_key_cb cb;
	void *arg;
};

static void publish_one(const struct license_key *k, void *arg)
{
	struct published_arg *x = arg;
	struct published_key p = {.id = k->id, .created_at = k->created_at, .retired_at = k->retired_at};
	unsigned char pk[SIGN_PUBLIC_LEN];
	if (!hex_decode(k->public_key, pk, sizeof pk))
		return;
	b64url_encode(p.public_key, sizeof p.public_key, pk, sizeof pk);
	if (!k->retired_at)
		*x->current = k->id;
	x->cb(&p, x->arg);
}

static err_code published_tx(struct db *db, void *arg, struct err *e)
{
	struct published_arg *x = arg;
	return store_license_keys(db, x->a, x->since, publish_one, x, e);
}

err_code license_keys_published(const struct ctx *c, const char **out_current, published_key_cb cb, void *arg,
                                struct err *e)
{
	*out_current = NULL;
	struct published_arg x = {c->arena, clock_now_ms() - CERT_KEY_KEEP_MS, out_current, cb, arg};
	return store_read(c->app->store, published_tx, &x, e);
}

/* ---- certificates ---- */

/* Certificates signed in the last CERT_REUSE_MS, one a device, in sets of
 * CERT_CACHE_WAYS slots chosen by a hash of its id (so that two devices
 * whose ids meet in a slot do not make each other sign on every call):
 * the check an app makes at every start gets the same one again while
 * everything it states is unchanged, instead of a signature per call
 * (Ed25519 costs more than the rest of the request). The key that signs
 * is part of what is compared: a rotation, by any process, makes the
 * next call sign anew. A full set gives up its oldest. */
#define CERT_CACHE_SETS 8192
#define CERT_CACHE_WAYS 4
#define CERT_REUSE_MS (60 * 1000LL)

struct cached_cert {
	char *stated; /* what it says, as one string, the device's id first; NULL: empty slot */
	char *key_id, *payload, *signature;
	int64_t issued_at, valid_until;
};
static struct cached_cert cert_cache[CERT_CACHE_SETS][CERT_CACHE_WAYS];
static pthread_mutex_t cert_cache_lock = PTHREAD_MUTEX_INITIALIZER;

/* The fields joined by 0x1f, each NULL as empty: cut by hand, not by
 * printf, as it runs at every check. */
static char *statement(struct arena *a, const char *key_id, const struct device *d, const struct license_pool *p)
{
	char ends[24], days[16];
	snprintf(ends, sizeof ends, "%lld", (long long)p->ends_at);
	snprintf(days, sizeof days, "%d", p->offline_days);
	const char *part[] = {d->id,      d->code, d->user_id, d->org_id, key_id, p->id,
	                      p->product, p->plan, p->unit,    ends,      days};
	size_t n = 0, len[sizeof part / sizeof *part];
	for (size_t i = 0; i < sizeof part / sizeof *part; i++)
		n += (len[i] = part[i] ? strlen(part[i]) : 0) + 1;
	char *out = arena_alloc(a, n), *o = out;
	for (size_t i = 0; i < sizeof part / sizeof *part; i++) {
		memcpy(o, part[i] ? part[i] : "", len[i]);
		o += len[i];
		*o++ = '\x1f';
	}
	o[-1] = 0;
	return out;
}

static struct cached_cert *set_of(const char *device_id)
{
	uint32_t h = 2166136261u;
	for (const unsigned char *c = (const unsigned char *)device_id; *c; c++)
		h = (h ^ *c) * 16777619u;
	return cert_cache[h % CERT_CACHE_SETS];
}

/* Whether the slot holds a certificate of this device (the statement's first field). */
static bool slot_is(const struct cached_cert *c, const char *device_id, size_t id_len)
{
	return c->stated && !strncmp(c->stated, device_id, id_len) && c->stated[id_len] == '\x1f';
}

static bool cache_get(struct arena *a, const char *stated, const char *device_id, int64_t now, struct certificate *out)
{
	bool hit = false;
	size_t id_len = strlen(device_id);
	pthread_mutex_lock(&cert_cache_lock);
	struct cached_cert *set = set_of(device_id);
	for (int i = 0; i < CERT_CACHE_WAYS && !hit; i++) {
		struct cached_cert *c = &set[i];
		if (slot_is(c, device_id, id_len) && !strcmp(c->stated, stated) && now - c->issued_at < CERT_REUSE_MS &&
		    now < c->valid_until) {
			*out = (struct certificate){arena_strdup(a, c->key_id), arena_strdup(a, c->payload),
			                            arena_strdup(a, c->signature), c->valid_until};
			hit = true;
		}
	}
	pthread_mutex_unlock(&cert_cache_lock);
	return hit;
}

static void cache_put(const char *stated, const char *device_id, int64_t now, const struct certificate *cert)
{
	char *s = strdup(stated), *k = strdup(cert->key_id), *p = strdup(cert->payload), *g = strdup(cert->signature);
	if (!s || !k || !p || !g) {
		free(s), free(k), free(p), free(g);
		return;
	}
	size_t id_len = strlen(device_id);
	pthread_mutex_lock(&cert_cache_lock);
	struct cached_cert *set = set_of(device_id), *c = &set[0];
	/* The device's own slot, else an empty one, else the oldest. */
	for (int i = 0; i < CERT_CACHE_WAYS; i++) {
		if (slot_is(&set[i], device_id, id_len)) {
			c = &set[i];
			break;
		}
		if (!set[i].stated ? c->stated != NULL : c->stated && set[i].issued_at < c->issued_at)
			c = &set[i];
	}
	free(c->stated), free(c->key_id), free(c->payload), free(c->signature);
	*c = (struct cached_cert){s, k, p, g, now, cert->valid_until};
	pthread_mutex_unlock(&cert_cache_lock);
}

static err_code sign_new(struct arena *a, const struct license_key *k, const struct device *d,
                         const struct license_pool *p, int64_t now, struct certificate *out, struct err *e);

err_code certificate_sign(struct db *db, struct arena *a, const struct device *d, const struct license_pool *p,
                          int64_t now, const char *key_id, struct certificate *out, struct err *e)
{
	struct license_key k = {0};
	if (!key_id) {
		if (store_license_key_signing(db, a, &k, e))
			return e->code == E_NOT_FOUND ? err_set(e, E_INTERNAL, NULL, "no license signing key")
			                              : e->code;
		key_id = k.id;
	}
	if (cache_get(a, statement(a, key_id, d, p), d->id, now, out))
		return E_OK;
	if (!k.id && store_license_key_signing(db, a, &k, e))
		return e->code == E_NOT_FOUND ? err_set(e, E_INTERNAL, NULL, "no license signing key") : e->code;
	if (sign_new(a, &k, d, p, now, out, e))
		return e->code;
	/* Kept under the key that signed it (another may sign by now). */
	cache_put(statement(a, k.id, d, p), d->id, now, out);
	return E_OK;
}

static err_code sign_new(struct arena *a, const struct license_key *key, const struct device *d,
                         const struct license_pool *p, int64_t now, struct certificate *out, struct err *e)
{
	struct license_key k = *key;
	unsigned char sk[SIGN_SECRET_LEN];
	if (!hex_decode(k.secret_key, sk, sizeof sk))
		return err_set(e, E_INTERNAL, NULL, "the license key %s is not hex", k.id);
	int64_t valid = now + (int64_t)p->offline_days * 24 * 3600 * 1000;
	if (valid > p->ends_at)
		valid = p->ends_at;
	struct jw w;
	jw_init(&w, a);
	jw_obj(&w);
	jw_key(&w, "v");
	jw_int(&w, 1);
	jw_key(&w, "key_id");
	jw_str(&w, k.id);
	jw_key(&w, "device_id");
	jw_str(&w, d->id);
	jw_key(&w, "device_code");
	jw_str(&w, d->code);
	jw_key(&w, "user_id");
	jw_str(&w, d->user_id);
	jw_key(&w, "org_id");
	jw_str(&w, d->org_id);
	jw_key(&w, "license_id");
	jw_str(&w, p->id);
	jw_key(&w, "product");
	jw_str(&w, p->product);
	jw_key(&w, "plan");
	jw_str(&w, p->plan);
	jw_key(&w, "unit");
	jw_str(&w, p->unit);
	jw_key(&w, "ends_at");
	jw_int(&w, p->ends_at / 1000);
	jw_key(&w, "issued_at");
	jw_int(&w, now / 1000);
	jw_key(&w, "valid_until");
	jw_int(&w, valid / 1000);
	jw_end_obj(&w);
	const char *payload = jw_buf(&w);
	unsigned char sig[SIGNATURE_LEN];
	sign_detached(sig, payload, w.len, sk);
	crypto_wipe(sk, sizeof sk);
	char *p64 = arena_alloc(a, B64URL_SIZE(w.len)), *s64 = arena_alloc(a, B64URL_SIZE(SIGNATURE_LEN));
	b64url_encode(p64, B64URL_SIZE(w.len), (const unsigned char *)payload, w.len);
	b64url_encode(s64, B64URL_SIZE(SIGNATURE_LEN), sig, sizeof sig);
	*out = (struct certificate){
	        .key_id = k.id, .payload = p64, .signature = s64, .valid_until = valid / 1000 * 1000};
	return E_OK;
}

struct verify_arg {
	struct arena *a;
	const char *key_id;
	const char *public_key; /* hex, once found */
	int64_t retired_at;
};

static void find_key(const struct license_key *k, void *arg)
{
	struct verify_arg *x = arg;
	if (!strcmp(k->id, x->key_id))
		x->public_key = k->public_key;
}

static err_code verify_tx(struct db *db, void *arg, struct err *e)
{
	struct verify_arg *x = arg;
	return store_license_keys(db, x->a, 0, find_key, x, e);
}

#define CERT_PAYLOAD_MAX 4096

err_code certificate_verify(struct store *store, struct arena *a, const char *json_text, int64_t now,
                            const char **out_payload, struct err *e)
{
	json_t *cert;
	const char *format = NULL, *key_id = NULL, *payload = NULL, *signature = NULL;
	if (json_body_parse(a, json_text, strlen(json_text), &cert, e))
		return err_set(e, E_INVALID, NULL, "The certificate is not a JSON object.");
	struct err parse = {0};
	if (json_spec_parse(a, cert,
	                    (const struct json_field[]){JF_STRING("format", &format, JF_REQUIRED, 64),
	                                                JF_STRING("key_id", &key_id, JF_REQUIRED, ID_MAX),
	                                                JF_STRING("payload", &payload, JF_REQUIRED, 8192),
	                                                JF_STRING("signature", &signature, JF_REQUIRED, 128), JF_END},
	                    &parse))
		return err_set(e, E_INVALID, parse.field, "The certificate lacks or mangles its %s.",
		               parse.field ? parse.field : "fields");
	if (strcmp(format, CERT_FORMAT))
		return err_set(e, E_INVALID, "format", "The format is not %s.", CERT_FORMAT);
	unsigned char body[CERT_PAYLOAD_MAX + 1], sig[SIGNATURE_LEN], pk[SIGN_PUBLIC_LEN];
	size_t blen, slen;
	if (!b64url_decode(payload, body, CERT_PAYLOAD_MAX, &blen))
		return err_set(e, E_INVALID, "payload", "The payload is not base64url.");
	if (!b64url_decode(signature, sig, sizeof sig, &slen) || slen != sizeof sig)
		return err_set(e, E_INVALID, "signature", "The signature is not 64 bytes of base64url.");
	struct verify_arg x = {.a = a, .key_id = key_id};
	if (store_read(store, verify_tx, &x, e))
		return e->code;
	if (!x.public_key || !hex_decode(x.public_key, pk, sizeof pk))
		return err_set(e, E_INVALID, "key_id", "No key %s signs licenses here.", key_id);
	if (!sign_verify(sig, body, blen, pk))
		return err_set(e, E_INVALID, "signature", "The signature does not match the payload.");
	body[blen] = 0;
	json_t *p;
	json_int_t until = 0;
	if (json_body_parse(a, (const char *)body, blen, &p, e) || !json_is_integer(json_object_get(p, "valid_until")))
		return err_set(e, E_INVALID, "payload", "The payload has no valid_until.");
	until = json_integer_value(json_object_get(p, "valid_until"));
	*out_payload = arena_strdup(a, (const char *)body);
	if (now / 1000 >= until)
		return err_set(e, E_INVALID, "valid_until", "The certificate was valid until %lld (Unix time).",
		               (long long)until);
	return E_OK;
}
