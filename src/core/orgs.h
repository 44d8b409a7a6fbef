#ifndef ROSTER_CORE_ORGS_H
#define ROSTER_CORE_ORGS_H

#include <stdbool.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/limits.h"
#include "core/ctx.h"
#include "core/list.h"
#include "core/accounts.h"
#include "core/authz.h"
#include "core/model.h"

/* Organizations: creation by operators with their first administrator,
 * settings, closing, modules, customers and a customer's independence. */

#define ORG_NAME_MAX LIMIT_NAME_CHARS
#define MODULE_CUSTOMER_LOGIN "customer_login"
#define MODULE_TEAMS "teams"
bool module_known(const char *name);

struct org_new {
	const char *name;
	const char *type; /* enterprise | partner */
	struct user_new admin;
	const char *const *modules; /* NULL-terminated, or NULL */
};

/* By an operator (who may be NULL for rosterctl). The administrator gets the
 * membership and an email: "you are now the administrator" for an existing
 * account, a set-password link for a new one; both in their language. */
err_code org_create(const struct ctx *c, const struct org_new *n, struct org *out, struct user *out_admin,
                    struct err *e);

/* Designates one more administrator (rosterctl org admin): the same
 * emails as at creation. */
err_code org_add_admin(const struct ctx *c, const char *org_id, const struct user_new *n, struct user *out,
                       struct err *e);

/* The organizations visible in a list (org_list_spec: by name, ?q= a
 * prefix of it): an operator's page of all, or the caller's own with
 * their role. */
extern const struct list_spec org_list_spec;
typedef void (*org_item_cb)(const struct org *o, const char *role, void *arg);
err_code org_list(const struct ctx *c, const struct list_query *q, org_item_cb cb, void *arg, struct err *e);

/* The changes below take the access authz_org() granted and check it
 * again inside their transaction (authz_org_recheck). */

/* NULL leaves it as it is; settings is a JSON object's text. */
err_code org_update(const struct ctx *c, const char *name, const char *settings, struct org *out, struct err *e);
/* Closing and modules, like org_create, are the operators': their callers
 * are the routes marked R_OPERATOR, which the dispatcher refuses to anyone
 * else before the handler runs, and rosterctl. The route flag is the one
 * place that decides it, for these and for POST /orgs alike (which has no
 * organization for authz to look at); who may be NULL (rosterctl). */
err_code org_close(const struct ctx *c, struct err *e);
err_code org_module_set(const struct ctx *c, const char *module, bool on, struct err *e);
/* Modules enabled for the org, for rendering. */
typedef void (*org_module_cb)(const char *module, void *arg);
err_code org_modules(const struct ctx *c, const char *org_id, org_module_cb cb, void *arg, struct err *e);

/* The name of an organization, for showing a customer its provider (the
 * one fact of the provider its people see). */
err_code org_name(const struct ctx *c, const char *org_id, const char **out, struct err *e);

/* A corporate or individual customer of the provider in acc. */
err_code org_customer_create(const struct ctx *c, const char *name, const char *kind, struct org *out, struct err *e);
/* The provider's (c->access) customers, as org_list. */
extern const struct list_spec customer_list_spec;
err_code org_customer_list(const struct ctx *c, const struct list_query *q, org_item_cb cb, void *arg, struct err *e);

/* The customer becomes an enterprise without a provider, by its own
 * administrator or its provider's (authz_can_make_independent); from then
 * on the provider sees nothing. */
err_code org_make_independent(const struct ctx *c, struct org *out, struct err *e);

/* From the shell (rosterctl), as the local operator, whose audit events
 * carry no actor. */

/* The first LIMIT_PAGE_MAX organizations by name, all of them or those
 * whose name starts with prefix (NULL: all). */
err_code org_list_all(const struct ctx *c, const char *prefix, org_item_cb cb, void *arg, struct err *e);
/* Switches a module of the org on or off, as org_module_set does. */
err_code org_module_switch(const struct ctx *c, const char *org_id, const char *module, bool on, struct err *e);

#endif
