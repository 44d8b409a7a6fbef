#include "core/ops.h"

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
