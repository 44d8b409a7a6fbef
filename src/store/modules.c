#include "store/orgs.h"

#include "store/query.h"
#include "store/store.h"

static const char SQL_MODULE_ENABLE[] =
        "INSERT INTO org_modules (org_id, module, enabled_by, enabled_at) VALUES ($1, $2, $3, $4)"
        " ON CONFLICT (org_id, module) DO NOTHING";

err_code store_module_enable(struct db *db, const char *org_id, const char *module, const char *by, int64_t now,
                             struct err *e)
{
	return store_q_exec(db, SQL_MODULE_ENABLE, PARAMS(P_TEXT(org_id), P_TEXT(module), P_TEXT(by), P_I64(now)),
	                    E_NOT_FOUND, e);
}

static const char SQL_MODULE_DISABLE[] = "DELETE FROM org_modules WHERE org_id = $1 AND module = $2";

err_code store_module_disable(struct db *db, const char *org_id, const char *module, struct err *e)
{
	return store_q_exec(db, SQL_MODULE_DISABLE, PARAMS(P_TEXT(org_id), P_TEXT(module)), E_INTERNAL, e);
}

static const char SQL_MODULE_ENABLED[] = "SELECT COUNT(*) FROM org_modules WHERE org_id = $1 AND module = $2";

err_code store_module_enabled(struct db *db, const char *org_id, const char *module, bool *out, struct err *e)
{
	int64_t n = 0;
	if (store_q_count(db, SQL_MODULE_ENABLED, PARAMS(P_TEXT(org_id), P_TEXT(module)), &n, e))
		return e->code;
	*out = n > 0;
	return E_OK;
}

static const char SQL_MODULE_LIST[] = "SELECT module FROM org_modules WHERE org_id = $1 ORDER BY module";

struct module_each {
	const char *module;
	store_module_cb cb;
	void *arg;
};

static void module_row(void *arg)
{
	struct module_each *x = arg;
	x->cb(x->module, x->arg);
}

err_code store_module_list(struct db *db, const char *org_id, store_module_cb cb, void *arg, struct err *e)
{
	struct module_each x = {.cb = cb, .arg = arg};
	return store_q_each(db, NULL, SQL_MODULE_LIST, PARAMS(P_TEXT(org_id)), COLS(C_TEXT_REF(&x.module)), module_row,
	                    &x, e);
}
