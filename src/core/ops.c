#include "core/ops.h"

#include "core/certificates.h"

#include "base/clock.h"
#include "base/crypto.h"
#include "base/text.h"

#include "core/accounts.h"
#include "core/ctx.h"

#include "store/misc.h"
#include "store/store.h"

bool ops_ready(const struct ctx *c)
{
	struct app *app = c->app;
	return store_ready(app->store);
}

static err_code depth_tx(struct db *db, void *arg, struct err *e)
{
	return store_outbox_depth(db, arg, e);
}

long long ops_outbox_depth(const struct ctx *c)
{
	struct app *app = c->app;
	int64_t n = -1;
	struct err e;
	if (store_tx(app->store, false, depth_tx, &n, &e))
		return -1;
	return (long long)n;
}

void ctx_defer(const struct ctx *c, void (*fn)(void *arg), void *arg)
{
	if (!c->defer || !c->defer(c->defer_arg, fn, arg))
		fn(arg);
}

const char *ctx_actor(const struct ctx *c)
{
	return c->who ? c->who->user.id : NULL;
}

struct secret_arg {
	struct arena *a;
	const char *offer;
	const char *value;
};

static err_code secret_tx(struct db *db, void *arg, struct err *e)
{
	struct secret_arg *s = arg;
	return store_secret(db, s->a, "cursor_key", s->offer, clock_now_ms(), &s->value, e);
}

err_code app_load_secrets(struct app *app, struct err *e)
{
	_Static_assert(sizeof app->cursor_key == CURSOR_KEY_LEN, "a cursor key");
	unsigned char fresh[CURSOR_KEY_LEN];
	char offer[2 * CURSOR_KEY_LEN + 1];
	crypto_random(fresh, sizeof fresh);
	hex_encode(offer, fresh, sizeof fresh);
	struct arena *a = arena_new();
	struct secret_arg s = {a, offer, NULL};
	err_code rc = store_tx(app->store, true, secret_tx, &s, e);
	if (!rc && !hex_decode(s.value, app->cursor_key, sizeof app->cursor_key))
		rc = err_set(e, E_INTERNAL, NULL, "The stored cursor key is not %d bytes of hex.", CURSOR_KEY_LEN);
	/* The key that signs offline license certificates. */
	if (!rc)
		rc = license_key_ensure(app->store, e);
	arena_free(a);
	return rc;
}
