#include "core/ops.h"

#include "store/misc.h"
#include "store/store.h"

bool ops_ready(struct app *app)
{
	return store_ready(app->store);
}

static err_code depth_tx(struct db *db, void *arg, struct err *e)
{
	return store_outbox_depth(db, arg, e);
}

long long ops_outbox_depth(struct app *app)
{
	int64_t n = -1;
	struct err e;
	if (store_tx(app->store, false, depth_tx, &n, &e))
		return -1;
	return (long long)n;
}

void app_defer(struct app *app, void (*fn)(void *arg), void *arg)
{
	if (!app->defer || !app->defer(app, fn, arg))
		fn(arg);
}
