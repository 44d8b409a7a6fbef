#ifndef ROSTER_CORE_AUTHZ_H
#define ROSTER_CORE_AUTHZ_H

#include <stdbool.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/accounts.h"
#include "core/perms.h"
#include "store/orgs.h"

/* Who sees what (DESIGN.md §3), decided in one place. Handlers never
 * compute access; the dispatcher asks authz_org() for every route that
 * names an organization.
 *
 *   1. A user sees an organization through a membership, the operator
 *      flag, or the provider relation; anything else is 404, never 403.
 *   2. Within it, each action needs its permission: lacking it is 403.
 *   3. A provider's members with customers:read / customers:write see and
 *      manage its customer organizations while they are not independent.
 *   4. In a partner with the teams module on, the members of the team
 *      that has a customer organization as an account manage it: they get
 *      what customers:write gives (authz_team_grant), whatever their role
 *      in the partner. Members with customers:write manage every account
 *      by rule 3. A team counts only while the caller is a member of the
 *      partner, the partner is open and still the customer's provider, and
 *      grants nothing in the partner itself.
 *   5. Customer people see only their own organization; the provider is a
 *      name to them.
 *   6. Operators see and do everything (their actions are audited).
 * A closed organization answers 403 org_closed to everyone but operators. */

/* The facts a decision rests on, gathered from the database. */
struct authz_facts {
	bool is_operator;
	bool org_closed;
	bool is_member;
	permset member_perms;
	bool via_provider; /* a member of this customer's provider */
	permset provider_perms;
	bool via_team; /* rule 4: in the provider's team that has this account */
};

/* How the caller came in: the first relation that grants anything, in the
 * order operator, member, provider, team. */
typedef enum { VIA_NONE, VIA_OPERATOR, VIA_MEMBER, VIA_PROVIDER, VIA_TEAM } authz_via;

/* Pure: allow (E_OK with the effective permissions), E_NOT_FOUND or E_FORBIDDEN / E_ORG_CLOSED. */
err_code authz_decide(const struct authz_facts *f, perm need, permset *out_perms, authz_via *out_via, struct err *e);

/* What a provider's permissions grant in its customers' organizations. */
permset authz_provider_grant(permset provider_perms);
/* What a team grants in its accounts: what customers:write grants. */
permset authz_team_grant(void);

struct org_access {
	struct org org;
	const char *role; /* the caller's own role here, or NULL */
	permset perms;
	authz_via via;
	bool is_operator;
};

err_code authz_org(struct app *app, struct arena *a, const struct auth *who, const char *org_id, perm need,
                   struct org_access *out, struct err *e);

/* The permissions of a role in an organization: built in, or custom. */
err_code authz_role_perms(struct db *db, struct arena *a, const char *org_id, const char *role, permset *out,
                          struct err *e);

#endif
