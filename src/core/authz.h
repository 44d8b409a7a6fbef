#ifndef ROSTER_CORE_AUTHZ_H
#define ROSTER_CORE_AUTHZ_H

#include <stdbool.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/accounts.h"
#include "core/ctx.h"
#include "core/perms.h"
#include "core/model.h"

struct db;

/* Who sees what (DESIGN.md §3), decided in one place. Handlers never
 * compute access; the dispatcher asks authz_org() for every route
 * that names an organization, and core asks authz_org_recheck() again
 * inside every write transaction whose rule depends on the caller.
 *
 *   1. A user sees an organization through a membership, the operator
 *      flag, or the provider relation; anything else is 404, never 403.
 *   2. Within it, each action needs its permission: lacking it is 403.
 *   3. A provider's members see and manage its customer organizations while
 *      they are not independent: customers:read grants reading
 *      (authz_provider_grant), customers:write what the customer's own
 *      administrators hold, so that they act there as those do and give
 *      the customer's people any of its roles.
 *   4. In a partner with the teams module on, the members of the team
 *      that has a customer organization as an account manage it: they get
 *      what customers:write gives (authz_team_grant), whatever their role
 *      in the partner. Members with customers:write manage every account
 *      by rule 3. A team counts only while the caller is a member of the
 *      partner, the partner is open and still the customer's provider, and
 *      grants nothing in the partner itself.
 *   5. Customer people see only their own organization; the provider is a
 *      name to them. Their back office is the provider's customer_login
 *      module: while it is off, a membership in the customer counts for
 *      nothing (403 module_disabled), and only the provider's staff and
 *      operators reach the customer.
 *   6. Operators see and do everything (their actions are audited).
 * A closed organization answers 403 org_closed to everyone but operators.
 *
 * The order of the answers: not visible (404), closed (org_closed), a
 * module the request needs is off (module_disabled), the permission
 * (forbidden). */

/* The facts a decision rests on, gathered from the database. */
struct authz_facts {
	bool is_operator;
	bool org_closed;
	bool is_member;
	permset member_perms;
	bool via_provider; /* a member of this customer's provider */
	permset provider_perms;
	bool via_team;       /* rule 4: in the provider's team that has this account */
	bool in_customer;    /* the organization is a customer of a provider */
	bool customer_login; /* that provider has customer_login on (read where a decision turns on it) */
};

/* How the caller came in: the first relation that grants anything, in the
 * order operator, member, provider, team. */
typedef enum { VIA_NONE, VIA_OPERATOR, VIA_MEMBER, VIA_PROVIDER, VIA_TEAM } authz_via;

/* What a request needs besides its permission (the route's flags). */
enum authz_need {
	/* In a customer organization, the provider's customer_login module: for
	 * everyone, operators included (creating the customer's logins). */
	AUTHZ_CUSTOMER_LOGIN = 1,
};

/* Pure: allow (E_OK with the effective permissions), or E_NOT_FOUND,
 * E_ORG_CLOSED, E_MODULE_DISABLED (field "module"), E_FORBIDDEN, in that
 * order. needs: enum authz_need flags. */
err_code authz_decide(const struct authz_facts *f, perm need, unsigned needs, permset *out_perms, authz_via *out_via,
                      struct err *e);

/* What a provider's permissions grant in its customers' organizations. */
permset authz_provider_grant(permset provider_perms);
/* What a team grants in its accounts: what customers:write grants. */
permset authz_team_grant(void);

struct org_access {
	struct org org;
	const char *role;          /* the caller's own role here, or NULL */
	const char *provider_role; /* their role in the provider, where the provider relation counts */
	permset perms;
	authz_via via;
	bool is_operator;
	perm need;      /* what was asked, for authz_org_recheck() */
	unsigned needs; /* enum authz_need flags */
};

/* The caller's (c->who) access to the organization for a request that
 * needs the permission need and the enum authz_need flags needs. */
err_code authz_org(const struct ctx *c, const char *org_id, perm need, unsigned needs, struct org_access *out,
                   struct err *e);

/* authz_org() in two steps, for a read that finds the caller's session
 * and their view of the organization at once (account_authenticate_org()):
 * authz_gather_view() gathers the facts in that read, from the view;
 * authz_org_read_ahead() decides on them, as authz_org() would have. */
struct authz_read_ahead {
	bool org_found;
	unsigned needs;
	struct org_access access; /* the organization and the caller's roles, undecided */
	struct authz_facts facts;
};
err_code authz_gather_view(struct db *db, struct arena *a, const struct auth *who, const char *org_id, unsigned needs,
                           const struct org_view *v, bool org_found, struct authz_read_ahead *out, struct err *e);
err_code authz_org_read_ahead(const struct authz_read_ahead *ra, perm need, struct org_access *out, struct err *e);

/* Inside a write transaction, before anything that rests on the caller's
 * access: decides again, with what c->access was granted for, on what
 * the database holds now, and fills *out with the fresh access (use it,
 * not c->access, from then on). c->who may be NULL only for an operator's
 * access (rosterctl).
 *
 * The lock protocol, so that a concurrent demotion either committed before
 * this read or waits until the caller's transaction ends: this takes the
 * organization's row lock (store_org_lock), then a shared lock on its
 * provider's row (store_org_lock_shared), always in that order, and reads
 * after both. Every change that can take access away locks the
 * organization it happens in, exclusively, before it changes anything:
 * a membership's role or its removal, a custom role's permissions or its
 * deletion, a module, closing, independence (these run through
 * authz_org_recheck themselves, or update the row). A change to a team's
 * members or accounts (rule 4) takes access away too: whoever writes one
 * locks the partner first. SQLite's writers are serialized already; the
 * same calls cost it nothing. */
/* The shell's (rosterctl's) caller: the local operator, who sees every
 * organization and is no user. authz_shell() makes *as a copy of c acting
 * as it in org_id, with *acc its access there. */
extern const struct auth authz_local_operator;
err_code authz_shell(const struct ctx *c, const char *org_id, struct ctx *as, struct org_access *acc, struct err *e);

err_code authz_org_recheck(struct db *db, const struct ctx *c, struct org_access *out, struct err *e);

/* ---- what an access allows beyond the route's permission ---- */

/* Nobody gives what they do not hold: a role, or a role's permissions. */
bool authz_can_grant(const struct org_access *acc, permset perms);
/* Nobody changes or removes a member holding more than they do. */
bool authz_can_manage_member(const struct org_access *acc, permset theirs);
/* Changing or deleting a custom role needs every permission it has now
 * (else it weakens those stronger than the caller) and every one it will
 * have (else it escalates); deleting: after = 0. */
bool authz_can_change_role(const struct org_access *acc, permset before, permset after);
/* Rule 6: the routes marked operators-only (creating and closing
 * organizations, modules) are this caller's. */
bool authz_is_operator(const struct auth *who);
/* Lists of organizations show this caller every one, not only their own. */
bool authz_sees_every_org(const struct auth *who);
/* A customer becomes independent by its own administrator, its
 * provider's administrator, or an operator. */
bool authz_can_make_independent(const struct org_access *acc);

/* The permissions of a role in an organization: built in, or custom. */
err_code authz_role_perms(struct db *db, struct arena *a, const char *org_id, const char *role, permset *out,
                          struct err *e);

#endif
