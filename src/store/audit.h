#ifndef ROSTER_STORE_AUDIT_H
#define ROSTER_STORE_AUDIT_H

#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/list.h"
#include "core/model.h"
#include "store/db.h"

/* The audit log: written by every module inside its own transaction, read
 * a page at a time, newest first. */

struct audit_event {
	const char *org_id; /* NULL: not about one organization */
	const char *actor_id;
	const char *action;
	const char *target_type, *target_id;
	const char *request_id, *client_addr;
	const char *details; /* a JSON object, never secrets */
};
err_code store_audit_insert(struct db *db, const struct audit_event *ev, int64_t now, struct err *e);

err_code store_audit_list(struct db *db, struct arena *a, const char *org_id, const struct list_query *q,
                          audit_row_cb cb, void *arg, struct err *e);

#endif
