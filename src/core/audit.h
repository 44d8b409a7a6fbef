#ifndef ROSTER_CORE_AUDIT_H
#define ROSTER_CORE_AUDIT_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/ctx.h"
#include "core/list.h"
#include "core/model.h"

struct db;

/* The audit log: who did what to what, when, from where, in which org.
 * audit_record() writes on the caller's connection, inside the caller's
 * transaction, so that the change and its record commit together. The
 * actor, request id and address come from the context. */

/* One detail of an event: a key and a string (NULL: null), an integer or a
 * boolean. Never a secret. */
struct audit_kv {
	const char *key;
	enum { AUDIT_STR, AUDIT_INT, AUDIT_BOOL } type;
	const char *s;
	int64_t i;
};
#define A_STR(k, v) ((struct audit_kv){.key = (k), .type = AUDIT_STR, .s = (v)})
#define A_INT(k, v) ((struct audit_kv){.key = (k), .type = AUDIT_INT, .i = (v)})
#define A_BOOL(k, v) ((struct audit_kv){.key = (k), .type = AUDIT_BOOL, .i = (v) ? 1 : 0})
/* The details of an event, as the last argument before e of audit_record():
 *   audit_record(db, c, org_id, "org.updated", "org", org_id,
 *                AUDIT_DETAILS(A_STR("name", name), A_BOOL("settings_changed", s != NULL)), e); */
#define AUDIT_DETAILS(...) ((const struct audit_kv[]){__VA_ARGS__, {0}})

/* details: terminated by an entry without a key (AUDIT_DETAILS), or NULL. */
err_code audit_record(struct db *db, const struct ctx *c, const char *org_id, const char *action,
                      const char *target_type, const char *target_id, const struct audit_kv *details, struct err *e);

/* The same with an actor and a request of the caller's choosing (account
 * events, whose actor is the account itself). */
err_code audit_record_by(struct db *db, const struct reqinfo *ri, const char *actor_id, const char *org_id,
                         const char *action, const char *target_type, const char *target_id, const char *details_json,
                         struct err *e);

/* A page of the events of the organization in c->access (audit_list_spec:
 * newest first by default; ?action=, ?actor=, ?since=, ?until=). */
extern const struct list_spec audit_list_spec;
err_code audit_list(const struct ctx *c, const struct list_query *q, audit_row_cb cb, void *arg, struct err *e);

#endif
