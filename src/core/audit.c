#include "core/audit.h"

#include "base/clock.h"
#include "store/misc.h"
#include "store/orgs.h"
#include "store/store.h"

err_code audit_record(struct db *db, const struct reqinfo *ri, const char *org_id, const char *actor_id,
                      const char *action, const char *target_type, const char *target_id, const char *details,
                      struct err *e)
{
	struct audit_event ev = {
	        .org_id = org_id,
	        .actor_id = actor_id,
	        .action = action,
	        .target_type = target_type,
	        .target_id = target_id,
	        .request_id = ri ? ri->request_id : NULL,
	        .client_addr = ri ? ri->client_addr : NULL,
	        .details = details,
	};
	return store_audit_insert(db, &ev, clock_now_ms(), e);
}

struct list_arg {
	struct arena *a;
	const struct audit_query *q;
	audit_row_cb cb;
	void *arg;
};

static err_code list_tx(struct db *db, void *arg, struct err *e)
{
	struct list_arg *l = arg;
	return store_audit_list(db, l->a, l->q, l->cb, l->arg, e);
}

err_code audit_list(struct app *app, struct arena *a, const struct audit_query *q, audit_row_cb cb, void *arg,
                    struct err *e)
{
	struct list_arg l = {a, q, cb, arg};
	return store_read(app->store, list_tx, &l, e);
}
