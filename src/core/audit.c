#include "core/audit.h"

#include "base/clock.h"
#include "base/jsonw.h"
#include "base/text.h"
#include "core/accounts.h"
#include "core/authz.h"
#include "store/misc.h"
#include "store/orgs.h"
#include "store/store.h"

static const char *details_json(struct arena *a, const struct audit_kv *kv)
{
	if (!kv || !kv->key)
		return NULL;
	struct jw w;
	jw_init(&w, a);
	jw_obj(&w);
	for (; kv->key; kv++) {
		jw_key(&w, kv->key);
		if (kv->type == AUDIT_STR && kv->s)
			jw_raw(&w, json_quote(a, kv->s)); /* valid JSON for any bytes */
		else if (kv->type == AUDIT_STR)
			jw_null(&w);
		else if (kv->type == AUDIT_INT)
			jw_int(&w, kv->i);
		else
			jw_bool(&w, kv->i != 0);
	}
	jw_end_obj(&w);
	return jw_buf(&w);
}

err_code audit_record_by(struct db *db, const struct reqinfo *ri, const char *actor_id, const char *org_id,
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

err_code audit_record(struct db *db, const struct ctx *c, const char *org_id, const char *action,
                      const char *target_type, const char *target_id, const struct audit_kv *details, struct err *e)
{
	return audit_record_by(db, &c->ri, ctx_actor(c), org_id, action, target_type, target_id,
	                       details_json(c->arena, details), e);
}

static const struct list_sort audit_sorts[] = {{"at", "at", LIST_TIME}};
static const struct list_filter audit_filters[] = {
        {"action", "action", LIST_TEXT, LIST_EQ, NULL},
        {"actor", "actor_id", LIST_TEXT, LIST_EQ, NULL},
        {"since", "at", LIST_TIME, LIST_SINCE, NULL},
        {"until", "at", LIST_TIME, LIST_UNTIL, NULL},
};
const struct list_spec audit_list_spec = {
        .name = "audit",
        .sorts = audit_sorts,
        .nsorts = 1,
        .default_desc = true,
        .filters = audit_filters,
        .nfilters = 4,
        .id_column = "id",
};

struct list_arg {
	struct arena *a;
	const char *org_id;
	const struct list_query *q;
	audit_row_cb cb;
	void *arg;
};

static err_code list_tx(struct db *db, void *arg, struct err *e)
{
	struct list_arg *l = arg;
	return store_audit_list(db, l->a, l->org_id, l->q, l->cb, l->arg, e);
}

err_code audit_list(const struct ctx *c, const struct list_query *q, audit_row_cb cb, void *arg, struct err *e)
{
	struct list_arg l = {c->arena, c->access->org.id, q, cb, arg};
	return store_read(c->app->store, list_tx, &l, e);
}
