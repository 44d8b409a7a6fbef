#include "store/audit.h"

#include "base/crypto.h"
#include "store/list.h"
#include "store/query.h"
#include "store/store.h"

static const char SQL_AUDIT_INSERT[] =
        "INSERT INTO audit_events (id, org_id, at, actor_id, action, target_type, target_id, request_id,"
        " client_addr, details) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";

err_code store_audit_insert(struct db *db, const struct audit_event *ev, int64_t now, struct err *e)
{
	char id[ID_MAX];
	id_new("evt", id);
	return store_q_exec(
	        db, SQL_AUDIT_INSERT,
	        PARAMS(P_TEXT(id), P_TEXT(ev->org_id), P_I64(now), P_TEXT(ev->actor_id), P_TEXT(ev->action),
	               P_TEXT(ev->target_type ? ev->target_type : ""), P_TEXT(ev->target_id ? ev->target_id : ""),
	               P_TEXT(ev->request_id ? ev->request_id : ""), P_TEXT(ev->client_addr ? ev->client_addr : ""),
	               P_TEXT(ev->details ? ev->details : "{}")),
	        E_INTERNAL, e);
}

static const char SQL_AUDIT_SCOPE[] =
        "SELECT id, org_id, actor_id, action, target_type, target_id, request_id, client_addr, details, at"
        " FROM audit_events WHERE org_id = $1";

STORE_EACH(audit, struct audit_row, audit_row_cb)

err_code store_audit_list(struct db *db, struct arena *a, const char *org_id, const struct list_query *q,
                          audit_row_cb cb, void *arg, struct err *e)
{
	struct store_page page;
	if (store_list_page(SQL_AUDIT_SCOPE, PARAMS(P_TEXT(org_id)), q, &page, e))
		return e->code;
	struct audit_each x = {.cb = cb, .arg = arg};
	struct audit_row *r = &x.row;
	return store_page_each(db, a, &page,
	                       COLS(C_TEXT(&r->id), C_TEXT(&r->org_id), C_TEXT(&r->actor_id), C_TEXT(&r->action),
	                            C_TEXT(&r->target_type), C_TEXT(&r->target_id), C_TEXT(&r->request_id),
	                            C_TEXT(&r->client_addr), C_TEXT(&r->details), C_I64(&r->at)),
	                       audit_each_row, &x, e);
}
