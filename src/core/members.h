#ifndef ROSTER_CORE_MEMBERS_H
#define ROSTER_CORE_MEMBERS_H

#include <stdbool.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/limits.h"
#include "core/ctx.h"
#include "core/list.h"
#include "core/accounts.h"
#include "core/authz.h"
#include "core/model.h"

/* The people in an organization, and its roles. Every function takes the
 * access that authz_org() granted for the organization; those that change
 * something check it again inside their transaction (authz_org_recheck),
 * with the organization locked, and decide what the caller may give or
 * take with the fresh permissions. */

#define BULK_MAX LIMIT_BULK_IDS
#define ROLE_NAME_MAX LIMIT_ROLE_NAME_CHARS
#define ROLE_DESCRIPTION_MAX LIMIT_ROLE_DESCRIPTION_CHARS

/* Creates the account and the membership. With a password the user can
 * sign in at once; without one a set-password email goes out. An email
 * that has an account already answers E_USER_EXISTS. */
err_code member_create(const struct ctx *c, const struct user_new *n, const char *role, struct member *out,
                       struct err *e);

/* The members of the organization in c->access: sort name | email |
 * created_at (by the sort keys the memberships carry), or match when
 * searching; ?q= on the email, the last name or "first last"; ?role=. The
 * store's member search planner serves it (store/member_search.h). */
extern const struct list_spec member_list_spec;
err_code member_list(const struct ctx *c, const struct list_query *q, member_item_cb cb, void *arg, struct err *e);
err_code member_get(const struct ctx *c, const char *user_id, struct member *out, struct err *e);
err_code member_set_role(const struct ctx *c, const char *user_id, const char *role, struct member *out, struct err *e);
err_code member_remove(const struct ctx *c, const char *user_id, struct err *e);

/* Removes each id on its own: out_results[i] is E_OK ("removed"),
 * E_NOT_FOUND, or the reason it was refused. */
err_code member_remove_bulk(const struct ctx *c, const char *const *ids, int n, err_code *out_results, struct err *e);

/* ---- roles ---- */

struct role_view {
	const char *name, *description;
	permset perms;
	bool builtin;
	int64_t created_at, updated_at;
};
typedef void (*role_cb)(const struct role_view *r, void *arg);
err_code role_list(const struct ctx *c, role_cb cb, void *arg, struct err *e);
/* permissions: NULL-terminated names. Nobody grants what they do not hold,
 * and changing or deleting a role needs every permission it has now and
 * every one it will have (authz_can_change_role). */
err_code role_create(const struct ctx *c, const char *name, const char *description, const char *const *permissions,
                     struct role_view *out, struct err *e);
err_code role_update(const struct ctx *c, const char *name, const char *description, const char *const *permissions,
                     struct role_view *out, struct err *e);
err_code role_delete(const struct ctx *c, const char *name, struct err *e);

/* The caller's organizations with role and permissions, for /me. */
typedef void (*membership_cb)(const struct org *o, const char *role, permset perms, void *arg);
err_code member_orgs_of(const struct ctx *c, const char *user_id, membership_cb cb, void *arg, struct err *e);

#endif
