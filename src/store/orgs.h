#ifndef ROSTER_STORE_ORGS_H
#define ROSTER_STORE_ORGS_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/list.h"
#include "core/model.h"
#include "store/accounts.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/member_search.h"
#include "store/members.h"

/* Queries on organizations, their modules and custom roles (orgs.c,
 * modules.c, roles.c); and, through the headers included above, on
 * memberships, the member search and the audit log. Like every store file: on a connection inside a transaction,
 * results copied into the arena. */

err_code store_org_insert(struct db *db, const struct org *o, struct err *e);
err_code store_org_get(struct db *db, struct arena *a, const char *id, struct org *out, struct err *e);
/* NULL leaves a field as it is. */
err_code store_org_update(struct db *db, const char *id, const char *name, const char *settings, int64_t now,
                          struct err *e);
err_code store_org_set_state(struct db *db, const char *id, const char *state, int64_t now, struct err *e);
/* A customer becomes an enterprise without a provider; E_CONFLICT when it is no customer (any more). */
err_code store_org_make_independent(struct db *db, const char *id, int64_t now, struct err *e);
/* The organization with the user's role in it and in its provider (NULL
 * where the user is no member), in one read: what an access decision rests
 * on. provider_type and provider_closed describe the provider (NULL and
 * false without one). in_provider_team: the user is in the team of the
 * provider that has this organization as an account. */
err_code store_org_view(struct db *db, struct arena *a, const char *org_id, const char *user_id, struct org_view *out,
                        struct err *e);
/* store_session_lookup() and store_org_view() for the session's user, in
 * one statement: E_NOT_FOUND when there is no such session, *org_found
 * false when there is no such organization. */
err_code store_session_org_view(struct db *db, struct arena *a, const char *token_hash, int64_t now,
                                int64_t idle_cutoff, const char *org_id, struct session *out_s, struct user *out_u,
                                struct org_view *out_v, bool *org_found, struct err *e);

/* Writes again the search key of every organization and team name whose
 * key differs from text_fold() of the name (after the folding rules
 * changed). */
err_code store_refold_names(struct db *db, struct err *e);

/* Serializes changes to one organization's memberships (see store_user_lock). */
err_code store_org_lock(struct db *db, const char *id, struct err *e);
/* A shared lock on the organization's row for the rest of the transaction
 * (PostgreSQL; SQLite's writers are serialized already): it waits for, and
 * holds off, store_org_lock, but not other shared locks. */
err_code store_org_lock_shared(struct db *db, const char *id, struct err *e);

/* A page of organizations (q: core's org list specs, whose columns are
 * those of the orgs table as o): every one, a provider's customers, or the
 * organizations a user belongs to, each with the user's role (NULL for
 * the other scopes). */
typedef enum { ORGS_ALL, ORGS_OF_PROVIDER, ORGS_OF_MEMBER } org_scope;
typedef void (*store_org_cb)(const struct org *o, const char *role, void *arg);
err_code store_org_list(struct db *db, struct arena *a, org_scope scope, const char *scope_id,
                        const struct list_query *q, store_org_cb cb, void *arg, struct err *e);

/* The organizations a user belongs to, with the role, in name order. */
typedef void (*store_user_org_cb)(const struct org *o, const char *role, void *arg);
err_code store_orgs_of_user(struct db *db, struct arena *a, const char *user_id, store_user_org_cb cb, void *arg,
                            struct err *e);

/* ---- modules ---- */

/* The modules enabled in an organization. */
err_code store_module_enable(struct db *db, const char *org_id, const char *module, const char *by, int64_t now,
                             struct err *e);
err_code store_module_disable(struct db *db, const char *org_id, const char *module, struct err *e);
err_code store_module_enabled(struct db *db, const char *org_id, const char *module, bool *out, struct err *e);
typedef void (*store_module_cb)(const char *module, void *arg);
err_code store_module_list(struct db *db, const char *org_id, store_module_cb cb, void *arg, struct err *e);

/* ---- custom roles ---- */

/* E_CONFLICT when the name is taken. */
err_code store_role_insert(struct db *db, const char *org_id, const struct role_row *r, struct err *e);
err_code store_role_get(struct db *db, struct arena *a, const char *org_id, const char *name, struct role_row *out,
                        struct err *e);
err_code store_role_update(struct db *db, const char *org_id, const char *name, const char *description,
                           const char *permissions, int64_t now, struct err *e);
err_code store_role_delete(struct db *db, const char *org_id, const char *name, struct err *e);
typedef void (*store_role_cb)(const struct role_row *r, void *arg);
err_code store_role_list(struct db *db, struct arena *a, const char *org_id, store_role_cb cb, void *arg,
                         struct err *e);

#endif
