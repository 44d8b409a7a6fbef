#ifndef ROSTER_CORE_AUDIT_H
#define ROSTER_CORE_AUDIT_H

#include "base/arena.h"
#include "base/err.h"
#include "core/app.h"
#include "core/model.h"

struct db;

/* The audit log: who did what to what, when, from where, in which org.
 * audit_record() writes on the caller's connection, inside the caller's
 * transaction, so that the change and its record commit together.
 * details is a small JSON object (never secrets), or NULL. */
err_code audit_record(struct db *db, const struct reqinfo *ri, const char *org_id, const char *actor_id,
                      const char *action, const char *target_type, const char *target_id, const char *details,
                      struct err *e);

/* A page of an organization's events, newest first. */
err_code audit_list(struct app *app, struct arena *a, const struct audit_query *q, audit_row_cb cb, void *arg,
                    struct err *e);

#endif
